//! Which role may read or write which collection. The UI hides what a role may not do;
//! this is the second line, so a hidden button is never the only guard.

use super::error::DataError;
use super::model::Collection;
use crate::domain::{Permission, Role};

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

fn check(role: Role, allowed: &[Permission]) -> Result<(), DataError> {
    if allowed.iter().any(|p| role.may(*p)) {
        Ok(())
    } else {
        Err(DataError::NotAllowed(allowed[0]))
    }
}

/// Refuses a read the role may not make.
pub fn may_read(role: Role, collection: Collection) -> Result<(), DataError> {
    check(role, read_permissions(collection))
}

/// Refuses a write the role may not make.
pub fn may_write(role: Role, collection: Collection) -> Result<(), DataError> {
    check(role, write_permissions(collection))
}
