//! Rebate statements written as CSV: an export of a view in the reader's language, and
//! the storage chunks (English). The import (`read.rs`) reads either back.

use rust_decimal::Decimal;
use std::borrow::Borrow;

use crate::common::csv::push_cell;
use crate::common::lang::Lang;
use crate::money::statement::{PaymentMode, StatementRow};
use crate::money::statement_view::Column;

/// A ratio as a percentage: `0.125` → `12.5%`.
pub fn ratio_percent(ratio: Decimal) -> String {
    format!("{}%", (ratio * Decimal::ONE_HUNDRED).normalize())
}

/// The header line of a file in a language.
pub fn header_line(lang: Lang) -> String {
    let mut out = String::new();
    for (i, c) in Column::IN_FILES.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(c.header(lang));
    }
    out.push('\n');
    out
}

/// Appends one row in a language's words (the import reads either).
pub fn push_row(out: &mut String, row: &StatementRow, lang: Lang) {
    let zh = lang == Lang::ZhCn;
    let mode = match (row.payment_mode, zh) {
        (PaymentMode::Prepaid, true) => "预付费",
        (PaymentMode::Postpaid, true) => "后付费",
        (m, false) => m.name(),
    };
    let special = match (row.special, zh) {
        (true, true) => "是",
        (false, true) => "否",
        (true, false) => "yes",
        (false, false) => "no",
    };
    let cells: [&str; 11] = [
        &row.month.to_string(),
        &row.deduction_month().to_string(),
        &row.customer_uin,
        &row.customer_name,
        &row.product,
        &row.sub_product,
        mode,
        &row.consumption.to_string(),
        &ratio_percent(row.ratio),
        &row.rebate.to_string(),
        special,
    ];
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_cell(out, cell);
    }
    out.push('\n');
}

/// A whole file: a byte-order mark (so spreadsheet programs read the Chinese), the
/// header and the rows.
pub fn write_statements(
    rows: impl IntoIterator<Item = impl Borrow<StatementRow>>,
    lang: Lang,
) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&header_line(lang));
    for row in rows {
        push_row(&mut out, row.borrow(), lang);
    }
    out
}
