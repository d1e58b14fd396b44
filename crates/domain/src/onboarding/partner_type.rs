//! The three kinds of cooperation a partner applies for (合作类型).

use serde::{Deserialize, Serialize};

/// 代理合作 / 集成合作 / 开发合作. Industry partners share the Agent base thresholds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum PartnerType {
    /// 代理合作: resells cloud services.
    Agent,
    /// 集成合作: integrates cloud services into projects.
    Integration,
    /// 开发合作: builds its own solutions on the cloud.
    Development,
}

crate::common::keyed::keyed!(PartnerType {
    Agent => "Agent",
    Integration => "Integration",
    Development => "Development",
});

impl PartnerType {
    /// All three, in the order the guide lists them.
    pub const ALL: [PartnerType; 3] = [
        PartnerType::Agent,
        PartnerType::Integration,
        PartnerType::Development,
    ];
}
