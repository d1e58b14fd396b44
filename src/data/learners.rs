//! Learners, enabled domains and pending email codes in the data layer.

use crate::data::typed::{Write, load, load_all, save, save_all};
use crate::data::{Backend, Collection, DataError};
use chrono::{DateTime, Utc};

use crate::domain::common::contact::Email;
use crate::domain::learning::learner::{CodeError, EmailCode, EnabledDomains, JoinForm, Learner};

use crate::domain::records::ids::DOMAINS as DOMAINS_ID;

/// Every learner and request, newest first.
pub async fn all_learners(backend: &dyn Backend) -> Result<Vec<Learner>, DataError> {
    let (good, _) = load_all::<Learner>(backend, Collection::Learners).await?;
    let mut list: Vec<Learner> = good.into_iter().map(|(_, v)| v.value).collect();
    crate::domain::common::order::sort_by_key(&mut list, |l| std::cmp::Reverse(l.requested_at));
    Ok(list)
}

/// One learner.
pub async fn learner(backend: &dyn Backend, id: &str) -> Result<Option<Learner>, DataError> {
    Ok(load::<Learner>(backend, Collection::Learners, id)
        .await?
        .map(|v| v.value))
}

/// Stores a learner.
pub async fn put_learner(backend: &dyn Backend, l: &Learner) -> Result<(), DataError> {
    save(backend, Collection::Learners, &l.id, l, None)
        .await
        .map(|_| ())
}

/// Stores several changed learners together: all of them or none (a batch decision or a
/// records import never leaves half its learners changed). Each pair is the learner as
/// read and as changed.
pub async fn put_learners(
    backend: &dyn Backend,
    changed: &[(Learner, Learner)],
) -> Result<(), DataError> {
    let mut writes = Vec::with_capacity(changed.len());
    for (before, after) in changed {
        writes.push(
            Write::new(Collection::Learners, &after.id, after, None)?.replacing(Some(before))?,
        );
    }
    save_all(backend, writes).await.map(|_| ())
}

/// The enabled email domains.
pub async fn domains(backend: &dyn Backend) -> Result<EnabledDomains, DataError> {
    Ok(
        load::<EnabledDomains>(backend, Collection::LearningSettings, DOMAINS_ID)
            .await?
            .map(|v| v.value)
            .unwrap_or_default(),
    )
}

/// Stores the enabled email domains.
pub async fn put_domains(backend: &dyn Backend, d: &EnabledDomains) -> Result<(), DataError> {
    save(backend, Collection::LearningSettings, DOMAINS_ID, d, None)
        .await
        .map(|_| ())
}

/// The pending code for an address.
pub async fn code(backend: &dyn Backend, email: &str) -> Result<Option<EmailCode>, DataError> {
    Ok(load::<EmailCode>(backend, Collection::EmailCodes, email)
        .await?
        .map(|v| v.value))
}

/// Stores (or replaces) the pending code for an address.
pub async fn put_code(backend: &dyn Backend, email: &str, c: &EmailCode) -> Result<(), DataError> {
    save(backend, Collection::EmailCodes, email, c, None)
        .await
        .map(|_| ())
}

/// Forgets the code once used.
pub async fn drop_code(backend: &dyn Backend, email: &str) -> Result<(), DataError> {
    backend.delete(Collection::EmailCodes, email).await
}

/// Remembers in this browser's settings that a request was made here.
pub async fn remember_mine(backend: &dyn Backend, id: &str) -> Result<(), DataError> {
    let mut s = backend.settings().await?;
    if !s.my_learners.iter().any(|m| m == id) {
        s.my_learners.push(id.to_string());
        backend.save_settings(&s).await?;
    }
    Ok(())
}

/// Why a join by enterprise email did not go on.
#[derive(Debug)]
pub enum EmailJoinRefusal {
    /// The address is not on one of these enabled domains.
    Domain(EnabledDomains),
    /// No code was sent to the address (or it was used).
    NoCode,
    /// The code is wrong, expired or tried too often.
    Code(CodeError),
    /// Storage refused.
    Data(DataError),
}

impl From<DataError> for EmailJoinRefusal {
    fn from(e: DataError) -> Self {
        EmailJoinRefusal::Data(e)
    }
}

/// Sends `code` to an address on an enabled domain: stored as the address's pending code
/// (replacing an earlier one), for the simulated mailbox to deliver — or, on a server
/// that applies the effects, made and mailed by the server (`None`: nothing to show here).
pub async fn send_code(
    backend: &dyn Backend,
    address: &Email,
    code: String,
    now: DateTime<Utc>,
) -> Result<Option<EmailCode>, EmailJoinRefusal> {
    let enabled = domains(backend).await?;
    if !enabled.allows(address) {
        return Err(EmailJoinRefusal::Domain(enabled));
    }
    if backend.applies_effects() {
        backend.send_email_code(&address.to_string()).await?;
        return Ok(None);
    }
    let issued = EmailCode::issue(code, now);
    put_code(backend, &address.to_string(), &issued).await?;
    Ok(Some(issued))
}

/// The server's verdict on a typed code, as the code's own refusal where it names one.
async fn confirm_on_server(
    backend: &dyn Backend,
    address: &Email,
    typed: &str,
) -> Result<(), EmailJoinRefusal> {
    match backend
        .confirm_email_code(&address.to_string(), typed)
        .await
    {
        Ok(()) => Ok(()),
        Err(DataError::Invalid(issues)) => {
            let issue = issues.iter().find(|i| i.field == "code");
            match issue.map(|i| (i.code.as_str(), CodeError::from_code(&i.code))) {
                Some((_, Some(e))) => Err(EmailJoinRefusal::Code(e)),
                Some(("none-sent", None)) => Err(EmailJoinRefusal::NoCode),
                _ => Err(EmailJoinRefusal::Data(DataError::Invalid(issues))),
            }
        }
        Err(e) => Err(e.into()),
    }
}

/// Joins by the code typed (`None`: the mailbox link, which carries the right code). A
/// wrong try is counted and kept, so reloading does not reset the tries. On success the
/// learner is stored (active at once); remembering it in this browser and dropping the
/// used code are housekeeping whose failure loses nothing (the code can only activate
/// the same address again).
pub async fn join_by_email(
    backend: &dyn Backend,
    address: &Email,
    typed: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Learner, EmailJoinRefusal> {
    let key = address.to_string();
    if backend.applies_effects() {
        // The server keeps the code and counts the tries; the learner it then accepts.
        confirm_on_server(backend, address, typed.unwrap_or_default()).await?;
        let learner = Learner::by_email(address, now);
        put_learner(backend, &learner).await?;
        let _ = remember_mine(backend, &learner.id).await;
        return Ok(learner);
    }
    let Some(mut pending) = code(backend, &key).await? else {
        return Err(EmailJoinRefusal::NoCode);
    };
    let entered = typed.map_or_else(|| pending.code().to_string(), str::to_string);
    let verdict = pending.verify(&entered, now);
    let _ = put_code(backend, &key, &pending).await;
    verdict.map_err(EmailJoinRefusal::Code)?;
    let learner = Learner::by_email(address, now);
    put_learner(backend, &learner).await?;
    let _ = remember_mine(backend, &learner.id).await;
    let _ = drop_code(backend, &key).await;
    Ok(learner)
}

/// Stores an account application from a checked form (waiting for the admin) and
/// remembers it in this browser, so the page can show its state; a failure to remember
/// loses nothing.
pub async fn request_by_account(
    backend: &dyn Backend,
    form: &JoinForm,
    now: DateTime<Utc>,
) -> Result<Learner, DataError> {
    let learner = Learner::by_account(form, now);
    put_learner(backend, &learner).await?;
    let _ = remember_mine(backend, &learner.id).await;
    Ok(learner)
}
