//! Rebate statements as CSV — one format for the import (Chinese or English headers in
//! any order, every refused line named with its reason, `read.rs`), the export of a view
//! in the reader's language and the storage chunks (`write.rs`), so one reader and one
//! writer serve all three.

mod read;
mod write;

pub use read::{
    FileProblem, ImportOutcome, Interner, LineProblem, StatementImport, parse_ratio,
    read_statements,
};
pub use write::{header_line, push_row, ratio_percent, write_statements};

use crate::domain::common::lang::Lang;

/// A column of a statement file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FileColumn {
    /// 月份 / `month`: the usage month, `YYYY-MM`.
    Month,
    /// 扣费月份 / `deduction_month`: written for readers; recomputed, never read.
    DeductionMonth,
    /// 客户UIN / `customer_uin`.
    CustomerUin,
    /// 客户名称 / `customer_name` (may be empty).
    CustomerName,
    /// 产品 / `product`.
    Product,
    /// 子产品 / `sub_product` (may be empty).
    SubProduct,
    /// 付费模式 / `payment_mode`: 预付费 or 后付费 (or the English names).
    PaymentMode,
    /// 消费金额 / `consumption`, in yuan.
    Consumption,
    /// 返佣比例 / `ratio`: `0.12` or `12%` (may be empty).
    Ratio,
    /// 返佣金额 / `rebate`, in yuan.
    Rebate,
    /// 特批 / `special`: whether a special rebate applied (may be empty).
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
