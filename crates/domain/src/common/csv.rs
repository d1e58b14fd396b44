//! CSV reading on `csv-core` (the parser of the `csv` crate, without its serde and std-io
//! layers, which the wasm does not need), and a small writer.
//!
//! The reader is incremental: callers pull one record at a time and can see how far
//! through the text they are, so a 100,000-row import can show progress and give the
//! page back between batches.

use std::borrow::Cow;

/// An incremental CSV reader over text (RFC 4180: quotes, doubled quotes, CRLF or LF).
/// Blank lines carry no record. The text is given whole ([`Reader::new`]) or in pieces
/// as a file is read ([`Reader::in_pieces`]): a record may span pieces, and only one
/// piece is held at a time, so a file of a hundred megabytes never sits in memory whole.
pub struct Reader<'a> {
    inner: csv_core::Reader,
    input: Cow<'a, [u8]>,
    pos: usize,
    /// Bytes of the pieces before the current one.
    before: usize,
    /// The size of the whole text.
    size: usize,
    /// No piece follows the current one.
    last: bool,
    /// The parser has been given text (see [`Reader::read`]).
    started: bool,
    /// The last byte read (the terminator of a record, or not).
    last_byte: Option<u8>,
    out: Vec<u8>,
    ends: Vec<usize>,
    /// Output and field ends of the record being read (it may span pieces).
    nout: usize,
    nend: usize,
    fields: usize,
}

/// What [`Reader::read`] found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Next {
    /// A record starting on this 1-based line; its fields are available.
    Record(usize),
    /// The piece is read: [`Reader::feed`] the next.
    NeedInput,
    /// The text is read.
    End,
}

impl<'a> Reader<'a> {
    /// A reader at the start of `text`.
    pub fn new(text: &'a str) -> Self {
        let mut reader = Reader::in_pieces(text.len());
        reader.input = Cow::Borrowed(text.as_bytes());
        reader.last = true;
        reader
    }

    /// A reader of `size` bytes of text given piece by piece ([`Reader::feed`]).
    pub fn in_pieces(size: usize) -> Self {
        Reader {
            inner: csv_core::Reader::new(),
            input: Cow::Borrowed(&[]),
            pos: 0,
            before: 0,
            size,
            last: false,
            started: false,
            last_byte: None,
            out: vec![0; 1024],
            ends: vec![0; 32],
            nout: 0,
            nend: 0,
            fields: 0,
        }
    }

    /// The next piece of the text, valid UTF-8 up to a character's end (see
    /// [`crate::common::text::Utf8Pieces`]); `last` when no piece follows.
    pub fn feed(&mut self, piece: Vec<u8>, last: bool) {
        // What is left unread (only ever the first few bytes, see `read`) goes first.
        let piece = match &self.input[self.pos..] {
            [] => piece,
            rest => [rest, &piece].concat(),
        };
        self.before += self.pos;
        self.input = Cow::Owned(piece);
        self.pos = 0;
        self.last = last;
    }

    /// Bytes read so far.
    pub fn position(&self) -> usize {
        self.before + self.pos
    }

    /// The size of the text in bytes.
    pub fn len(&self) -> usize {
        self.size
    }

    /// True for empty text.
    pub fn is_empty(&self) -> bool {
        self.size == 0
    }

    /// Reads the next record of text given whole; returns the 1-based line it starts
    /// on, or `None` at the end. Its fields are then available through [`Reader::field`].
    pub fn next_record(&mut self) -> Option<usize> {
        match self.read() {
            Next::Record(line) => Some(line),
            Next::NeedInput | Next::End => None,
        }
    }

    /// Reads the next record, or says the piece is used up.
    pub fn read(&mut self) -> Next {
        loop {
            loop {
                // An empty input tells the parser the text has ended; so does a first
                // input that is only a byte-order mark (the parser drops it, then sees
                // nothing): the parser starts on at least four bytes, or the end.
                let ahead = self.input.len() - self.pos;
                if !self.last && (ahead == 0 || (!self.started && ahead < 4)) {
                    return Next::NeedInput;
                }
                self.started = true;
                let (result, nin, o, e) = self.inner.read_record(
                    &self.input[self.pos..],
                    &mut self.out[self.nout..],
                    &mut self.ends[self.nend..],
                );
                if nin > 0 {
                    self.last_byte = Some(self.input[self.pos + nin - 1]);
                }
                self.pos += nin;
                self.nout += o;
                self.nend += e;
                match result {
                    csv_core::ReadRecordResult::OutputFull => {
                        let n = self.out.len() * 2;
                        self.out.resize(n, 0);
                    }
                    csv_core::ReadRecordResult::OutputEndsFull => {
                        let n = self.ends.len() * 2;
                        self.ends.resize(n, 0);
                    }
                    csv_core::ReadRecordResult::InputEmpty => {}
                    csv_core::ReadRecordResult::Record => break,
                    csv_core::ReadRecordResult::End => return Next::End,
                }
            }
            self.fields = self.nend;
            let nout = std::mem::take(&mut self.nout);
            self.nend = 0;
            // The reader counts line feeds; step back over the terminator and over line
            // feeds inside quoted fields to name the line the record starts on.
            let terminator = usize::from(self.last_byte == Some(b'\n'));
            self.last_byte = None;
            let inside = self.out[..nout].iter().filter(|b| **b == b'\n').count();
            let line = (self.inner.line() as usize).saturating_sub(terminator + inside);
            let blank = (0..self.fields).all(|i| self.field(i).trim().is_empty());
            if !blank {
                return Next::Record(line.max(1));
            }
        }
    }

    /// The number of fields of the current record.
    pub fn field_count(&self) -> usize {
        self.fields
    }

    /// Field `i` of the current record ("" past its end).
    pub fn field(&self, i: usize) -> &str {
        if i >= self.fields {
            return "";
        }
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        // Fields split on ASCII bytes of valid UTF-8 text, so they are valid UTF-8.
        std::str::from_utf8(&self.out[start..self.ends[i]]).unwrap_or("")
    }
}

/// Splits CSV text into records of fields, each with the 1-based line it starts on.
pub fn read(text: &str) -> Vec<(usize, Vec<String>)> {
    let mut reader = Reader::new(text);
    let mut records = Vec::new();
    while let Some(line) = reader.next_record() {
        let fields = (0..reader.field_count())
            .map(|i| reader.field(i).to_string())
            .collect();
        records.push((line, fields));
    }
    records
}

/// Characters that make a spreadsheet read a cell as a formula when it starts with one
/// (OWASP "CSV injection"): `=`, `+`, `-`, `@`, tab, carriage return.
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A signed plain number (`-1234.50`, `+3`, `-5%`): safe as it is, and a clawback must stay
/// a number in a spreadsheet.
fn plain_number(value: &str) -> bool {
    let digits = &value[1..];
    digits.bytes().any(|b| b.is_ascii_digit())
        && digits
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b'%')
        && digits.bytes().filter(|&b| b == b'.').count() <= 1
}

/// Whether a cell needs the guard quote: it would start a formula, or it starts with
/// the quote itself (so that reading it back removes exactly one).
fn needs_guard(value: &str) -> bool {
    match value.chars().next() {
        Some('\'') => true,
        Some(c) if FORMULA_START.contains(&c) => !plain_number(value),
        _ => false,
    }
}

/// Appends one field, quoted when it needs to be, and with a leading `'` when a
/// spreadsheet would otherwise run it as a formula (`=HYPERLINK(…)`, `+cmd|…`, `@SUM`);
/// [`unguard`] takes it off again when the file is imported.
pub fn push_cell(out: &mut String, value: &str) {
    let guarded;
    let value = if needs_guard(value) {
        guarded = format!("'{value}");
        guarded.as_str()
    } else {
        value
    };
    if value.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&value.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(value);
    }
}

/// A field as written before [`push_cell`] guarded it: one leading `'` is removed when
/// what follows is a formula start or another `'` (a quote a user typed before other
/// text stays).
pub fn unguard(field: &str) -> &str {
    match field.strip_prefix('\'') {
        Some(rest) if needs_guard(rest) => rest,
        _ => field,
    }
}

/// One field, quoted when it needs to be.
pub fn cell(value: &str) -> String {
    let mut out = String::new();
    push_cell(&mut out, value);
    out
}

/// One line of fields, with its line break.
pub fn line<S: AsRef<str>>(fields: &[S]) -> String {
    let mut out = String::new();
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_cell(&mut out, f.as_ref());
    }
    out.push('\n');
    out
}
