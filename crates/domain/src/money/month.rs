//! A calendar month (statements, settlements and basis switches are monthly).

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A year and month, ordered; written `2026-03`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct YearMonth {
    year: i32,
    month: u32,
}

/// Why a month could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("not a month (expected YYYY-MM): {0}")]
pub struct MonthError(pub String);

impl YearMonth {
    /// A month; `None` unless 1 ≤ month ≤ 12.
    pub fn new(year: i32, month: u32) -> Option<YearMonth> {
        (1..=12)
            .contains(&month)
            .then_some(YearMonth { year, month })
    }

    /// The month a date falls in.
    pub fn of(date: NaiveDate) -> YearMonth {
        YearMonth {
            year: date.year(),
            month: date.month(),
        }
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1–12.
    pub fn month(self) -> u32 {
        self.month
    }

    /// The following month.
    pub fn next(self) -> YearMonth {
        if self.month == 12 {
            YearMonth {
                year: self.year + 1,
                month: 1,
            }
        } else {
            YearMonth {
                year: self.year,
                month: self.month + 1,
            }
        }
    }

    /// The previous month.
    pub fn prev(self) -> YearMonth {
        if self.month == 1 {
            YearMonth {
                year: self.year - 1,
                month: 12,
            }
        } else {
            YearMonth {
                year: self.year,
                month: self.month - 1,
            }
        }
    }

    /// The first day of the month.
    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).unwrap_or_default()
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl FromStr for YearMonth {
    type Err = MonthError;
    /// Accepts `2026-03`, `2026/3`, `202603` and `2026年3月`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        // `2026-03`, as files and exports write it, without the copies the other forms
        // need (a million lines read one each).
        if let [y0, y1, y2, y3, b'-', m0, m1] = *s.as_bytes() {
            let digit = |b: u8| b.is_ascii_digit().then(|| i32::from(b - b'0'));
            if let (Some(a), Some(b), Some(c), Some(d), Some(e), Some(f)) = (
                digit(y0),
                digit(y1),
                digit(y2),
                digit(y3),
                digit(m0),
                digit(m1),
            ) {
                let year = a * 1000 + b * 100 + c * 10 + d;
                return YearMonth::new(year, (e * 10 + f) as u32)
                    .ok_or_else(|| MonthError(s.to_string()));
            }
        }
        let t = crate::common::text::to_half_width(s);
        let err = || MonthError(s.to_string());
        let digits: Vec<&str> = t
            .split(|c: char| !c.is_ascii_digit())
            .filter(|p| !p.is_empty())
            .collect();
        let (y, m) = match digits.as_slice() {
            [ym] if ym.len() == 6 => (&ym[..4], &ym[4..]),
            [y, m] | [y, m, _] if y.len() == 4 && m.len() <= 2 => (*y, *m),
            _ => return Err(err()),
        };
        let year = y.parse().map_err(|_| err())?;
        let month = m.parse().map_err(|_| err())?;
        YearMonth::new(year, month).ok_or_else(err)
    }
}

impl TryFrom<String> for YearMonth {
    type Error = MonthError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        value.parse()
    }
}

impl From<YearMonth> for String {
    fn from(value: YearMonth) -> String {
        value.to_string()
    }
}
