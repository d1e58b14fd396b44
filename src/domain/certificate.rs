//! The yearly electronic authorization certificate (SPEC §3.4).

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::transition::{TransitionError, required_reason};

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
        until: NaiveDate,
    },
    /// Expired after the date given: apply for this year's.
    Expired {
        /// Last valid day.
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
