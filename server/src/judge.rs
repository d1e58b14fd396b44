//! Each write read as one event and judged by the domain on the stored value: what the
//! server stores is what the domain computed, with the server's actor and clock. Effects
//! that belong to the server (approval makes the partner) run in the same transaction.
//!
//! Applications are judged event by event (`onboarding::application_judge`). The other
//! collections are, for now, held to the scope, the access tables and their record type;
//! their state machines are judged the same way as each gets its domain judge.

use chrono::{DateTime, Utc};
use partner_domain::learning::learner::{EnabledDomains, Learner};
use partner_domain::money::customer::Customer;
use partner_domain::money::settlement::SettlementSheet;
use partner_domain::money::special_rebate::SpecialRebate;
use partner_domain::onboarding::application::{Application, ApplicationState};
use partner_domain::onboarding::application_judge;
use partner_domain::onboarding::eligibility_input::EligibilityInput;
use partner_domain::partner::announcement::Announcement;
use partner_domain::partner::certificate::CertificateRecord;
use partner_domain::partner::lifecycle::Lifecycle;
use partner_domain::partner::profile::{ChangeRecord, PartnerProfile};
use partner_domain::records::{Collection, Refusal};
use serde::de::DeserializeOwned;
use serde_json::Value;
use sqlx::{Postgres, Transaction};

use crate::auth::Caller;
use crate::error::ApiError;
use crate::records::audit;
use crate::scope;

/// The profile records' ids (the app's `data::partner` names them the same).
pub const PROFILE: &str = "partner";
const PROFILE_HISTORY: &str = "history";
const LIFECYCLE: &str = "lifecycle";

/// Records with a state machine: a write must name the revision it read (`If-Match`).
pub fn guarded(collection: Collection) -> bool {
    use Collection::*;
    matches!(
        collection,
        Applications | Profiles | Certificates | Customers | Settlements | Learners
    )
}

/// What the server stores, the event's name for the audit log, and what else follows.
pub struct Judged {
    /// The record's data as computed.
    pub data: Value,
    /// The event (`submit`, `approve`, `edit`, `write` …).
    pub event: &'static str,
    /// Server effects, in the same transaction.
    pub effects: Vec<Effect>,
}

/// Something the server does because of an event.
pub enum Effect {
    /// An approved application makes its applicant a partner's main account, assigned to
    /// the approving manager, with the profile it applied with.
    Admit(Box<Application>),
}

fn read<T: DeserializeOwned>(value: Value) -> Result<T, ApiError> {
    serde_json::from_value(value).map_err(|e| ApiError::BadBody(e.to_string()))
}

fn stored_as<T: DeserializeOwned>(value: Option<&Value>) -> Result<Option<T>, ApiError> {
    value
        .map(|v| serde_json::from_value(v.clone()))
        .transpose()
        .map_err(|e| {
            eprintln!("a stored record does not read as its type: {e}");
            ApiError::Unavailable
        })
}

/// Refuses data that does not read as the collection's record type (422), and passes
/// it on as it reads (unknown fields dropped).
fn typed<T: DeserializeOwned + serde::Serialize>(value: Value) -> Result<Value, ApiError> {
    let typed: T = read(value)?;
    serde_json::to_value(typed).map_err(|e| ApiError::BadBody(e.to_string()))
}

/// Judges a write of `proposed` over `stored` in `collection`.
pub fn judge(
    collection: Collection,
    caller: &Caller,
    id: &str,
    stored: Option<&Value>,
    proposed: Value,
    now: DateTime<Utc>,
) -> Result<Judged, ApiError> {
    let plain = |data| {
        Ok(Judged {
            data,
            event: "write",
            effects: Vec::new(),
        })
    };
    match collection {
        Collection::Applications => {
            let before: Option<Application> = stored_as(stored)?;
            let proposed: Application = read(proposed)?;
            // An application's id is its applicant's account id (one per account).
            let next =
                application_judge::judge(before.as_ref(), &proposed, id, id, caller.actor(), now)?;
            let from = before.as_ref().map(|a| a.status.state);
            let event = match (from, next.status.state) {
                (Some(a), b) if a == b => "edit",
                (None, _) => "create",
                (_, ApplicationState::Submitted) => "submit",
                (_, ApplicationState::Approved) => "approve",
                (_, ApplicationState::Rejected) => "reject",
                (_, ApplicationState::Draft) => "reopen",
            };
            let effects = if event == "approve" {
                vec![Effect::Admit(Box::new(next.clone()))]
            } else {
                Vec::new()
            };
            Ok(Judged {
                data: serde_json::to_value(&next).map_err(|e| ApiError::BadBody(e.to_string()))?,
                event,
                effects,
            })
        }
        Collection::Profiles => match id {
            PROFILE => plain(typed::<PartnerProfile>(proposed)?),
            PROFILE_HISTORY => plain(typed::<Vec<ChangeRecord>>(proposed)?),
            LIFECYCLE => plain(typed::<Lifecycle>(proposed)?),
            _ => Err(ApiError::Refused(Refusal::field(
                "id",
                "unknown-profile-record",
            ))),
        },
        Collection::Certificates => plain(typed::<CertificateRecord>(proposed)?),
        Collection::Customers => plain(typed::<Customer>(proposed)?),
        Collection::Settlements => plain(typed::<SettlementSheet>(proposed)?),
        Collection::SpecialRebates => plain(typed::<SpecialRebate>(proposed)?),
        Collection::Announcements => plain(typed::<Announcement>(proposed)?),
        Collection::Learners => plain(typed::<Learner>(proposed)?),
        Collection::EligibilityChecks => plain(typed::<EligibilityInput>(proposed)?),
        Collection::LearningSettings => plain(typed::<EnabledDomains>(proposed)?),
        // Statement chunks: the app's own compact format, checked by its reader.
        Collection::Statements => plain(proposed),
        Collection::EmailCodes => Err(ApiError::NotFound),
    }
}

impl Effect {
    /// Carries the effect out inside the write's transaction.
    pub async fn apply(
        self,
        tx: &mut Transaction<'_, Postgres>,
        caller: &Caller,
        now: DateTime<Utc>,
    ) -> Result<(), ApiError> {
        match self {
            Effect::Admit(application) => {
                let partner = application.partner_uin(now);
                let profile = PartnerProfile::admitted(&application, &partner);
                sqlx::query(
                    "INSERT INTO partners (id, company_name, manager_id) VALUES ($1, $2, $3)
                     ON CONFLICT (id) DO UPDATE SET company_name = EXCLUDED.company_name,
                       manager_id = EXCLUDED.manager_id",
                )
                .bind(&partner)
                .bind(&profile.company_name)
                .bind(&caller.account_id)
                .execute(&mut **tx)
                .await?;
                sqlx::query("UPDATE accounts SET role = 'main', partner_id = $2 WHERE id = $1")
                    .bind(&application.id)
                    .bind(&partner)
                    .execute(&mut **tx)
                    .await?;
                let data =
                    serde_json::to_value(&profile).map_err(|e| ApiError::BadBody(e.to_string()))?;
                let created = sqlx::query(
                    "INSERT INTO records (scope, collection, id, rev, data, updated_at, updated_by)
                     VALUES ($1, 'profiles', $2, 1, $3, $4, $5) ON CONFLICT DO NOTHING",
                )
                .bind(scope::partner_scope(&partner))
                .bind(PROFILE)
                .bind(&data)
                .bind(now)
                .bind(&caller.account_id)
                .execute(&mut **tx)
                .await?;
                if created.rows_affected() == 1 {
                    let s = scope::partner_scope(&partner);
                    audit(tx, &s, Collection::Profiles, PROFILE, caller, "admit", 0, 1).await?;
                }
                Ok(())
            }
        }
    }
}
