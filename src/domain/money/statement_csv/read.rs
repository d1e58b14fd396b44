//! Reading a statements file: the header's columns, then every line checked, the good
//! rows kept and the refused ones named.

use rust_decimal::Decimal;
use std::collections::{HashMap, HashSet};
use std::str::FromStr;
use std::sync::Arc;

use crate::domain::common::csv::{Reader, unguard};
use crate::domain::money::cny::Cny;
use crate::domain::money::month::YearMonth;
use crate::domain::money::statement::{PaymentMode, RowKey, StatementRow};
use crate::domain::money::statement_view::Column;

/// Why one line of a file was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LineProblem {
    /// A required cell is empty.
    Missing(Column),
    /// The month is not `YYYY-MM`.
    BadMonth(String),
    /// An amount is not a number with at most two decimals.
    BadAmount(Column, String),
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
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportOutcome {
    /// The good rows.
    pub rows: Vec<StatementRow>,
    /// (line, problem) for every refused line, in file order.
    pub refused: Vec<(usize, LineProblem)>,
    /// Data lines read (good + refused).
    pub read: usize,
}

/// Shares equal strings between rows.
#[derive(Default)]
pub struct Interner(HashSet<Arc<str>>);

impl Interner {
    /// The shared copy of `s`.
    pub fn get(&mut self, s: &str) -> Arc<str> {
        if let Some(found) = self.0.get(s) {
            return found.clone();
        }
        let shared: Arc<str> = Arc::from(s);
        self.0.insert(shared.clone());
        shared
    }
}

/// An import in progress: call [`StatementImport::step`] until it reports done (the UI
/// yields to the page between steps and shows [`StatementImport::progress`]).
pub struct StatementImport<'a> {
    reader: Reader<'a>,
    columns: Vec<Option<Column>>,
    strings: Interner,
    seen: HashMap<RowKey, usize>,
    out: ImportOutcome,
}

impl<'a> StatementImport<'a> {
    /// Reads the header; a file without the required columns is refused whole.
    pub fn start(text: &'a str) -> Result<Self, FileProblem> {
        let mut reader = Reader::new(text);
        if reader.next_record().is_none() {
            return Err(FileProblem::Empty);
        }
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
        Ok(StatementImport {
            reader,
            columns,
            strings: Interner::default(),
            seen: HashMap::new(),
            out: ImportOutcome::default(),
        })
    }

    /// (bytes read, bytes in all).
    pub fn progress(&self) -> (usize, usize) {
        (self.reader.position(), self.reader.len())
    }

    /// Reads up to `lines` more lines; true once the file is read.
    pub fn step(&mut self, lines: usize) -> bool {
        for _ in 0..lines {
            let Some(line) = self.reader.next_record() else {
                return true;
            };
            self.out.read += 1;
            match self.row() {
                Ok(row) => match self.seen.get(&row.key()) {
                    Some(first) => self
                        .out
                        .refused
                        .push((line, LineProblem::Duplicate(*first))),
                    None => {
                        self.seen.insert(row.key(), line);
                        self.out.rows.push(row);
                    }
                },
                Err(problem) => self.out.refused.push((line, problem)),
            }
        }
        false
    }

    /// Reads whatever is left and returns the outcome.
    pub fn finish(mut self) -> Result<ImportOutcome, FileProblem> {
        while !self.step(10_000) {}
        if self.out.read == 0 {
            Err(FileProblem::NoRows)
        } else if self.out.rows.is_empty() {
            Err(FileProblem::NothingValid)
        } else {
            Ok(self.out)
        }
    }

    fn cell(&self, column: Column) -> &str {
        self.columns
            .iter()
            .position(|c| *c == Some(column))
            // An export's guard quote comes off (see `csv::push_cell`).
            .map_or("", |i| unguard(self.reader.field(i).trim()).trim())
    }

    fn required(&self, column: Column) -> Result<&str, LineProblem> {
        match self.cell(column) {
            "" => Err(LineProblem::Missing(column)),
            v => Ok(v),
        }
    }

    fn amount(&self, column: Column) -> Result<Cny, LineProblem> {
        let text = self.required(column)?;
        Cny::parse(text).map_err(|_| LineProblem::BadAmount(column, text.to_string()))
    }

    fn row(&mut self) -> Result<StatementRow, LineProblem> {
        let month_text = self.required(Column::Month)?;
        let month = YearMonth::from_str(month_text)
            .map_err(|_| LineProblem::BadMonth(month_text.to_string()))?;
        let mode_text = self.required(Column::PaymentMode)?;
        let payment_mode =
            PaymentMode::parse(mode_text).ok_or_else(|| LineProblem::BadMode(mode_text.into()))?;
        let consumption = self.amount(Column::Consumption)?;
        let rebate = self.amount(Column::Rebate)?;
        let ratio_text = self.cell(Column::Ratio);
        let ratio =
            parse_ratio(ratio_text).ok_or_else(|| LineProblem::BadRatio(ratio_text.into()))?;
        let special_text = self.cell(Column::Special);
        let special = parse_yes_no(special_text)
            .ok_or_else(|| LineProblem::BadSpecial(special_text.into()))?;
        self.required(Column::CustomerUin)?;
        self.required(Column::Product)?;
        let uin = self.cell(Column::CustomerUin).to_string();
        let name = self.cell(Column::CustomerName).to_string();
        let product = self.cell(Column::Product).to_string();
        let sub = self.cell(Column::SubProduct).to_string();
        Ok(StatementRow {
            month,
            customer_uin: self.strings.get(&uin),
            customer_name: self.strings.get(&name),
            product: self.strings.get(&product),
            sub_product: self.strings.get(&sub),
            payment_mode,
            consumption,
            ratio,
            rebate,
            special,
        })
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
    match text.trim().to_lowercase().as_str() {
        "" | "no" | "false" | "0" | "否" | "n" => Some(false),
        "yes" | "true" | "1" | "是" | "y" => Some(true),
        _ => None,
    }
}
