//! Which role may read or write which collection. The UI hides what a role may not do;
//! the app's data layer is the second line and the reference server the last, all three
//! reading these tables.

use super::record::Collection;
use crate::{Permission, Role};

/// The permissions that allow reading a collection (any one suffices).
pub fn read_permissions(collection: Collection) -> &'static [Permission] {
    use Permission::*;
    match collection {
        Collection::Applications => &[Apply, Review],
        Collection::SpecialRebates => &[SpecialRebates, Review],
        Collection::Learners => &[ManageLearners, JoinLearning, Review],
        Collection::Announcements | Collection::EligibilityChecks => {
            &[Apply, ReadPartnerData, Review]
        }
        Collection::LearningSettings => &[Apply, ReadPartnerData, Review, JoinLearning],
        Collection::EmailCodes => &[JoinLearning, ManageLearners],
        Collection::Profiles
        | Collection::Certificates
        | Collection::Customers
        | Collection::Statements
        | Collection::Settlements => &[ReadPartnerData, Review],
    }
}

/// The permissions that allow writing a collection (any one suffices).
pub fn write_permissions(collection: Collection) -> &'static [Permission] {
    use Permission::*;
    match collection {
        Collection::Applications => &[Apply, Review],
        Collection::SpecialRebates => &[SpecialRebates, Review],
        Collection::Learners => &[ManageLearners, JoinLearning],
        Collection::Announcements => &[Review],
        // A private scratchpad: anyone may keep their own self-check.
        Collection::EligibilityChecks => &[Apply, ReadPartnerData, Review],
        Collection::LearningSettings => &[ManageLearners],
        Collection::EmailCodes => &[JoinLearning, ManageLearners],
        Collection::Profiles
        | Collection::Certificates
        | Collection::Customers
        | Collection::Statements
        | Collection::Settlements => &[EditCompanyData, Review],
    }
}

/// `Err` names the first permission that would have allowed it (for the message).
fn check(role: Role, allowed: &[Permission]) -> Result<(), Permission> {
    if allowed.iter().any(|p| role.may(*p)) {
        Ok(())
    } else {
        Err(allowed[0])
    }
}

/// Refuses a read the role may not make.
pub fn may_read(role: Role, collection: Collection) -> Result<(), Permission> {
    check(role, read_permissions(collection))
}

/// Refuses a write the role may not make.
pub fn may_write(role: Role, collection: Collection) -> Result<(), Permission> {
    check(role, write_permissions(collection))
}

/// Money data the provider writes (statements, special rebates): on a server only the
/// provider's side (the channel manager, or a server command) writes them and the
/// partner's accounts read them. Local mode has one browser playing every role, whose
/// sample data and import write them as the main account; the table above allows that.
pub fn provider_written(collection: Collection) -> bool {
    matches!(
        collection,
        Collection::Statements | Collection::SpecialRebates
    )
}

/// Refuses a write a role may not make on a server, where the provider's money data is
/// the provider's alone ([`provider_written`]).
pub fn may_write_on_server(role: Role, collection: Collection) -> Result<(), Permission> {
    may_write(role, collection)?;
    if provider_written(collection) && !role.may(Permission::Review) {
        return Err(Permission::Review);
    }
    Ok(())
}
