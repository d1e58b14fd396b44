//! Where the application lives: one record per applicant in `applications`.

use chrono::Utc;

use crate::data::typed::{Versioned, load, load_draft, save};
use crate::data::{Backend, Collection, DataError, Session};
use crate::domain::PartnerType;
use crate::domain::application::Application;
use crate::domain::transition::Actor;

/// The record id of this applicant's application: the account id when known; in local
/// mode the browser has one applicant.
pub fn application_id(session: &Session) -> String {
    session
        .account_id
        .clone()
        .unwrap_or_else(|| "local-applicant".to_string())
}

/// Who is acting, for histories: the role, and the account id when one is known.
pub fn actor(session: &Session) -> Actor {
    Actor {
        role: session.role,
        name: session.account_id.clone().unwrap_or_default(),
    }
}

/// This applicant's application, or a new empty one.
pub async fn load_mine(
    backend: &dyn Backend,
    session: &Session,
) -> Result<Versioned<Application>, DataError> {
    let id = application_id(session);
    let mut mine = load::<Application>(backend, Collection::Applications, &id)
        .await?
        .unwrap_or_else(|| Versioned {
            value: Application {
                id: id.clone(),
                applicant: actor(session).name,
                ..Application::default()
            },
            rev: 0,
        });
    // A draft the server never confirmed (remote mode) comes back — unless the
    // application has moved on meanwhile (submitted, decided): that state wins.
    if mine.value.status.state.is_editable()
        && let Some(draft) =
            load_draft::<Application>(backend, Collection::Applications, &id, mine.rev).await
        && draft.status.state.is_editable()
    {
        mine.value = draft;
    }
    Ok(mine)
}

/// Stores an application; returns the new revision.
pub async fn store(backend: &dyn Backend, app: &Application) -> Result<u64, DataError> {
    save(backend, Collection::Applications, &app.id, app, None).await
}

/// Starts (or continues) the application with the partner type chosen on the
/// eligibility page; an application already submitted is left as it is.
pub async fn start_application(
    backend: &dyn Backend,
    session: &Session,
    partner_type: PartnerType,
) -> Result<(), DataError> {
    let mut app = load_mine(backend, session).await?.value;
    if app.status.state.is_editable() {
        app.form.partner_type = Some(partner_type);
        app.updated_at = Some(Utc::now());
        store(backend, &app).await?;
    }
    Ok(())
}
