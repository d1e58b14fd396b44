//! Applications in the data layer: one record per applicant in `applications`, and the
//! channel manager's decision on one (which, when it approves, makes the partner).

use chrono::{DateTime, Utc};

use crate::data::partner::PROFILE;
use crate::data::typed::{Versioned, Write, load, load_draft, save, save_all};
use crate::data::{Backend, Collection, DataError, Session};
use crate::domain::PartnerType;
use crate::domain::common::transition::{Actor, TransitionError};
use crate::domain::onboarding::application::{Application, ApplicationEvent};
use crate::domain::partner::profile::PartnerProfile;

/// The record id of this applicant's application: the account id when known; in local
/// mode the browser has one applicant.
pub fn application_id(session: &Session) -> String {
    session
        .account_id
        .clone()
        .unwrap_or_else(|| "local-applicant".to_string())
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
                applicant: Actor::from(session).name,
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

/// Why a decision was not stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecisionError {
    /// The application's state does not allow it (decided meanwhile, no reason given).
    Refused(TransitionError),
    /// Storing failed; nothing was changed.
    Data(DataError),
}

impl From<DataError> for DecisionError {
    fn from(e: DataError) -> Self {
        DecisionError::Data(e)
    }
}

/// Records a channel manager's decision on an application read at revision `rev`, and
/// returns the application as decided with its new revision. Approval makes the applicant
/// a partner with the profile it applied with: the decision and the profile are stored
/// together or not at all. The revision guards against two managers deciding at once.
pub async fn decide(
    backend: &dyn Backend,
    before: &Versioned<Application>,
    event: ApplicationEvent,
    actor: Actor,
    now: DateTime<Utc>,
) -> Result<Versioned<Application>, DecisionError> {
    let mut next = before.value.clone();
    next.status
        .record(event.clone(), actor, now)
        .map_err(DecisionError::Refused)?;
    let decided = Write::new(Collection::Applications, &next.id, &next, Some(before.rev))?
        .replacing(Some(&before.value))?;
    // A server that applies the effects admits the partner itself, from the stored
    // application: the app sends the decision alone.
    if !matches!(event, ApplicationEvent::Approve) || backend.applies_effects() {
        let rev = save_all(backend, vec![decided]).await?[0];
        return Ok(Versioned { value: next, rev });
    }
    let profile = PartnerProfile::admitted(&next, &next.partner_uin(now));
    let revs = save_all(
        backend,
        vec![
            decided,
            Write::new(Collection::Profiles, PROFILE, &profile, None)?,
        ],
    )
    .await?;
    // The header's company name (local mode; a backend derives its session and refuses,
    // which changes nothing that was decided).
    if let Ok(mut s) = backend.session().await {
        s.company_name = Some(profile.company_name.clone());
        let _ = backend.save_session(&s).await;
    }
    Ok(Versioned {
        value: next,
        rev: revs[0],
    })
}
