//! Each write read as one event and judged by the domain on the stored value: what the
//! server stores is what the domain computed, with the server's actor and clock. What a
//! judge needs besides the two records (the partner's profile for a certificate, its
//! customers for a termination, a confirmed address for a learner) is read from the
//! database in the write's transaction; effects that belong to the server (approval makes
//! the partner; a profile change writes its history lines) run there too.

use chrono::{DateTime, Utc};
use partner_domain::learning::learner::{EnabledDomains, Learner};
use partner_domain::learning::learner_judge::{JoinFacts, judge_learner};
use partner_domain::money::customer::Customer;
use partner_domain::money::customer_judge::judge_customer;
use partner_domain::money::settlement::SettlementSheet;
use partner_domain::money::settlement::judge::judge_sheet;
use partner_domain::money::special_rebate::SpecialRebate;
use partner_domain::onboarding::application::{Application, ApplicationState};
use partner_domain::onboarding::application_judge;
use partner_domain::onboarding::eligibility_input::EligibilityInput;
use partner_domain::partner::announcement::Announcement;
use partner_domain::partner::certificate::CertificateRecord;
use partner_domain::partner::certificate_judge::judge_certificate;
use partner_domain::partner::lifecycle::Lifecycle;
use partner_domain::partner::lifecycle_judge::judge_lifecycle;
use partner_domain::partner::profile::{ChangeRecord, PartnerProfile};
use partner_domain::partner::profile_judge::judge_profile;
use partner_domain::records::ids::{CERTIFICATE, DOMAINS, LIFECYCLE, PROFILE, PROFILE_HISTORY};
use partner_domain::records::{Collection, Refusal};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use sqlx::{Postgres, Transaction};

use crate::auth::Caller;
use crate::error::ApiError;
use crate::records::audit;
use crate::scope;

type Tx<'a, 'b> = &'a mut Transaction<'b, Postgres>;

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
    /// The event (`submit`, `approve`, `invoice`, `edit` …).
    pub event: &'static str,
    /// Server effects, in the same transaction.
    pub effects: Vec<Effect>,
}

/// Something the server does because of an event.
pub enum Effect {
    /// An approved application makes its applicant a partner's main account, assigned to
    /// the approving manager, with the profile it applied with.
    Admit(Box<Application>),
    /// A profile change's history lines, appended to `profiles/history`.
    ProfileHistory {
        /// The partner's scope.
        scope: String,
        /// One line per changed field.
        lines: Vec<ChangeRecord>,
    },
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

fn value_of<T: Serialize>(value: &T) -> Result<Value, ApiError> {
    serde_json::to_value(value).map_err(|e| ApiError::BadBody(e.to_string()))
}

/// Data held to its record type only (unknown fields dropped).
fn typed<T: DeserializeOwned + Serialize>(value: Value) -> Result<Value, ApiError> {
    value_of(&read::<T>(value)?)
}

fn judged<T: Serialize>(value: &T, event: &'static str) -> Result<Judged, ApiError> {
    Ok(Judged {
        data: value_of(value)?,
        event,
        effects: Vec::new(),
    })
}

/// One stored record of the scope, as its type.
async fn stored_record<T: DeserializeOwned>(
    tx: Tx<'_, '_>,
    scope: &str,
    collection: Collection,
    id: &str,
) -> Result<Option<T>, ApiError> {
    let data: Option<Value> = sqlx::query_scalar(
        "SELECT data FROM records WHERE scope = $1 AND collection = $2 AND id = $3 FOR SHARE",
    )
    .bind(scope)
    .bind(collection.name())
    .bind(id)
    .fetch_optional(&mut **tx)
    .await?;
    stored_as(data.as_ref())
}

/// Every stored record of a collection in the scope, as its type.
async fn stored_all<T: DeserializeOwned>(
    tx: Tx<'_, '_>,
    scope: &str,
    collection: Collection,
) -> Result<Vec<T>, ApiError> {
    let rows: Vec<Value> = sqlx::query_scalar(
        "SELECT data FROM records WHERE scope = $1 AND collection = $2 FOR SHARE",
    )
    .bind(scope)
    .bind(collection.name())
    .fetch_all(&mut **tx)
    .await?;
    rows.into_iter()
        .map(|v| stored_as(Some(&v)).map(|t: Option<T>| t.expect("some in, some out")))
        .collect()
}

/// What a write in `scope` is.
pub struct Write<'a> {
    /// The scope it is in.
    pub scope: &'a str,
    /// The collection.
    pub collection: Collection,
    /// The record's id, from the URL.
    pub id: &'a str,
    /// Who writes.
    pub caller: &'a Caller,
    /// The server's clock.
    pub now: DateTime<Utc>,
}

/// Judges `proposed` over `stored`.
pub async fn judge(
    tx: Tx<'_, '_>,
    w: &Write<'_>,
    stored: Option<&Value>,
    proposed: Value,
) -> Result<Judged, ApiError> {
    let (actor, role, now, id) = (w.caller.actor(), w.caller.role, w.now, w.id);
    match w.collection {
        Collection::Applications => {
            let before: Option<Application> = stored_as(stored)?;
            let proposed: Application = read(proposed)?;
            // An application's id is its applicant's account id (one per account).
            let next = application_judge::judge(before.as_ref(), &proposed, id, id, actor, now)?;
            let event = match (before.as_ref().map(|a| a.status.state), next.status.state) {
                (Some(a), b) if a == b => "edit",
                (None, _) => "create",
                (_, ApplicationState::Submitted) => "submit",
                (_, ApplicationState::Approved) => "approve",
                (_, ApplicationState::Rejected) => "reject",
                (_, ApplicationState::Draft) => "reopen",
            };
            let mut j = judged(&next, event)?;
            if event == "approve" {
                j.effects.push(Effect::Admit(Box::new(next)));
            }
            Ok(j)
        }
        Collection::Profiles => match id {
            PROFILE => {
                let before: Option<PartnerProfile> = stored_as(stored)?;
                let (next, lines) = judge_profile(before.as_ref(), &read(proposed)?, actor, now)?;
                let mut j = judged(
                    &next,
                    if lines.is_empty() {
                        "unchanged"
                    } else {
                        "change"
                    },
                )?;
                if !lines.is_empty() {
                    j.effects.push(Effect::ProfileHistory {
                        scope: w.scope.to_string(),
                        lines,
                    });
                }
                Ok(j)
            }
            PROFILE_HISTORY => Err(Refusal::field("history", "written-by-the-server").into()),
            LIFECYCLE => {
                let customers: Vec<Customer> =
                    stored_all(tx, w.scope, Collection::Customers).await?;
                let before: Option<Lifecycle> = stored_as(stored)?;
                let (next, event) =
                    judge_lifecycle(before.as_ref(), &read(proposed)?, &customers, actor, now)?;
                judged(&next, event)
            }
            _ => Err(Refusal::field("id", "unknown-profile-record").into()),
        },
        Collection::Certificates => {
            // One certificate record per partner: another id would start a second count.
            if id != CERTIFICATE {
                return Err(Refusal::field("id", "unknown-certificate-record").into());
            }
            let profile: Option<PartnerProfile> =
                stored_record(tx, w.scope, Collection::Profiles, PROFILE).await?;
            let before: Option<CertificateRecord> = stored_as(stored)?;
            let (next, event) = judge_certificate(
                before.as_ref(),
                &read(proposed)?,
                profile.as_ref(),
                actor,
                now,
            )?;
            judged(&next, event)
        }
        Collection::Customers => {
            let before: Option<Customer> = stored_as(stored)?;
            let (next, event) = judge_customer(before.as_ref(), &read(proposed)?, id, role)?;
            judged(&next, event)
        }
        Collection::Settlements => {
            let before: Option<SettlementSheet> = stored_as(stored)?;
            let (next, event) = judge_sheet(before.as_ref(), &read(proposed)?, id, actor, now)?;
            judged(&next, event)
        }
        Collection::Learners => {
            let proposed: Learner = read(proposed)?;
            let domains: EnabledDomains =
                stored_record(tx, w.scope, Collection::LearningSettings, DOMAINS)
                    .await?
                    .unwrap_or_default();
            let confirmed: Option<i64> = sqlx::query_scalar(
                "SELECT 1::bigint FROM email_codes WHERE partner_id = $1 AND email = $2
                 AND confirmed_at IS NOT NULL FOR SHARE",
            )
            .bind(w.scope)
            // The key the code was kept under (`email_codes::send`): the parsed address.
            .bind(
                partner_domain::common::contact::Email::parse(&proposed.email)
                    .map(|e| e.to_string())
                    .unwrap_or_default(),
            )
            .fetch_optional(&mut **tx)
            .await?;
            let facts = JoinFacts {
                email_confirmed: confirmed.is_some(),
                domains: &domains,
                requester: &w.caller.account_id,
            };
            let before: Option<Learner> = stored_as(stored)?;
            let (next, event) = judge_learner(before.as_ref(), &proposed, id, &facts, role, now)?;
            judged(&next, event)
        }
        Collection::SpecialRebates => Ok(Judged {
            data: typed::<SpecialRebate>(proposed)?,
            event: "write",
            effects: Vec::new(),
        }),
        Collection::Announcements => {
            // Who published and when are the server's, the id the URL's.
            let mut a: Announcement = read(proposed)?;
            a.id = id.to_string();
            a.author = w.caller.account_id.clone();
            a.published_at = now;
            judged(&a, "publish")
        }
        Collection::EligibilityChecks => Ok(Judged {
            data: typed::<EligibilityInput>(proposed)?,
            event: "write",
            effects: Vec::new(),
        }),
        Collection::LearningSettings => Ok(Judged {
            data: typed::<EnabledDomains>(proposed)?,
            event: "domains",
            effects: Vec::new(),
        }),
        // Statement chunks: the provider's import in the app's own compact format.
        Collection::Statements => Ok(Judged {
            data: proposed,
            event: "import",
            effects: Vec::new(),
        }),
        Collection::EmailCodes => Err(ApiError::NotFound),
    }
}

impl Effect {
    /// Carries the effect out inside the write's transaction.
    pub async fn apply(
        self,
        tx: Tx<'_, '_>,
        caller: &Caller,
        now: DateTime<Utc>,
    ) -> Result<(), ApiError> {
        match self {
            Effect::Admit(application) => admit(tx, caller, now, &application).await,
            Effect::ProfileHistory { scope, lines } => {
                let row: Option<(i64, Value)> = sqlx::query_as(
                    "SELECT rev, data FROM records WHERE scope = $1 AND collection = 'profiles' AND id = $2 FOR UPDATE",
                )
                .bind(&scope)
                .bind(PROFILE_HISTORY)
                .fetch_optional(&mut **tx)
                .await?;
                let (rev, mut history): (i64, Vec<ChangeRecord>) = match row {
                    Some((rev, data)) => (rev, stored_as(Some(&data))?.unwrap_or_default()),
                    None => (0, Vec::new()),
                };
                history.extend(lines);
                sqlx::query(
                    "INSERT INTO records (scope, collection, id, rev, data, updated_at, updated_by)
                     VALUES ($1, 'profiles', $2, $3, $4, $5, $6)
                     ON CONFLICT (scope, collection, id) DO UPDATE
                       SET rev = EXCLUDED.rev, data = EXCLUDED.data,
                           updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by",
                )
                .bind(&scope)
                .bind(PROFILE_HISTORY)
                .bind(rev + 1)
                .bind(value_of(&history)?)
                .bind(now)
                .bind(&caller.account_id)
                .execute(&mut **tx)
                .await?;
                audit(
                    tx,
                    &scope,
                    Collection::Profiles,
                    PROFILE_HISTORY,
                    caller,
                    "history",
                    rev,
                    rev + 1,
                )
                .await
            }
        }
    }
}

/// Approval: the partner, its manager, its main account and its first profile. The
/// partner's id is the applicant's account id (unique, and an account is admitted once):
/// only a visitor's account is admitted, and a partner that exists already is never
/// taken over — either refuses the approval, and the transaction undoes it.
async fn admit(
    tx: Tx<'_, '_>,
    caller: &Caller,
    now: DateTime<Utc>,
    application: &Application,
) -> Result<(), ApiError> {
    let partner = application.id.clone();
    let profile = PartnerProfile::admitted(application, &partner);
    let created = sqlx::query(
        "INSERT INTO partners (id, company_name, manager_id) VALUES ($1, $2, $3)
         ON CONFLICT (id) DO NOTHING",
    )
    .bind(&partner)
    .bind(&profile.company_name)
    .bind(&caller.account_id)
    .execute(&mut **tx)
    .await?;
    if created.rows_affected() != 1 {
        return Err(Refusal::field("applicant", "already-a-partner").into());
    }
    let promoted = sqlx::query(
        "UPDATE accounts SET role = 'main', partner_id = $2
         WHERE id = $1 AND role = 'visitor' AND partner_id IS NULL",
    )
    .bind(&application.id)
    .bind(&partner)
    .execute(&mut **tx)
    .await?;
    if promoted.rows_affected() != 1 {
        return Err(Refusal::field("applicant", "not-a-visitor").into());
    }
    let s = scope::partner_scope(&partner);
    sqlx::query(
        "INSERT INTO records (scope, collection, id, rev, data, updated_at, updated_by)
         VALUES ($1, 'profiles', $2, 1, $3, $4, $5)",
    )
    .bind(&s)
    .bind(PROFILE)
    .bind(value_of(&profile)?)
    .bind(now)
    .bind(&caller.account_id)
    .execute(&mut **tx)
    .await?;
    audit(tx, &s, Collection::Profiles, PROFILE, caller, "admit", 0, 1).await
}
