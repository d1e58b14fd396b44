//! Who is using the console (RULES §Roles) and what each role may do.

use serde::{Deserialize, Serialize};

/// The four roles of RULES §Roles.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    /// Not signed in / not a partner yet: eligibility check and application only.
    #[default]
    Visitor,
    /// The partner company's own account (enterprise admin): everything on the partner side.
    MainAccount,
    /// An employee's account: reads statements and settlements, changes no company data.
    SubAccount,
    /// The provider's channel manager: reviews applications and certificates.
    ChannelManager,
}

/// Something a role may or may not do; the data layer checks these too.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Permission {
    /// Fill in and submit an application.
    Apply,
    /// Approve or reject applications and certificates, post announcements, settle.
    Review,
    /// Read the partner's own data (profile, statements, settlements, customers).
    ReadPartnerData,
    /// Change company data (profile, bank, certificate request, termination).
    EditCompanyData,
    /// See special rebates (main account only).
    SpecialRebates,
    /// Approve or reject learners (enterprise admin).
    ManageLearners,
    /// Ask to join the learning platform.
    JoinLearning,
}

impl Role {
    /// Every role, in the order the switcher lists them.
    pub const ALL: [Role; 4] = [
        Role::MainAccount,
        Role::SubAccount,
        Role::ChannelManager,
        Role::Visitor,
    ];

    /// Whether this role holds `permission`.
    pub fn may(self, permission: Permission) -> bool {
        use Permission::*;
        match self {
            Role::Visitor => matches!(permission, Apply),
            Role::MainAccount => !matches!(permission, Review),
            Role::SubAccount => matches!(permission, ReadPartnerData | JoinLearning),
            Role::ChannelManager => matches!(permission, Review | ReadPartnerData),
        }
    }

    /// A stable machine name (`main`, `sub`, `manager`, `visitor`).
    pub fn key(self) -> &'static str {
        match self {
            Role::Visitor => "visitor",
            Role::MainAccount => "main",
            Role::SubAccount => "sub",
            Role::ChannelManager => "manager",
        }
    }
}
