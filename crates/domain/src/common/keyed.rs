//! Stable machine names for the domain's choices: what a form's select, a filter in the
//! address or an export column names a value by. Never the `Debug` text, which is for
//! programmers and changes with a rename.

/// A choice with a stable key, and every value in the order it is offered.
pub trait Keyed: Copy + PartialEq + 'static {
    /// Every value, in the order choices are offered.
    const CHOICES: &'static [Self];

    /// The value's key.
    fn key(self) -> &'static str;

    /// The value a key names, if any.
    fn from_key(key: &str) -> Option<Self> {
        Self::CHOICES.iter().copied().find(|c| c.key() == key)
    }
}

/// A choice that may not be made yet, as a select holds it: its key, or "" for none.
pub fn key_or_empty<T: Keyed>(choice: Option<T>) -> &'static str {
    choice.map_or("", Keyed::key)
}

/// Implements `Keyed` for an enum of unit variants: `keyed!(Kind { A => "a", B => "b" })`,
/// in the order the choices are offered.
macro_rules! keyed {
    ($ty:ident { $($variant:ident => $key:literal),+ $(,)? }) => {
        impl $crate::common::keyed::Keyed for $ty {
            const CHOICES: &'static [Self] = &[$($ty::$variant),+];

            fn key(self) -> &'static str {
                match self {
                    $($ty::$variant => $key),+
                }
            }
        }
    };
}
pub(crate) use keyed;
