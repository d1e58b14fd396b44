//! The statement page's words: column names and why a file or a line was refused.

use crate::data::DataError;
use crate::data::money::stored_bytes;
use crate::domain::Lang;
use crate::domain::money::statement_csv::{FileProblem, LineProblem};
use crate::domain::money::statement_table::StatementTable;
use crate::domain::money::statement_view::Column;
use crate::i18n::*;
use crate::ui::I18n;
use crate::ui::components::error_message;

/// A table column's name.
pub fn column_name(i18n: I18n, c: Column) -> String {
    match c {
        Column::Month => t_string!(i18n, stmt.col_month),
        Column::DeductionMonth => t_string!(i18n, stmt.basis_deduction),
        Column::CustomerUin => t_string!(i18n, stmt.col_uin),
        Column::CustomerName => t_string!(i18n, stmt.col_name),
        Column::Product => t_string!(i18n, stmt.col_product),
        Column::SubProduct => t_string!(i18n, stmt.col_sub_product),
        Column::PaymentMode => t_string!(i18n, stmt.col_mode),
        Column::Consumption => t_string!(i18n, stmt.col_consumption),
        Column::Ratio => t_string!(i18n, stmt.col_ratio),
        Column::Rebate => t_string!(i18n, stmt.col_rebate),
        Column::Special => t_string!(i18n, stmt.col_special),
    }
    .to_string()
}

/// A file column's header in a language (as the user's files name it).
fn file_column(lang: Lang, c: Column) -> String {
    c.header(lang).to_string()
}

/// Why a whole file was refused.
pub fn file_problem(i18n: I18n, lang: Lang, p: &FileProblem) -> String {
    match p {
        FileProblem::Empty => t_string!(i18n, stmt.file_empty).to_string(),
        FileProblem::NoRows => t_string!(i18n, stmt.file_no_rows).to_string(),
        FileProblem::NothingValid => t_string!(i18n, stmt.file_nothing_valid).to_string(),
        FileProblem::MissingColumns(cols) => {
            let names = cols
                .iter()
                .map(|c| file_column(lang, *c))
                .collect::<Vec<_>>()
                .join(", ");
            t_string!(i18n, stmt.file_missing_columns, columns = names).to_string()
        }
    }
}

/// Why a line was refused.
pub fn line_problem(i18n: I18n, lang: Lang, p: &LineProblem) -> String {
    match p {
        LineProblem::Missing(c) => {
            t_string!(i18n, stmt.line_missing, column = file_column(lang, *c)).to_string()
        }
        LineProblem::BadMonth(v) => t_string!(i18n, stmt.line_month, value = v.clone()).to_string(),
        LineProblem::BadAmount(c, v) => t_string!(
            i18n,
            stmt.line_amount,
            column = file_column(lang, *c),
            value = v.clone()
        )
        .to_string(),
        LineProblem::AmountTooLarge(c, v) => t_string!(
            i18n,
            stmt.line_amount_too_large,
            column = file_column(lang, *c),
            value = v.clone()
        )
        .to_string(),
        LineProblem::BadMode(v) => t_string!(i18n, stmt.line_mode, value = v.clone()).to_string(),
        LineProblem::BadRatio(v) => t_string!(i18n, stmt.line_ratio, value = v.clone()).to_string(),
        LineProblem::BadSpecial(v) => {
            t_string!(i18n, stmt.line_special, value = v.clone()).to_string()
        }
        LineProblem::Duplicate(first) => {
            t_string!(i18n, stmt.line_duplicate, line = *first).to_string()
        }
    }
}

/// Why `rows` could not be stored; for a full browser storage, how much they need.
pub fn store_problem(i18n: I18n, e: &DataError, rows: &StatementTable) -> String {
    if *e != DataError::QuotaExceeded {
        return error_message(i18n, e);
    }
    // Tenths of a megabyte, rounded up: "about 12.7 MB" must not promise too little.
    let tenths = stored_bytes(rows).div_ceil(100_000);
    let size = format!("{}.{} MB", tenths / 10, tenths % 10);
    t_string!(i18n, stmt.quota_needed, size = size).to_string()
}
