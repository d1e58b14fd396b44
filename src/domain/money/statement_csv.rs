//! Rebate statements as CSV: the import (Chinese or English headers in any order, every
//! refused line named with its reason). The writer is in `statement_export`; the storage
//! format is the same CSV in chunks, so one reader and one writer serve all three.

use rust_decimal::Decimal;
use std::collections::{HashMap, HashSet};
use std::str::FromStr;
use std::sync::Arc;

pub use crate::domain::money::statement_export::{
    header_line, push_row, ratio_percent, write_statements,
};

use crate::domain::common::csv::{Reader, unguard};
use crate::domain::common::lang::Lang;
use crate::domain::money::cny::Cny;
use crate::domain::money::month::YearMonth;
use crate::domain::money::statement::{PaymentMode, RowKey, StatementRow};

/// A column of a statement file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FileColumn {
    /// The usage month, `YYYY-MM`.
    Month,
    /// The deduction month (written for readers; recomputed, not read).
    DeductionMonth,
    /// Customer UIN.
    CustomerUin,
    /// Customer name.
    CustomerName,
    /// Product.
    Product,
    /// Sub-product.
    SubProduct,
    /// Prepaid / postpaid.
    PaymentMode,
    /// Consumption amount.
    Consumption,
    /// Rebate ratio (`0.12` or `12%`).
    Ratio,
    /// Rebate amount.
    Rebate,
    /// Special rebate applied.
    Special,
}

impl FileColumn {
    /// The columns an export writes, in order.
    pub const ALL: [FileColumn; 11] = [
        FileColumn::Month,
        FileColumn::DeductionMonth,
        FileColumn::CustomerUin,
        FileColumn::CustomerName,
        FileColumn::Product,
        FileColumn::SubProduct,
        FileColumn::PaymentMode,
        FileColumn::Consumption,
        FileColumn::Ratio,
        FileColumn::Rebate,
        FileColumn::Special,
    ];

    /// The columns a file must have.
    pub const REQUIRED: [FileColumn; 6] = [
        FileColumn::Month,
        FileColumn::CustomerUin,
        FileColumn::Product,
        FileColumn::PaymentMode,
        FileColumn::Consumption,
        FileColumn::Rebate,
    ];

    /// The header written for a language (and read back in either).
    pub fn header(self, lang: Lang) -> &'static str {
        let (en, zh) = self.names();
        match lang {
            Lang::EnUs => en,
            Lang::ZhCn => zh,
        }
    }

    fn names(self) -> (&'static str, &'static str) {
        match self {
            FileColumn::Month => ("month", "月份"),
            FileColumn::DeductionMonth => ("deduction_month", "扣费月份"),
            FileColumn::CustomerUin => ("customer_uin", "客户UIN"),
            FileColumn::CustomerName => ("customer_name", "客户名称"),
            FileColumn::Product => ("product", "产品"),
            FileColumn::SubProduct => ("sub_product", "子产品"),
            FileColumn::PaymentMode => ("payment_mode", "付费模式"),
            FileColumn::Consumption => ("consumption", "消费金额"),
            FileColumn::Ratio => ("ratio", "返佣比例"),
            FileColumn::Rebate => ("rebate", "返佣金额"),
            FileColumn::Special => ("special", "特批"),
        }
    }

    /// Other headers seen in the wild for this column (already normalised).
    fn aliases(self) -> &'static [&'static str] {
        match self {
            FileColumn::Month => &[
                "usagemonth",
                "billingmonth",
                "计费月份",
                "账单月份",
                "使用月份",
            ],
            FileColumn::DeductionMonth => &["扣费周期"],
            FileColumn::CustomerUin => &["uin", "customerid", "客户账号id", "客户id", "客户账号"],
            FileColumn::CustomerName => &["customer", "客户"],
            FileColumn::Product => &["productname", "产品名称"],
            FileColumn::SubProduct => &["subproductname", "子产品名称"],
            FileColumn::PaymentMode => &["mode", "付费方式", "计费模式"],
            FileColumn::Consumption => &["amount", "consumptionamount", "订单金额", "消耗金额"],
            FileColumn::Ratio => &["rebateratio", "返佣比例(%)"],
            FileColumn::Rebate => &["rebateamount", "返佣"],
            FileColumn::Special => &["specialrebate", "是否特批", "特批返佣"],
        }
    }

    /// The column a header names, ignoring case, spaces, underscores and dashes.
    pub fn from_header(header: &str) -> Option<FileColumn> {
        let h: String = header
            .trim()
            .to_lowercase()
            .chars()
            .filter(|c| !matches!(c, ' ' | '_' | '-' | '\u{3000}'))
            .collect();
        FileColumn::ALL.into_iter().find(|c| {
            let (en, zh) = c.names();
            h == en.replace('_', "") || h == zh.to_lowercase() || c.aliases().contains(&h.as_str())
        })
    }
}

/// Why one line of a file was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LineProblem {
    /// A required cell is empty.
    Missing(FileColumn),
    /// The month is not `YYYY-MM`.
    BadMonth(String),
    /// An amount is not a number with at most two decimals.
    BadAmount(FileColumn, String),
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
    MissingColumns(Vec<FileColumn>),
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
    columns: Vec<Option<FileColumn>>,
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
        let columns: Vec<Option<FileColumn>> = (0..reader.field_count())
            .map(|i| FileColumn::from_header(reader.field(i)))
            .collect();
        let missing: Vec<FileColumn> = FileColumn::REQUIRED
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

    fn cell(&self, column: FileColumn) -> &str {
        self.columns
            .iter()
            .position(|c| *c == Some(column))
            // An export's guard quote comes off (see `csv::push_cell`).
            .map_or("", |i| unguard(self.reader.field(i).trim()).trim())
    }

    fn required(&self, column: FileColumn) -> Result<&str, LineProblem> {
        match self.cell(column) {
            "" => Err(LineProblem::Missing(column)),
            v => Ok(v),
        }
    }

    fn amount(&self, column: FileColumn) -> Result<Cny, LineProblem> {
        let text = self.required(column)?;
        Cny::parse(text).map_err(|_| LineProblem::BadAmount(column, text.to_string()))
    }

    fn row(&mut self) -> Result<StatementRow, LineProblem> {
        let month_text = self.required(FileColumn::Month)?;
        let month = YearMonth::from_str(month_text)
            .map_err(|_| LineProblem::BadMonth(month_text.to_string()))?;
        let mode_text = self.required(FileColumn::PaymentMode)?;
        let payment_mode =
            PaymentMode::parse(mode_text).ok_or_else(|| LineProblem::BadMode(mode_text.into()))?;
        let consumption = self.amount(FileColumn::Consumption)?;
        let rebate = self.amount(FileColumn::Rebate)?;
        let ratio_text = self.cell(FileColumn::Ratio);
        let ratio =
            parse_ratio(ratio_text).ok_or_else(|| LineProblem::BadRatio(ratio_text.into()))?;
        let special_text = self.cell(FileColumn::Special);
        let special = parse_yes_no(special_text)
            .ok_or_else(|| LineProblem::BadSpecial(special_text.into()))?;
        self.required(FileColumn::CustomerUin)?;
        self.required(FileColumn::Product)?;
        let uin = self.cell(FileColumn::CustomerUin).to_string();
        let name = self.cell(FileColumn::CustomerName).to_string();
        let product = self.cell(FileColumn::Product).to_string();
        let sub = self.cell(FileColumn::SubProduct).to_string();
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
