//! The unified social credit code (统一社会信用代码, GB 32100-2015).

use serde::{Deserialize, Serialize};
use std::fmt;

use crate::common::text::compact;

/// The 31 characters a USCC may use, in value order (I, O, S, V and Z are excluded).
pub const USCC_ALPHABET: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

/// A well-formed USCC (upper case, 18 characters, right check character). A passing check
/// proves the code is well formed, not that the company exists.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Uscc(String);

/// Which rule a typed USCC broke.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum UsccError {
    /// Nothing was entered.
    #[error("empty")]
    Empty,
    /// Not 18 characters after normalising.
    #[error("must be 18 characters, found {found}")]
    Length {
        /// How many characters there were.
        found: usize,
    },
    /// A character outside the allowed set (1-based position).
    #[error("character {found:?} at position {position} is not allowed")]
    Character {
        /// 1-based position.
        position: usize,
        /// The offending character.
        found: char,
    },
    /// Positions 3–8 (administrative division) must be digits.
    #[error("position {position} must be a digit (division code)")]
    DivisionCode {
        /// 1-based position.
        position: usize,
        /// The offending character.
        found: char,
    },
    /// The 18th character does not match the computed one.
    #[error("check character should be {expected}, found {found}")]
    CheckCharacter {
        /// The character the first 17 call for.
        expected: char,
        /// What was typed.
        found: char,
    },
}

fn value_of(c: u8) -> Option<u32> {
    USCC_ALPHABET.iter().position(|&a| a == c).map(|p| p as u32)
}

/// Computes the check character for the first 17 characters of a code, if they are all
/// in the alphabet.
pub fn check_character(first17: &str) -> Option<char> {
    let bytes = first17.as_bytes();
    if bytes.len() != 17 {
        return None;
    }
    let mut sum = 0u32;
    for (b, w) in bytes.iter().zip(WEIGHTS) {
        sum += value_of(*b)? * w;
    }
    let check = (31 - sum % 31) % 31;
    Some(USCC_ALPHABET[check as usize] as char)
}

impl Uscc {
    /// Normalises (trim, full-width → ASCII, upper case, no spaces or dashes) and validates,
    /// reporting the first rule broken.
    pub fn parse(input: &str) -> Result<Uscc, UsccError> {
        let code = compact(input).to_ascii_uppercase();
        if code.is_empty() {
            return Err(UsccError::Empty);
        }
        let chars: Vec<char> = code.chars().collect();
        if chars.len() != 18 {
            return Err(UsccError::Length { found: chars.len() });
        }
        for (i, &c) in chars.iter().enumerate() {
            if !c.is_ascii() || value_of(c as u8).is_none() {
                return Err(UsccError::Character {
                    position: i + 1,
                    found: c,
                });
            }
        }
        for (i, &c) in chars.iter().enumerate().take(8).skip(2) {
            if !c.is_ascii_digit() {
                return Err(UsccError::DivisionCode {
                    position: i + 1,
                    found: c,
                });
            }
        }
        let expected = check_character(&code[..17]).unwrap_or('0');
        if chars[17] != expected {
            return Err(UsccError::CheckCharacter {
                expected,
                found: chars[17],
            });
        }
        Ok(Uscc(code))
    }

    /// The 18 characters.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The form to store and show a typed code in: the canonical 18 characters when it is a
/// valid code (`９１４４ 0300-7084 6113 6t` → `91440300708461136T`), otherwise the text
/// as typed, trimmed (so the field keeps what the user must correct).
pub fn canonical(input: &str) -> String {
    Uscc::parse(input).map_or_else(|_| input.trim().to_string(), |u| u.0)
}

impl fmt::Display for Uscc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for Uscc {
    type Error = UsccError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Uscc::parse(&value)
    }
}

impl From<Uscc> for String {
    fn from(value: Uscc) -> String {
        value.0
    }
}
