//! The number each row is sorted by in a column: a month as its number, a text as its
//! place among the sorted texts, a ratio as its place among the ratios, an amount in fen.

use std::cmp::Ordering;

use super::Column;
use crate::common::order::sorted_positions;
use crate::money::statement::StatementBasis;
use crate::money::statement_table::StatementTable;

/// Each number's place in order: `rank[n] < rank[m]` when item `n` comes before `m`.
fn ranks<T>(items: &[T], order: impl Fn(&T, &T) -> Ordering) -> Vec<u32> {
    let by_order = sorted_positions(items.len(), &|a, b| order(&items[a], &items[b]));
    let mut rank = vec![0; items.len()];
    for (place, n) in by_order.into_iter().enumerate() {
        rank[n] = place as u32;
    }
    rank
}

/// The value rows are sorted by in a column, as a number.
pub(super) fn sort_keys(table: &StatementTable, column: Column, basis: StatementBasis) -> Vec<i64> {
    let rows = 0..table.len();
    let by_text = |numbers: &[u32]| {
        let rank = ranks(table.texts(), |a, b| a.cmp(b));
        numbers
            .iter()
            .map(|&n| i64::from(rank[n as usize]))
            .collect()
    };
    match column {
        Column::Month => rows
            .map(|i| i64::from(statement_month_number(table, i, basis)))
            .collect(),
        Column::DeductionMonth => rows
            .map(|i| {
                i64::from(statement_month_number(
                    table,
                    i,
                    StatementBasis::DeductionPeriod,
                ))
            })
            .collect(),
        Column::CustomerUin => by_text(table.uins()),
        Column::CustomerName => by_text(table.names()),
        Column::Product => by_text(table.product_numbers()),
        Column::SubProduct => by_text(table.sub_product_numbers()),
        Column::PaymentMode => rows.map(|i| i64::from(table.postpaid(i))).collect(),
        Column::Consumption => table.consumption_fen().to_vec(),
        Column::Ratio => {
            let rank = ranks(table.ratio_values(), |a, b| a.cmp(b));
            table
                .ratio_numbers()
                .iter()
                .map(|&n| i64::from(rank[n as usize]))
                .collect()
        }
        Column::Rebate => table.rebate_fen().to_vec(),
        Column::Special => rows.map(|i| i64::from(table.special(i))).collect(),
    }
}

/// Row `i`'s statement month (as [`statement_month`]), as a month number.
pub(super) fn statement_month_number(
    table: &StatementTable,
    i: usize,
    basis: StatementBasis,
) -> i32 {
    let usage = table.months()[i];
    match basis {
        StatementBasis::DeductionPeriod if table.postpaid(i) => usage + 1,
        _ => usage,
    }
}
