//! What every page shares: the backend, the session, and a change counter per collection
//! that bumps whenever data changes (here or in another tab) so the views reading it
//! reload.

use leptos::prelude::*;
use std::rc::Rc;

use super::config::AppConfig;
use crate::data::partner::PartnerStanding;
use crate::data::{Backend, DataError, Quarantined, Session};
use crate::domain::{Lang, Permission};

/// The app-wide state, provided once at the root.
#[derive(Clone, Copy)]
pub struct AppContext {
    /// The data layer.
    pub backend: StoredValue<Rc<dyn Backend>, LocalStorage>,
    /// The configuration the app was mounted with.
    pub config: StoredValue<AppConfig>,
    /// Who is signed in.
    pub session: RwSignal<Session>,
    /// Bumped after every change to stored data, per collection.
    pub versions: crate::ui::load::DataVersions,
    /// Bumped after a page stored something a to-do follows (a sheet, the certificate, a
    /// customer, the partnership), so the header's count follows without the page
    /// reading its own data again (which would reset what is being typed there).
    pub todo_writes: RwSignal<u64>,
    /// What was set aside as unreadable.
    pub problems: RwSignal<Vec<Quarantined>>,
    /// Why browser storage could not be used, when the app fell back to memory.
    pub storage_fallback: RwSignal<Option<crate::data::DataError>>,
    /// True when stored data comes from a newer app version (this page must be reloaded).
    pub storage_newer: RwSignal<bool>,
    /// The display language, mirrored for the domain's formatting.
    pub lang: RwSignal<Lang>,
    /// Partner or not, where the partnership stands and the company's name: what the
    /// header, the home page and the to-dos say (a deregistered partner's console is
    /// read-only). Read again whenever the profiles change.
    pub partner: RwSignal<PartnerStanding>,
    /// Remote mode: why the server's session could not be read (offline, signed out),
    /// shown in a banner with a way to try again.
    pub connection: RwSignal<Option<DataError>>,
    /// Remote mode: how many requests are waiting for the server (a loading indicator).
    pub in_flight: RwSignal<u32>,
}

/// What a deregistered partner may no longer do (reading stays).
const WRITES: [Permission; 4] = [
    Permission::EditCompanyData,
    Permission::ManageLearners,
    Permission::JoinLearning,
    Permission::Apply,
];

impl AppContext {
    /// The context provided by the root component.
    pub fn get() -> AppContext {
        expect_context::<AppContext>()
    }

    /// Whether the current role has any of these permissions, as a memo: it notifies
    /// only when the answer changes, so a view gated on it is not rebuilt (and its state
    /// lost) every time the session is reloaded.
    ///
    /// A deregistered partner keeps reading but loses every write permission.
    pub fn may_any(&self, permissions: &'static [Permission]) -> Memo<bool> {
        let session = self.session;
        let partner = self.partner;
        Memo::new(move |_| {
            let read_only = partner.with(|p| p.partnership.is_read_only());
            session.with(|s| {
                permissions
                    .iter()
                    .any(|p| s.role.may(*p) && !(read_only && WRITES.contains(p)))
            })
        })
    }

    /// Whether the current role may open a page, by the route table (see `may_any`).
    pub fn may_open(&self, page: crate::ui::routes::Page) -> Memo<bool> {
        let opens = crate::ui::routes::route(page).opens;
        if opens.is_empty() {
            return Memo::new(|_| true);
        }
        self.may_any(opens)
    }

    /// The backend, to call from event handlers and resources.
    pub fn backend(&self) -> Rc<dyn Backend> {
        self.backend.get_value()
    }

    /// Who is acting now, for histories.
    pub fn actor(&self) -> crate::domain::common::transition::Actor {
        self.session
            .with_untracked(|s| crate::domain::common::transition::Actor::from(s))
    }

    /// Tells every view that data changed.
    pub fn changed(&self) {
        self.versions.bump_all();
    }

    /// Tells the header's to-do count that something it follows was stored.
    pub fn wrote_todo_data(&self) {
        self.todo_writes.update(|n| *n += 1);
    }

    /// Tells the views reading these collections that they changed.
    pub fn changed_in(&self, collections: &[crate::data::Collection]) {
        self.versions.bump(collections);
    }

    /// Reads the partner's standing again (after the profile or lifecycle changed).
    pub fn reload_partner(&self) {
        let this = *self;
        leptos::task::spawn_local(async move {
            let Some(backend) = this.backend.try_get_value() else {
                return;
            };
            let standing = load_partner(&*backend).await;
            let _ = this.partner.try_set(standing);
        });
    }

    /// Reloads the problem list (the data layer found something it could not use).
    pub fn refresh_problems(&self) {
        let this = *self;
        leptos::task::spawn_local(async move {
            // The app may have been unmounted meanwhile.
            let Some(backend) = this.backend.try_get_value() else {
                return;
            };
            if let Ok(q) = backend.quarantined().await {
                let _ = this.problems.try_set(q);
            }
        });
    }

    /// Reloads the session and the problem list (after a change here or elsewhere).
    pub fn refresh(&self) {
        let this = *self;
        leptos::task::spawn_local(async move {
            let backend = this.backend();
            match backend.session().await {
                Ok(s) => {
                    this.session.set(s);
                    this.connection.set(None);
                }
                Err(e) if backend.mode() == crate::data::Mode::Remote => {
                    this.connection.set(Some(e));
                }
                Err(_) => {}
            }
            if let Ok(q) = backend.quarantined().await {
                this.problems.set(q);
            }
            this.partner.set(load_partner(&*backend).await);
            this.changed();
        });
    }
}

/// The partner's standing; a role that may not read partner records (a visitor) is
/// told "not a partner".
pub async fn load_partner(backend: &dyn Backend) -> PartnerStanding {
    crate::data::partner::load_partnership(backend)
        .await
        .unwrap_or_default()
}
