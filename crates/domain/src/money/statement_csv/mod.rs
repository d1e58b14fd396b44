//! Rebate statements as CSV — one format for the import (Chinese or English headers in
//! any order, every refused line named with its reason, `read.rs`), the export of a view
//! in the reader's language and the storage chunks (`write.rs`), so one reader and one
//! writer serve all three.

mod read;
mod write;

pub use read::{
    FileProblem, ImportOutcome, LineProblem, StatementImport, Step, parse_ratio, read_statements,
    read_stored_csv,
};
pub use write::{header_line, push_row, ratio_percent, write_statements};

use crate::common::lang::Lang;
use crate::money::statement_view::Column;

/// A statement file's columns: the table's, and the deduction month.
impl Column {
    /// The columns an export writes, in order.
    pub const IN_FILES: [Column; 11] = [
        Column::Month,
        Column::DeductionMonth,
        Column::CustomerUin,
        Column::CustomerName,
        Column::Product,
        Column::SubProduct,
        Column::PaymentMode,
        Column::Consumption,
        Column::Ratio,
        Column::Rebate,
        Column::Special,
    ];

    /// The columns a file must have.
    pub const REQUIRED_IN_FILES: [Column; 6] = [
        Column::Month,
        Column::CustomerUin,
        Column::Product,
        Column::PaymentMode,
        Column::Consumption,
        Column::Rebate,
    ];

    /// A file's header for the column in a language (read back in either).
    pub fn header(self, lang: Lang) -> &'static str {
        let (en, zh) = self.names();
        match lang {
            Lang::EnUs => en,
            Lang::ZhCn => zh,
        }
    }

    fn names(self) -> (&'static str, &'static str) {
        match self {
            Column::Month => ("month", "月份"),
            Column::DeductionMonth => ("deduction_month", "扣费月份"),
            Column::CustomerUin => ("customer_uin", "客户UIN"),
            Column::CustomerName => ("customer_name", "客户名称"),
            Column::Product => ("product", "产品"),
            Column::SubProduct => ("sub_product", "子产品"),
            Column::PaymentMode => ("payment_mode", "付费模式"),
            Column::Consumption => ("consumption", "消费金额"),
            Column::Ratio => ("ratio", "返佣比例"),
            Column::Rebate => ("rebate", "返佣金额"),
            Column::Special => ("special", "特批"),
        }
    }

    /// Other headers seen in the wild for this column (already normalised).
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Column::Month => &[
                "usagemonth",
                "billingmonth",
                "计费月份",
                "账单月份",
                "使用月份",
            ],
            Column::DeductionMonth => &["扣费周期"],
            Column::CustomerUin => &["uin", "customerid", "客户账号id", "客户id", "客户账号"],
            Column::CustomerName => &["customer", "客户"],
            Column::Product => &["productname", "产品名称"],
            Column::SubProduct => &["subproductname", "子产品名称"],
            Column::PaymentMode => &["mode", "付费方式", "计费模式"],
            Column::Consumption => &["amount", "consumptionamount", "订单金额", "消耗金额"],
            Column::Ratio => &["rebateratio", "返佣比例(%)"],
            Column::Rebate => &["rebateamount", "返佣"],
            Column::Special => &["specialrebate", "是否特批", "特批返佣"],
        }
    }

    /// The column a header names, ignoring case, spaces, underscores and dashes.
    pub fn from_header(header: &str) -> Option<Column> {
        let h: String = header
            .trim()
            .to_lowercase()
            .chars()
            .filter(|c| !matches!(c, ' ' | '_' | '-' | '\u{3000}'))
            .collect();
        Column::IN_FILES.into_iter().find(|c| {
            let (en, zh) = c.names();
            h == en.replace('_', "") || h == zh.to_lowercase() || c.aliases().contains(&h.as_str())
        })
    }
}
