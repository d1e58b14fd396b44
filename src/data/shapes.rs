//! Which type every stored record must read as. A record can be valid JSON in a valid
//! envelope and still not be what the app needs (edited by hand, written by a broken
//! backend, restored from a doctored backup); such a record is set aside and reported
//! like an unreadable one, never shown as a developer error nor silently dropped.

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::backend::Backend;
use super::model::{Collection, Session, Settings};
use crate::domain::learning::learner::{EmailCode, EnabledDomains, Learner};
use crate::domain::money::customer::Customer;
use crate::domain::money::settlement::SettlementSheet;
use crate::domain::money::special_rebate::SpecialRebate;
use crate::domain::onboarding::application::Application;
use crate::domain::onboarding::eligibility_input::EligibilityInput;
use crate::domain::partner::announcement::Announcement;
use crate::domain::partner::certificate::CertificateRecord;
use crate::domain::partner::lifecycle::Lifecycle;
use crate::domain::partner::profile::{ChangeRecord, PartnerProfile};

/// Through `from_value`, the very deserializer the typed reads use: `T::deserialize(&Value)`
/// would compile a second one per type into the wasm.
fn fits<T: DeserializeOwned>(data: &Value) -> Result<(), String> {
    serde_json::from_value::<T>(data.clone())
        .map(|_| ())
        .map_err(|e| e.to_string())
}

/// The check of one record against its type, as a value: the UI fetches it with its own
/// module (`ui::record_check`), because it holds every record type's parser.
pub type RecordCheck = fn(Collection, &str, &Value) -> Result<(), String>;

/// Whether `data` reads as the type `collection/id` holds; the parser's message if not.
pub fn check(collection: Collection, id: &str, data: &Value) -> Result<(), String> {
    match collection {
        Collection::Applications => fits::<Application>(data),
        Collection::Profiles => match id {
            super::partner::PROFILE => fits::<PartnerProfile>(data),
            super::money::PROFILE_HISTORY => fits::<Vec<ChangeRecord>>(data),
            super::partner::LIFECYCLE => fits::<Lifecycle>(data),
            _ => Err(format!("no profile record is called {id:?}")),
        },
        Collection::Certificates => fits::<CertificateRecord>(data),
        Collection::Customers => fits::<Customer>(data),
        Collection::Statements => super::money::check_statement_record(id, data),
        Collection::Settlements => fits::<SettlementSheet>(data),
        Collection::SpecialRebates => fits::<SpecialRebate>(data),
        Collection::Announcements => fits::<Announcement>(data),
        Collection::Learners => fits::<Learner>(data),
        Collection::EligibilityChecks => fits::<EligibilityInput>(data),
        Collection::LearningSettings => fits::<EnabledDomains>(data),
        Collection::EmailCodes => fits::<EmailCode>(data),
    }
}

/// Whether a stored session reads as one.
pub fn check_session(data: &Value) -> Result<(), String> {
    fits::<Session>(data)
}

/// Whether stored preferences read as such.
pub fn check_settings(data: &Value) -> Result<(), String> {
    fits::<Settings>(data)
}

/// Reads every collection the session may read and sets aside each record that does not
/// read as its type (see [`Backend::set_aside`]), so the list of problems names them
/// before a page meets them. The start-up scan only checks that values are readable:
/// this check needs every record type's parser, so it runs with `check` given by the
/// caller (the settings page's problem list fetches it once the page has drawn), and
/// every read checks its own records anyway.
pub async fn sweep(backend: &dyn Backend, check: RecordCheck) {
    for collection in Collection::ALL {
        // A collection this role may not read is checked when a role that may reads it.
        let Ok(records) = backend.list(collection).await else {
            continue;
        };
        for record in records {
            if let Err(detail) = check(collection, &record.id, &record.data) {
                backend.set_aside(collection, &record.id, &detail).await;
            }
        }
    }
}
