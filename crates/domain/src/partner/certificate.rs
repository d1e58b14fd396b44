//! The yearly electronic authorization certificate (RULES §Certificate).

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::common::transition::{TransitionError, required_reason};

/// Where a certificate request stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CertificateState {
    /// Requested by the partner, waiting for the channel manager.
    Requested,
    /// Approved and issued.
    Approved {
        /// Certificate number.
        number: String,
        /// Day of issue.
        #[serde(deserialize_with = "crate::common::iso::date")]
        issued: NaiveDate,
    },
    /// Rejected with a reason.
    Rejected {
        /// Why.
        reason: String,
    },
}

/// Whether an issued certificate is valid on a given day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Validity {
    /// Valid until the date given.
    Valid {
        /// Last valid day (31 December of the issue year).
        #[serde(deserialize_with = "crate::common::iso::date")]
        until: NaiveDate,
    },
    /// Expired after the date given: apply for this year's.
    Expired {
        /// Last valid day.
        #[serde(deserialize_with = "crate::common::iso::date")]
        until: NaiveDate,
    },
}

/// The last day a certificate issued on `issued` is valid: 31 December of that year
/// (the agreement's year).
pub fn valid_until(issued: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(issued.year(), 12, 31).unwrap_or(issued)
}

/// A certificate number: `PC-<year>-<sequence, 6 digits>`.
pub fn certificate_number(issued: NaiveDate, sequence: u32) -> String {
    format!("PC-{}-{:06}", issued.year(), sequence)
}

impl CertificateState {
    /// Approves a requested certificate.
    pub fn approve(&self, number: String, issued: NaiveDate) -> Result<Self, TransitionError> {
        match self {
            CertificateState::Requested => Ok(CertificateState::Approved { number, issued }),
            other => Err(TransitionError::Illegal {
                state: other.name(),
                event: "approve",
            }),
        }
    }

    /// Rejects a requested certificate with a required reason.
    pub fn reject(&self, reason: &str) -> Result<Self, TransitionError> {
        match self {
            CertificateState::Requested => Ok(CertificateState::Rejected {
                reason: required_reason(reason)?,
            }),
            other => Err(TransitionError::Illegal {
                state: other.name(),
                event: "reject",
            }),
        }
    }

    /// A stable name for messages.
    pub fn name(&self) -> &'static str {
        match self {
            CertificateState::Requested => "requested",
            CertificateState::Approved { .. } => "approved",
            CertificateState::Rejected { .. } => "rejected",
        }
    }

    /// For an approved certificate, whether it is valid on `today`.
    pub fn validity(&self, today: NaiveDate) -> Option<Validity> {
        match self {
            CertificateState::Approved { issued, .. } => {
                let until = valid_until(*issued);
                Some(if today <= until {
                    Validity::Valid { until }
                } else {
                    Validity::Expired { until }
                })
            }
            _ => None,
        }
    }

    /// Whether a new request may be made on `today`: none pending and none valid.
    pub fn may_request_new(&self, today: NaiveDate) -> bool {
        match self {
            CertificateState::Requested => false,
            CertificateState::Rejected { .. } => true,
            CertificateState::Approved { .. } => {
                matches!(self.validity(today), Some(Validity::Expired { .. }))
            }
        }
    }
}

/// Who a certificate is issued to, as printed on it (taken from the profile when it is
/// approved, so a later rename does not rewrite an issued certificate).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateHolder {
    /// Partner (company) name.
    pub name: String,
    /// USCC.
    pub uscc: String,
    /// Partner type.
    pub partner_type: Option<crate::onboarding::partner_type::PartnerType>,
}

/// The partner's certificate: the current request or certificate and its history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateRecord {
    /// Where it stands.
    pub state: CertificateState,
    /// The day it was requested.
    #[serde(deserialize_with = "crate::common::iso::date")]
    pub requested_on: NaiveDate,
    /// Who it is issued to (set on approval).
    #[serde(default)]
    pub holder: Option<CertificateHolder>,
    /// Certificates issued before this one (for the sequence in the number).
    #[serde(default)]
    pub issued_before: u32,
    /// Every move: state name, when, who, reason.
    #[serde(default)]
    pub history: Vec<crate::common::transition::StateChange<String>>,
}

impl CertificateRecord {
    /// A new request on `today`, following `previous` (if any).
    pub fn request(
        previous: Option<&CertificateRecord>,
        today: NaiveDate,
        at: chrono::DateTime<chrono::Utc>,
        actor: crate::common::transition::Actor,
    ) -> Result<Self, TransitionError> {
        if let Some(p) = previous
            && !p.state.may_request_new(today)
        {
            return Err(TransitionError::Illegal {
                state: p.state.name(),
                event: "request",
            });
        }
        let issued_before = previous.map_or(0, |p| {
            p.issued_before + u32::from(matches!(p.state, CertificateState::Approved { .. }))
        });
        let mut history = previous.map(|p| p.history.clone()).unwrap_or_default();
        history.push(crate::common::transition::StateChange {
            from: previous.map(|p| p.state.name().to_string()),
            to: "requested".into(),
            at,
            actor,
            reason: None,
            on: None,
        });
        Ok(CertificateRecord {
            state: CertificateState::Requested,
            requested_on: today,
            holder: None,
            issued_before,
            history,
        })
    }

    /// Approves: issues the certificate on `today` to `holder`.
    pub fn approve(
        &mut self,
        holder: CertificateHolder,
        today: NaiveDate,
        at: chrono::DateTime<chrono::Utc>,
        actor: crate::common::transition::Actor,
    ) -> Result<(), TransitionError> {
        let number = certificate_number(today, self.issued_before + 1);
        self.state = self.state.approve(number, today)?;
        self.holder = Some(holder);
        self.history.push(crate::common::transition::StateChange {
            from: Some("requested".into()),
            to: "approved".into(),
            at,
            actor,
            reason: None,
            on: None,
        });
        Ok(())
    }

    /// Rejects with a required reason.
    pub fn reject(
        &mut self,
        reason: &str,
        at: chrono::DateTime<chrono::Utc>,
        actor: crate::common::transition::Actor,
    ) -> Result<(), TransitionError> {
        self.state = self.state.reject(reason)?;
        self.history.push(crate::common::transition::StateChange {
            from: Some("requested".into()),
            to: "rejected".into(),
            at,
            actor,
            reason: Some(reason.trim().to_string()),
            on: None,
        });
        Ok(())
    }
}
