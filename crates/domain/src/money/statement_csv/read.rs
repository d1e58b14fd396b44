//! Reading a statements file: the header's columns, then every line checked, the good
//! rows kept and the refused ones named.

use hashbrown::HashTable;
use rust_decimal::Decimal;
use rustc_hash::{FxBuildHasher, FxHashMap as HashMap};
use std::hash::BuildHasher;
use std::str::FromStr;

use crate::common::csv::{Next, Reader, unguard};
use crate::money::cny::Cny;
use crate::money::month::YearMonth;
use crate::money::statement::PaymentMode;
use crate::money::statement_table::{RowParts, StatementTable};
use crate::money::statement_view::Column;

/// How many kinds of [`Column`] there are.
const COLUMNS: usize = Column::Special as usize + 1;

/// Why one line of a file was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LineProblem {
    /// A required cell is empty.
    Missing(Column),
    /// The month is not `YYYY-MM`.
    BadMonth(String),
    /// An amount is not a number with at most two decimals.
    BadAmount(Column, String),
    /// An amount beyond what the table holds in whole fen (±92 trillion yuan).
    AmountTooLarge(Column, String),
    /// The payment mode is neither prepaid nor postpaid.
    BadMode(String),
    /// The ratio is not a share between 0 and 1 (or a percentage up to 100%).
    BadRatio(String),
    /// The special marker is not yes/no.
    BadSpecial(String),
    /// The same month, customer, product, sub-product and mode as an earlier line.
    Duplicate(usize),
}

/// Why a whole file was refused (nothing from it is stored).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileProblem {
    /// No header line.
    Empty,
    /// The header lacks these required columns.
    MissingColumns(Vec<Column>),
    /// A header but no data lines.
    NoRows,
    /// Every line was refused.
    NothingValid,
}

/// What an import read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportOutcome {
    /// The good rows (after the rows the import continued, if any).
    pub rows: StatementTable,
    /// (line, problem) for every refused line, in file order.
    pub refused: Vec<(usize, LineProblem)>,
    /// Data lines read (good + refused).
    pub read: usize,
}

impl ImportOutcome {
    /// The stored rows with this file's rows merged in (see [`StatementTable::merge`]),
    /// and how many rows they replaced. A file's rows have distinct identities (the
    /// reader refuses a repeat), so into no rows they are the result as they are — a
    /// first import of a million rows is not copied row by row.
    pub fn merged_into(self, stored: &StatementTable) -> (StatementTable, usize) {
        if stored.is_empty() {
            return (self.rows, 0);
        }
        let mut all = stored.clone();
        let replaced = all.merge(&self.rows);
        (all, replaced)
    }
}

/// An import in progress: call [`StatementImport::step`] until it reports done (the UI
/// yields to the page between steps and shows [`StatementImport::progress`]). The text
/// is given whole, or in pieces as the file is read ([`StatementImport::in_pieces`]).
pub struct StatementImport<'a> {
    reader: Reader<'a>,
    /// Each column's field in the file, by `Column as usize`; `None` until the header
    /// is read.
    at: Option<[Option<usize>; COLUMNS]>,
    ratios: RatioTexts,
    /// The rows this file gave, by identity.
    seen: Seen,
    out: ImportOutcome,
}

/// What [`StatementImport::step`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Lines were read; more follow.
    Read,
    /// The piece given is read: feed the next ([`StatementImport::feed`]).
    NeedInput,
    /// The text is read: [`StatementImport::finish`].
    Done,
}

impl<'a> StatementImport<'a> {
    /// Reads the header; a file without the required columns is refused whole.
    pub fn start(text: &'a str) -> Result<Self, FileProblem> {
        Self::continuing(text, StatementTable::default())
    }

    /// As [`StatementImport::start`], the rows read appended to `rows` (stored chunks
    /// read into one table). A line is a duplicate only of a line of the same file.
    pub fn continuing(text: &'a str, rows: StatementTable) -> Result<Self, FileProblem> {
        let mut reading = Self::reading(Reader::new(text), rows);
        match reading.header()? {
            Step::Read => Ok(reading),
            _ => Err(FileProblem::Empty),
        }
    }

    /// An import of a file of `size` bytes given in pieces ([`StatementImport::feed`]);
    /// the header is read by the first step.
    pub fn in_pieces(size: usize) -> StatementImport<'static> {
        StatementImport::reading(Reader::in_pieces(size), StatementTable::default())
    }

    fn reading(reader: Reader<'a>, rows: StatementTable) -> Self {
        StatementImport {
            reader,
            at: None,
            ratios: RatioTexts::default(),
            seen: Seen {
                first: rows.len(),
                rows: HashTable::new(),
                lines: Vec::new(),
            },
            out: ImportOutcome {
                rows,
                ..ImportOutcome::default()
            },
        }
    }

    /// The next piece of the file (checked UTF-8, see
    /// [`crate::common::text::Utf8Pieces`]); `last` when no piece follows.
    pub fn feed(&mut self, piece: Vec<u8>, last: bool) {
        self.reader.feed(piece, last);
    }

    /// Reads the header: the columns, the required ones all there.
    fn header(&mut self) -> Result<Step, FileProblem> {
        match self.reader.read() {
            Next::Record(_) => {}
            Next::NeedInput => return Ok(Step::NeedInput),
            Next::End => return Err(FileProblem::Empty),
        }
        let reader = &self.reader;
        let columns: Vec<Option<Column>> = (0..reader.field_count())
            .map(|i| Column::from_header(reader.field(i)))
            .collect();
        let missing: Vec<Column> = Column::REQUIRED_IN_FILES
            .into_iter()
            .filter(|c| !columns.contains(&Some(*c)))
            .collect();
        if !missing.is_empty() {
            return Err(FileProblem::MissingColumns(missing));
        }
        let mut at = [None; COLUMNS];
        for (i, column) in columns.iter().enumerate() {
            if let Some(c) = column {
                // The first of a repeated column counts, as a reader looking left to right
                // would take it.
                at[*c as usize].get_or_insert(i);
            }
        }
        self.at = Some(at);
        Ok(Step::Read)
    }

    /// (bytes read, bytes in all).
    pub fn progress(&self) -> (usize, usize) {
        (self.reader.position(), self.reader.len())
    }

    /// Reads up to `lines` more lines. A file whose header lacks a required column is
    /// refused here when it comes in pieces.
    pub fn step(&mut self, lines: usize) -> Result<Step, FileProblem> {
        let Some(at) = self.at else {
            return self.header();
        };
        for _ in 0..lines {
            let line = match self.reader.read() {
                Next::Record(line) => line,
                Next::NeedInput => return Ok(Step::NeedInput),
                Next::End => return Ok(Step::Done),
            };
            self.out.read += 1;
            let cells = Line {
                reader: &self.reader,
                at: &at,
            };
            let row = match cells.row(&mut self.ratios) {
                Ok(row) => row,
                Err(problem) => {
                    self.out.refused.push((line, problem));
                    continue;
                }
            };
            let last = self.out.rows.len();
            self.out.rows.push_parts(&row);
            if let Some(first) = self.seen.first_line(&self.out.rows, last, line) {
                self.out.rows.truncate(last);
                self.out.refused.push((line, LineProblem::Duplicate(first)));
            }
        }
        Ok(Step::Read)
    }

    /// Reads whatever is left of what was given and returns the outcome.
    pub fn finish(mut self) -> Result<ImportOutcome, FileProblem> {
        while self.step(10_000)? == Step::Read {}
        if self.out.read == 0 {
            Err(FileProblem::NoRows)
        } else if self.seen.is_empty() {
            Err(FileProblem::NothingValid)
        } else {
            Ok(self.out)
        }
    }
}

/// The rows a file gave, by identity: each one's number in the table (4 bytes a row
/// where a map from identity to line took 24, twice over in its hash table — 50 MB at a
/// million rows), its line beside it.
struct Seen {
    /// The table's rows before this file's.
    first: usize,
    rows: HashTable<u32>,
    /// The line of each of this file's rows.
    lines: Vec<u32>,
}

impl Seen {
    fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// The line of an earlier row with the identity of row `row` (read from `line`), or
    /// `None` after noting the row as the first of its identity.
    fn first_line(&mut self, table: &StatementTable, row: usize, line: usize) -> Option<usize> {
        let key = table.key(row);
        let hash = FxBuildHasher.hash_one(key);
        if let Some(&earlier) = self.rows.find(hash, |&i| table.key(i as usize) == key) {
            return Some(self.lines[earlier as usize - self.first] as usize);
        }
        self.rows.insert_unique(hash, row as u32, |&i| {
            FxBuildHasher.hash_one(table.key(i as usize))
        });
        self.lines.push(line as u32);
        None
    }
}

/// The cells of the line being read.
struct Line<'r, 't> {
    reader: &'r Reader<'t>,
    /// Each column's field, by `Column as usize`.
    at: &'r [Option<usize>; COLUMNS],
}

impl<'r> Line<'r, '_> {
    fn cell(&self, column: Column) -> &'r str {
        self.at[column as usize]
            // An export's guard quote comes off (see `csv::push_cell`).
            .map_or("", |i| unguard(self.reader.field(i).trim()).trim())
    }

    fn required(&self, column: Column) -> Result<&'r str, LineProblem> {
        match self.cell(column) {
            "" => Err(LineProblem::Missing(column)),
            v => Ok(v),
        }
    }

    /// The amount in whole fen: the plain form directly, any other through [`Cny::parse`].
    fn amount(&self, column: Column) -> Result<i64, LineProblem> {
        let text = self.required(column)?;
        if let Some(fen) = Cny::plain_fen(text) {
            return Ok(fen);
        }
        let amount =
            Cny::parse(text).map_err(|_| LineProblem::BadAmount(column, text.to_string()))?;
        // An amount must also fit the table's whole fen.
        amount
            .exact_fen()
            .ok_or_else(|| LineProblem::AmountTooLarge(column, text.to_string()))
    }

    fn row(&self, ratios: &mut RatioTexts) -> Result<RowParts<'r>, LineProblem> {
        let month_text = self.required(Column::Month)?;
        let month = YearMonth::from_str(month_text)
            .map_err(|_| LineProblem::BadMonth(month_text.to_string()))?;
        let mode_text = self.required(Column::PaymentMode)?;
        let payment_mode =
            PaymentMode::parse(mode_text).ok_or_else(|| LineProblem::BadMode(mode_text.into()))?;
        let consumption = self.amount(Column::Consumption)?;
        let rebate = self.amount(Column::Rebate)?;
        let ratio_text = self.cell(Column::Ratio);
        let ratio = ratios
            .read(ratio_text)
            .ok_or_else(|| LineProblem::BadRatio(ratio_text.into()))?;
        let special_text = self.cell(Column::Special);
        let special = parse_yes_no(special_text)
            .ok_or_else(|| LineProblem::BadSpecial(special_text.into()))?;
        self.required(Column::CustomerUin)?;
        self.required(Column::Product)?;
        let text = |column| self.cell(column);
        Ok(RowParts {
            month,
            customer_uin: text(Column::CustomerUin),
            customer_name: text(Column::CustomerName),
            product: text(Column::Product),
            sub_product: text(Column::SubProduct),
            payment_mode,
            consumption,
            ratio,
            rebate,
            special,
        })
    }
}

/// Ratio texts already read: a file repeats a handful of ratios a million times.
#[derive(Default)]
struct RatioTexts(HashMap<Box<str>, Option<Decimal>>);

impl RatioTexts {
    fn read(&mut self, text: &str) -> Option<Decimal> {
        if let Some(ratio) = self.0.get(text) {
            return *ratio;
        }
        let ratio = parse_ratio(text);
        self.0.insert(text.into(), ratio);
        ratio
    }
}

/// Reads a whole file at once (tests, storage chunks).
pub fn read_statements(text: &str) -> Result<ImportOutcome, FileProblem> {
    StatementImport::start(text)?.finish()
}

/// `0.12`, `12%` or empty (0). A share above 1 must be written as a percentage, so `12`
/// is refused rather than read as 1,200%.
pub fn parse_ratio(text: &str) -> Option<Decimal> {
    let text = text.trim();
    if text.is_empty() {
        return Some(Decimal::ZERO);
    }
    let (number, percent) = match text.strip_suffix(['%', '％']) {
        Some(n) => (n.trim(), true),
        None => (text, false),
    };
    let value = Decimal::from_str(number).ok()?;
    let share = if percent {
        value / Decimal::ONE_HUNDRED
    } else {
        value
    };
    (share >= Decimal::ZERO && share <= Decimal::ONE).then(|| share.normalize())
}

fn parse_yes_no(text: &str) -> Option<bool> {
    let text = text.trim();
    // The written forms as they are first: no lower-case copy for each of a million lines.
    match text {
        "" | "no" | "否" => return Some(false),
        "yes" | "是" => return Some(true),
        _ => {}
    }
    match text.to_lowercase().as_str() {
        "" | "no" | "false" | "0" | "否" | "n" => Some(false),
        "yes" | "true" | "1" | "是" | "y" => Some(true),
        _ => None,
    }
}

/// The rows of a chunk stored as CSV by a version before the table's own form, appended
/// to `rows` (a line that does not read is left out, as it was when the chunk was read).
pub fn read_stored_csv(text: &str, rows: StatementTable) -> Result<StatementTable, FileProblem> {
    StatementImport::continuing(text, rows)
        .and_then(StatementImport::finish)
        .map(|read| read.rows)
}
