//! What the workbench reads: the stored state its figures and to-dos come from — only the
//! collections the role may read, so the data layer never has to refuse a read.

use super::applications::application_id;
use super::backend::Backend;
use super::error::DataError;
use super::model::{Collection, Session};
use super::typed::{load, load_all, load_draft};
use crate::domain::Role;
use crate::domain::money::customer::Customer;
use crate::domain::money::month::YearMonth;
use crate::domain::money::settlement::SettlementSheet;
use crate::domain::money::statement_view::RebateOnBothBases;
use crate::domain::onboarding::partner_type::PartnerType;
use crate::domain::partner::certificate::CertificateRecord;
use crate::domain::partner::lifecycle::Partnership;
use crate::domain::workbench::summary::{ApplicationSummary, LearnerSummary};

/// The collections the workbench reads (it reloads when one of them changes).
pub const STANDING_READS: &[Collection] = &[
    Collection::Applications,
    Collection::Profiles,
    Collection::Certificates,
    Collection::Settlements,
    Collection::Customers,
    Collection::Learners,
    Collection::Announcements,
    Collection::Statements,
];

/// The partner's standing as stored.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Standing {
    /// The signed-in applicant's own application, once stored.
    pub application: Option<ApplicationSummary>,
    /// Every application (the channel manager's queue).
    pub applications: Vec<ApplicationSummary>,
    /// The certificate record.
    pub certificate: Option<CertificateRecord>,
    /// Settlement sheets.
    pub sheets: Vec<SettlementSheet>,
    /// Each statement month's rebate on both bases, from the statements' index (`None`:
    /// an index an earlier version wrote, without them).
    pub rebates: Option<Vec<(YearMonth, RebateOnBothBases)>>,
    /// Associated customers.
    pub customers: Vec<Customer>,
    /// Learners and join requests (the enterprise admin's).
    pub learners: Vec<LearnerSummary>,
    /// Partner or not, and where the partnership stands.
    pub partnership: Partnership,
    /// The type the partner was admitted as.
    pub partner_type: Option<PartnerType>,
    /// Announcements not yet read in this browser.
    pub unread_announcements: usize,
}

/// Reads the standing `session`'s role may see.
pub async fn load_standing(
    backend: &dyn Backend,
    session: &Session,
) -> Result<Standing, DataError> {
    let role = session.role;
    let mut out = Standing::default();
    if matches!(role, Role::Visitor | Role::MainAccount) {
        // As the wizard reads it (`applications::load_mine`): a draft the server never
        // confirmed wins while the stored application is still editable.
        let id = application_id(session);
        let stored = load::<ApplicationSummary>(backend, Collection::Applications, &id).await?;
        let rev = stored.as_ref().map_or(0, |s| s.rev);
        let editable = stored
            .as_ref()
            .is_none_or(|s| s.value.status.state.is_editable());
        let draft = if editable {
            load_draft::<ApplicationSummary>(backend, Collection::Applications, &id, rev)
                .await
                .filter(|d| d.status.state.is_editable())
        } else {
            None
        };
        out.application = draft.or(stored.map(|s| s.value));
    }
    if role == Role::Visitor {
        return Ok(out);
    }
    if role == Role::ChannelManager {
        out.applications = load_all::<ApplicationSummary>(backend, Collection::Applications)
            .await?
            .0
            .into_iter()
            .map(|(_, v)| v.value)
            .collect();
    }
    out.certificate = super::partner::load_certificate(backend).await?;
    out.partnership = super::partner::load_partnership(backend).await?.partnership;
    out.rebates = super::money::load_month_rebates(backend).await?;
    out.partner_type = super::partner::load_identity(backend)
        .await?
        .and_then(|p| p.value.partner_type);
    out.sheets = super::money::load_settlements(backend).await?;
    out.customers = super::money::load_customers(backend).await?;
    if role == Role::MainAccount {
        out.learners = load_all::<LearnerSummary>(backend, Collection::Learners)
            .await?
            .0
            .into_iter()
            .map(|(_, v)| v.value)
            .collect();
    }
    let read = backend.settings().await?.read_announcements;
    // Only their ids: an announcement's body and date are the announcements page's.
    // Lenient: a record the announcements page cannot read is set aside there, not here.
    #[derive(serde::Deserialize)]
    struct Id {
        #[serde(default)]
        id: String,
    }
    out.unread_announcements = load_all::<Id>(backend, Collection::Announcements)
        .await?
        .0
        .iter()
        .filter(|(_, a)| !a.value.id.is_empty() && !read.contains(&a.value.id))
        .count();
    Ok(out)
}
