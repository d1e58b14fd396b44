//! Items run together the way the reader's language does it: `甲、乙、丙` in Chinese,
//! `a, b, c` in English (a full-width 、 in an English sentence reads as a typo).

use crate::i18n::*;
use crate::ui::I18n;

/// The items joined with the language's list separator.
pub fn list(i18n: I18n, items: impl IntoIterator<Item = String>) -> String {
    items
        .into_iter()
        .collect::<Vec<_>>()
        .join(t_string!(i18n, common.list_sep))
}

/// A name with its id in brackets: `甲公司（1001）` / `A Ltd (1001)`.
pub fn named(i18n: I18n, name: &str, id: &str) -> String {
    t_string!(
        i18n,
        common.named,
        name = name.to_string(),
        id = id.to_string()
    )
    .to_string()
}
