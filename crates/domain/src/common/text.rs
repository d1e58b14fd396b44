//! Input normalisation shared by every validator: users paste from Word, WeChat and
//! Chinese IMEs, so full-width characters and stray separators are the norm, not the exception.

/// Turns full-width ASCII variants (`０-９`, `Ａ-Ｚ`, `＠`, `－` …) and the ideographic
/// space into their ASCII forms, and trims the result.
pub fn to_half_width(input: &str) -> String {
    input
        .chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .collect::<String>()
        .trim()
        .to_string()
}

/// Half-width form with spaces and dashes removed (for codes and numbers where they are
/// only visual grouping).
pub fn compact(input: &str) -> String {
    to_half_width(input)
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '\u{2010}'..='\u{2015}'))
        .collect()
}

/// True when every character is an ASCII digit (and there is at least one).
pub fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Digits with a comma every three places from the right: `2097153` → `2,097,153`.
pub fn group_thousands(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A calendar date typed as `YYYY-MM-DD` (also `/` or `.` between, full-width digits).
/// Parsed by hand: chrono's format-string parser costs kilobytes of wasm for one shape.
pub fn parse_date(input: &str) -> Option<chrono::NaiveDate> {
    let t = to_half_width(input);
    let parts: Vec<&str> = t.split(['-', '/', '.']).collect();
    match parts.as_slice() {
        [y, m, d]
            if y.len() == 4 && !m.is_empty() && m.len() <= 2 && !d.is_empty() && d.len() <= 2 =>
        {
            chrono::NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
        }
        _ => None,
    }
}

/// A file's bytes that are not UTF-8 text (a spreadsheet, an image, a GBK-encoded CSV).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotUtf8;

/// A chosen file's bytes as text: strict UTF-8, a leading byte-order mark dropped. Strict
/// because a lenient decoding turns a binary file into replacement characters, and the
/// user would then read about a missing column instead of the file itself.
pub fn file_text(bytes: Vec<u8>) -> Result<String, NotUtf8> {
    let mut text = String::from_utf8(bytes).map_err(|_| NotUtf8)?;
    // In place: a file can be a hundred megabytes.
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok(text)
}

/// A file's bytes checked as UTF-8 piece by piece while it is read, so a large file is
/// neither held whole nor checked in one long pause: the same strictness as
/// [`file_text`], a character cut between two pieces carried over to the next, the
/// leading byte-order mark dropped.
#[derive(Debug, Default)]
pub struct Utf8Pieces {
    /// The start of a character the last piece ended inside.
    carry: Vec<u8>,
    /// A piece was passed on (the byte-order mark can only open the first).
    begun: bool,
}

impl Utf8Pieces {
    /// The next piece's text, as bytes ending on a character's end; `last` for the final
    /// piece, which must not end inside a character.
    pub fn piece(&mut self, bytes: &[u8], last: bool) -> Result<Vec<u8>, NotUtf8> {
        let mut text = std::mem::take(&mut self.carry);
        text.extend_from_slice(bytes);
        if let Err(e) = std::str::from_utf8(&text) {
            // Only a character cut at the end of a piece that is not the last is whole
            // once the next piece comes.
            if e.error_len().is_some() || last {
                return Err(NotUtf8);
            }
            self.carry = text.split_off(e.valid_up_to());
        }
        if !self.begun && text.starts_with("\u{feff}".as_bytes()) {
            text.drain(..3);
        }
        self.begun |= !text.is_empty();
        Ok(text)
    }
}
