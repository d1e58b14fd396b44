//! Money in CNY: a decimal newtype rounded half-up to the fen. Never floating point.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Neg, Sub, SubAssign};
use std::str::FromStr;

use crate::common::lang::Lang;
use crate::common::text::to_half_width;

/// Rounds to 0.01 with midpoints away from zero ("四舍五入"), unlike `round_dp`,
/// which rounds half to even and would turn 0.015 into 0.01.
pub fn round_half_up(value: Decimal) -> Decimal {
    value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// An amount of Chinese yuan, always held rounded to the fen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Cny(Decimal);

/// Why a typed amount was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    /// Nothing was entered.
    #[error("empty amount")]
    Empty,
    /// The text is not a number.
    #[error("not a number")]
    NotANumber,
    /// More than two decimals were typed (the fen is the smallest unit).
    #[error("more than two decimals")]
    TooManyDecimals,
}

impl Cny {
    /// Zero yuan.
    pub const ZERO: Cny = Cny(Decimal::ZERO);

    /// Wraps a decimal, rounding it half-up to the fen.
    pub fn new(value: Decimal) -> Self {
        Cny(round_half_up(value))
    }

    /// Whole yuan.
    pub fn yuan(value: i64) -> Self {
        Cny(Decimal::from(value))
    }

    /// An amount given in fen (1/100 yuan), exact.
    pub fn from_fen(fen: i64) -> Self {
        Cny(Decimal::new(fen, 2))
    }

    /// The decimal value (already rounded to the fen).
    pub fn amount(self) -> Decimal {
        self.0
    }

    /// The amount in fen; saturates far beyond any real rebate.
    pub fn fen(self) -> i64 {
        self.exact_fen().unwrap_or(if self.0.is_sign_negative() {
            i64::MIN
        } else {
            i64::MAX
        })
    }

    /// The amount in whole fen, if that fits in 64 bits (±92 trillion yuan); exact, as an
    /// amount is held to the fen.
    pub fn exact_fen(self) -> Option<i64> {
        let mut fen = self.0;
        fen.rescale(2);
        if fen.scale() != 2 {
            return None;
        }
        i64::try_from(fen.mantissa()).ok()
    }

    /// This amount times a ratio (e.g. a rebate ratio or a tax rate), rounded half-up.
    pub fn times(self, ratio: Decimal) -> Cny {
        Cny::new(self.0 * ratio)
    }

    /// True for amounts below zero (clawbacks).
    pub fn is_negative(self) -> bool {
        self.0.is_sign_negative() && !self.0.is_zero()
    }

    /// True for exactly zero.
    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }

    /// Parses what a person typed: `1,234.5`, `¥ 1234.50`, full-width digits.
    /// Refuses more than two decimals rather than silently rounding someone's input.
    pub fn parse(input: &str) -> Result<Cny, MoneyError> {
        // Files are mostly plain `-1234.56`: skip the clean-up copy for those.
        let plain = input.trim();
        if !plain.is_empty()
            && plain
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-')
        {
            let value = Decimal::from_str(plain).map_err(|_| MoneyError::NotANumber)?;
            return if value.normalize().scale() > 2 {
                Err(MoneyError::TooManyDecimals)
            } else {
                Ok(Cny(value))
            };
        }
        let cleaned: String = to_half_width(input)
            .chars()
            .filter(|c| !matches!(c, ',' | ' ' | '¥' | '￥' | '_'))
            .collect();
        let cleaned = cleaned
            .strip_prefix("CNY")
            .or_else(|| cleaned.strip_prefix("RMB"))
            .unwrap_or(&cleaned)
            .trim();
        if cleaned.is_empty() {
            return Err(MoneyError::Empty);
        }
        let value = Decimal::from_str(cleaned).map_err(|_| MoneyError::NotANumber)?;
        if value.normalize().scale() > 2 {
            return Err(MoneyError::TooManyDecimals);
        }
        Ok(Cny(value))
    }

    /// The plain form a file's amounts are mostly written in (`-1234.5`: a sign, digits,
    /// at most two decimals) straight to whole fen, without a `Decimal` — what
    /// [`Cny::parse`] then [`Cny::exact_fen`] give for it, at a tenth of the cost over a
    /// million lines. `None` for any other form, or beyond 64 bits: the caller then takes
    /// the full path, which decides.
    pub fn plain_fen(text: &str) -> Option<i64> {
        let (negative, digits) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (whole, cents) = digits.split_once('.').unwrap_or((digits, ""));
        if whole.is_empty() || (digits.contains('.') && cents.is_empty()) || cents.len() > 2 {
            return None;
        }
        let mut fen: i64 = 0;
        for b in whole.bytes().chain(cents.bytes()) {
            if !b.is_ascii_digit() {
                return None;
            }
            fen = fen.checked_mul(10)?.checked_add(i64::from(b - b'0'))?;
        }
        for _ in cents.len()..2 {
            fen = fen.checked_mul(10)?;
        }
        Some(if negative { -fen } else { fen })
    }

    /// Digits with thousands separators and exactly two decimals: `-1,234,567.80`.
    pub fn grouped(self) -> String {
        let text = format!("{:.2}", self.0.abs());
        let (int, frac) = text.split_once('.').unwrap_or((&text, "00"));
        let mut out = String::with_capacity(text.len() + text.len() / 3 + 1);
        if self.is_negative() {
            out.push('-');
        }
        out.push_str(&crate::common::text::group_thousands(int));
        out.push('.');
        out.push_str(frac);
        out
    }

    /// The amount as shown to a reader of the given language: `¥1,234.50` / `CNY 1,234.50`.
    pub fn display(self, lang: Lang) -> String {
        let grouped = self.grouped();
        let (sign, digits) = match grouped.strip_prefix('-') {
            Some(rest) => ("-", rest),
            None => ("", grouped.as_str()),
        };
        match lang {
            Lang::ZhCn => format!("{sign}¥{digits}"),
            Lang::EnUs => format!("{sign}CNY {digits}"),
        }
    }
}

impl fmt::Display for Cny {
    /// Plain machine form (`1234.50`), as used in CSV and JSON.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.2}", self.0)
    }
}

impl FromStr for Cny {
    type Err = MoneyError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Cny::parse(s)
    }
}

impl Serialize for Cny {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Cny {
    /// Reads the contract's string form (`"1234.50"`) or a whole number; a JSON float is
    /// refused because it may already have lost the fen. Whatever arrives is rounded half-up.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct CnyVisitor;
        impl serde::de::Visitor<'_> for CnyVisitor {
            type Value = Cny;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an amount as a decimal string")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Cny, E> {
                Decimal::from_str(v.trim()).map(Cny::new).map_err(E::custom)
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Cny, E> {
                Ok(Cny(Decimal::from(v)))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Cny, E> {
                Ok(Cny(Decimal::from(v)))
            }
        }
        d.deserialize_any(CnyVisitor)
    }
}

impl Add for Cny {
    type Output = Cny;
    fn add(self, rhs: Cny) -> Cny {
        Cny(self.0 + rhs.0)
    }
}

impl Sub for Cny {
    type Output = Cny;
    fn sub(self, rhs: Cny) -> Cny {
        Cny(self.0 - rhs.0)
    }
}

impl AddAssign for Cny {
    fn add_assign(&mut self, rhs: Cny) {
        self.0 += rhs.0;
    }
}

impl SubAssign for Cny {
    fn sub_assign(&mut self, rhs: Cny) {
        self.0 -= rhs.0;
    }
}

impl Neg for Cny {
    type Output = Cny;
    fn neg(self) -> Cny {
        Cny(-self.0)
    }
}

impl Sum for Cny {
    fn sum<I: Iterator<Item = Cny>>(iter: I) -> Cny {
        iter.fold(Cny::ZERO, Add::add)
    }
}

impl<'a> Sum<&'a Cny> for Cny {
    fn sum<I: Iterator<Item = &'a Cny>>(iter: I) -> Cny {
        iter.copied().sum()
    }
}
