//! Contact fields of the application and the profile (RULES §Contacts): mobile, landline, QQ,
//! email and corporate bank account number.

use serde::{Deserialize, Serialize};

use crate::common::text::{all_digits, compact, to_half_width};

/// Why a contact field was refused. Counts are in characters after normalising.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum ContactError {
    /// Nothing was entered.
    #[error("empty")]
    Empty,
    /// Something other than digits (after removing allowed separators).
    #[error("digits only")]
    NotDigits,
    /// Wrong length.
    #[error("length must be {min}–{max}, found {found}")]
    Length {
        /// Minimum length.
        min: usize,
        /// Maximum length.
        max: usize,
        /// Length found.
        found: usize,
    },
    /// A mobile number that does not start with 13–19.
    #[error("mobile numbers start with 13–19")]
    MobilePrefix,
    /// A QQ number or bank account starting with 0.
    #[error("must not start with 0")]
    LeadingZero,
    /// A landline without a valid area code (0 + 2–3 digits).
    #[error("area code must be 0 followed by 2–3 digits")]
    AreaCode,
    /// Neither a mobile number nor a landline.
    #[error("not a mobile or landline number")]
    Phone,
    /// An email address without exactly one `@`.
    #[error("email needs exactly one @")]
    EmailAt,
    /// An email address whose domain has no dot or an empty part.
    #[error("email domain is not valid")]
    EmailDomain,
    /// An email address with spaces or an empty local part.
    #[error("email name part is not valid")]
    EmailLocal,
}

/// A mainland mobile number, 11 digits, without country prefix.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Mobile(pub String);

impl Mobile {
    /// Accepts `+86`/`86`/`0086` prefixes, spaces and dashes; 19x numbers are valid.
    pub fn parse(input: &str) -> Result<Mobile, ContactError> {
        let mut s = compact(input);
        if s.is_empty() {
            return Err(ContactError::Empty);
        }
        for prefix in ["+86", "0086"] {
            if let Some(rest) = s.strip_prefix(prefix) {
                s = rest.to_string();
            }
        }
        if s.len() == 13 && s.starts_with("86") {
            s = s[2..].to_string();
        }
        if !all_digits(&s) {
            return Err(ContactError::NotDigits);
        }
        if s.len() != 11 {
            return Err(ContactError::Length {
                min: 11,
                max: 11,
                found: s.len(),
            });
        }
        let second = s.as_bytes()[1];
        if s.as_bytes()[0] != b'1' || !(b'3'..=b'9').contains(&second) {
            return Err(ContactError::MobilePrefix);
        }
        Ok(Mobile(s))
    }
}

/// A landline: area code, number, optional extension; normalised to `010-82173652-123`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Landline(pub String);

impl Landline {
    /// Accepts `010-82173652`, `(0755) 1234 5678`, `0755-12345678-123`, `010 82173652 转 5`.
    pub fn parse(input: &str) -> Result<Landline, ContactError> {
        let mut s: String = to_half_width(input)
            .chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, '(' | ')'))
            .collect();
        if s.is_empty() {
            return Err(ContactError::Empty);
        }
        s = s
            .replace('转', "-")
            .replace("ext", "-")
            .replace(['#', 'x'], "-");
        let parts: Vec<&str> = s.split('-').filter(|p| !p.is_empty()).collect();
        if parts.iter().any(|p| !all_digits(p)) {
            return Err(ContactError::NotDigits);
        }
        let Some(first) = parts.first() else {
            return Err(ContactError::Empty);
        };
        let (area, number, ext) = if first.len() > 4 {
            // Area code and number written together: 010 and 02x are the three-digit
            // area codes, all others have four.
            if !first.starts_with('0') {
                return Err(ContactError::AreaCode);
            }
            let area_len = if matches!(first.as_bytes()[1], b'1' | b'2') {
                3
            } else {
                4
            };
            match parts.len() {
                1 | 2 => (
                    &first[..area_len],
                    &first[area_len..],
                    parts.get(1).copied(),
                ),
                _ => return Err(ContactError::Phone),
            }
        } else {
            match parts.as_slice() {
                [area, number] => (*area, *number, None),
                [area, number, ext] => (*area, *number, Some(*ext)),
                _ => return Err(ContactError::AreaCode),
            }
        };
        if !area.starts_with('0') || !(3..=4).contains(&area.len()) {
            return Err(ContactError::AreaCode);
        }
        if !(7..=8).contains(&number.len()) {
            return Err(ContactError::Length {
                min: 7,
                max: 8,
                found: number.len(),
            });
        }
        if let Some(ext) = ext
            && ext.len() > 6
        {
            return Err(ContactError::Length {
                min: 1,
                max: 6,
                found: ext.len(),
            });
        }
        Ok(Landline(match ext {
            Some(ext) => format!("{area}-{number}-{ext}"),
            None => format!("{area}-{number}"),
        }))
    }
}

/// A phone field that takes a mobile or a landline (联系电话).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Phone {
    /// A mainland mobile.
    Mobile(Mobile),
    /// A landline with area code.
    Landline(Landline),
}

impl Phone {
    /// Tries mobile first, then landline; a number that starts with 1 is judged as a mobile.
    pub fn parse(input: &str) -> Result<Phone, ContactError> {
        let c = compact(input);
        if c.is_empty() {
            return Err(ContactError::Empty);
        }
        if c.starts_with('1') || c.starts_with('+') || (c.starts_with("86") && c.len() == 13) {
            return Mobile::parse(input).map(Phone::Mobile);
        }
        Landline::parse(input).map(Phone::Landline)
    }

    /// The normalised number.
    pub fn as_str(&self) -> &str {
        match self {
            Phone::Mobile(m) => &m.0,
            Phone::Landline(l) => &l.0,
        }
    }
}

/// A QQ number: 5 to 11 digits, not starting with 0.
pub fn parse_qq(input: &str) -> Result<String, ContactError> {
    digits_between(input, 5, 11)
}

/// An email address; the domain is kept in lower case so comparisons are case-insensitive.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Email {
    /// The part before `@`, as typed.
    pub local: String,
    /// The domain, lower case.
    pub domain: String,
}

impl Email {
    /// One `@`, a non-empty name without spaces, a domain with a dot and no empty labels.
    pub fn parse(input: &str) -> Result<Email, ContactError> {
        let s = to_half_width(input);
        if s.is_empty() {
            return Err(ContactError::Empty);
        }
        let mut parts = s.split('@');
        let (Some(local), Some(domain), None) = (parts.next(), parts.next(), parts.next()) else {
            return Err(ContactError::EmailAt);
        };
        if local.is_empty() || local.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(ContactError::EmailLocal);
        }
        let domain = domain.to_ascii_lowercase();
        let labels_ok = domain.split('.').all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        });
        if !domain.contains('.') || !labels_ok {
            return Err(ContactError::EmailDomain);
        }
        Ok(Email {
            local: local.to_string(),
            domain,
        })
    }

    /// True when this address is on `domain` (case-insensitive).
    pub fn is_on_domain(&self, domain: &str) -> bool {
        self.domain == domain.trim().trim_start_matches('@').to_ascii_lowercase()
    }
}

impl std::fmt::Display for Email {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}@{}", self.local, self.domain)
    }
}

/// A corporate bank account number: 10–30 digits, not starting with 0. No Luhn check:
/// corporate accounts have none, and applying one would refuse real accounts.
pub fn parse_bank_account(input: &str) -> Result<String, ContactError> {
    digits_between(input, 10, 30)
}

/// A number of `min..=max` digits, not starting with 0, spaces and dashes removed.
fn digits_between(input: &str, min: usize, max: usize) -> Result<String, ContactError> {
    let s = compact(input);
    if s.is_empty() {
        return Err(ContactError::Empty);
    }
    if !all_digits(&s) {
        return Err(ContactError::NotDigits);
    }
    if s.starts_with('0') {
        return Err(ContactError::LeadingZero);
    }
    if !(min..=max).contains(&s.len()) {
        return Err(ContactError::Length {
            min,
            max,
            found: s.len(),
        });
    }
    Ok(s)
}

/// A bank account number as lists, summaries, print views and exports show it: only its
/// last four digits (`•••• 5601`), so a screen, a printout or a forwarded file does not
/// carry the whole number. Empty stays empty.
pub fn masked_account(number: &str) -> String {
    let digits: Vec<char> = number.chars().filter(|c| c.is_ascii_digit()).collect();
    match digits.len() {
        0 if number.trim().is_empty() => String::new(),
        0..=4 => "••••".to_string(),
        n => format!("•••• {}", digits[n - 4..].iter().collect::<String>()),
    }
}

/// The host of a website address: no scheme, port, path or leading `www.`, lower case.
pub fn website_host(website: &str) -> Option<String> {
    let s = crate::common::text::to_half_width(website).to_ascii_lowercase();
    let s = s.split("://").last().unwrap_or(&s);
    let host = s.split(['/', '?', '#']).next()?.split(':').next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (host.contains('.') && !host.starts_with('.')).then(|| host.to_string())
}
