//! Who did something, as histories show it: the role in words, and the account when one
//! is known — never an internal id such as `manager`.

use crate::domain::common::transition::Actor;
use crate::ui::I18n;
use crate::ui::shell::role_switcher::role_name;

/// Names that stand for a role rather than a person: what earlier versions stored when no
/// account id was known (role keys, the sample data's placeholders).
const ROLE_PLACEHOLDERS: [&str; 7] = [
    "visitor",
    "main",
    "sub",
    "manager",
    "channel-manager",
    "main-account",
    "local-applicant",
];

/// `渠道经理` or `主账号（企业管理员） · 100012345678`.
pub fn actor_text(i18n: I18n, actor: &Actor) -> String {
    let role = role_name(i18n, actor.role);
    let name = actor.name.trim();
    if name.is_empty() || ROLE_PLACEHOLDERS.contains(&name) {
        role
    } else {
        format!("{role} · {name}")
    }
}
