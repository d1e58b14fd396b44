//! The statement table (rows held by column) against an independent oracle: the view the
//! page showed when it held one row value per row, computed here row by row as before.
//! Same rows, same order, same totals to the fen, same CSV round trip.

use partner_console::domain::common::lang::Lang;
use partner_console::domain::money::statement::*;
use partner_console::domain::money::statement_csv::{
    LineProblem, read_statements, write_statements,
};
use partner_console::domain::money::statement_table::StatementTable;
use partner_console::domain::money::statement_view::*;
use partner_console::domain::sample::generate;
use partner_console::domain::{Cny, YearMonth};
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// The view computed on row values, row by row (the page's computation before the table).
fn oracle(
    rows: &[StatementRow],
    basis: StatementBasis,
    filter: &StatementFilter,
    sort: Sort,
) -> StatementView {
    let query = filter.customer.trim().to_lowercase();
    let product = filter.product.trim();
    let mut shown: Vec<u32> = Vec::new();
    let mut by_month: BTreeMap<YearMonth, Totals> = BTreeMap::new();
    let mut by_customer: HashMap<&str, (usize, Totals)> = HashMap::new();
    let mut total = Totals::default();
    for (i, row) in rows.iter().enumerate() {
        let month = statement_month(row, basis);
        let keep = filter.from.is_none_or(|f| month >= f)
            && filter.to.is_none_or(|t| month <= t)
            && (product.is_empty() || &*row.product == product)
            && filter.payment_mode.is_none_or(|m| row.payment_mode == m)
            && (query.is_empty()
                || row.customer_uin.contains(query.as_str())
                || row.customer_name.to_lowercase().contains(query.as_str()));
        if !keep {
            continue;
        }
        shown.push(i as u32);
        by_month.entry(month).or_default().add(row);
        by_customer
            .entry(&row.customer_uin)
            .or_insert((i, Totals::default()))
            .1
            .add(row);
        total.add(row);
    }
    let compare = |a: &StatementRow, b: &StatementRow| -> Ordering {
        match sort.column {
            Column::Month => statement_month(a, basis).cmp(&statement_month(b, basis)),
            Column::DeductionMonth => a.deduction_month().cmp(&b.deduction_month()),
            Column::CustomerUin => a.customer_uin.cmp(&b.customer_uin),
            Column::CustomerName => a.customer_name.cmp(&b.customer_name),
            Column::Product => a.product.cmp(&b.product),
            Column::SubProduct => a.sub_product.cmp(&b.sub_product),
            Column::PaymentMode => a.payment_mode.cmp(&b.payment_mode),
            Column::Consumption => a.consumption.cmp(&b.consumption),
            Column::Ratio => a.ratio.cmp(&b.ratio),
            Column::Rebate => a.rebate.cmp(&b.rebate),
            Column::Special => a.special.cmp(&b.special),
        }
    };
    shown.sort_by(|&a, &b| {
        let o = compare(&rows[a as usize], &rows[b as usize]);
        if sort.descending { o.reverse() } else { o }
    });
    let mut by_customer: Vec<CustomerTotals> = by_customer
        .into_values()
        .map(|(first, totals)| CustomerTotals {
            uin: rows[first].customer_uin.clone(),
            name: rows[first].customer_name.clone(),
            totals,
        })
        .collect();
    by_customer.sort_by(|a, b| {
        b.totals
            .rebate
            .cmp(&a.totals.rebate)
            .then_with(|| a.uin.cmp(&b.uin))
    });
    StatementView {
        rows: shown,
        by_month: by_month.into_iter().collect(),
        by_customer,
        total,
    }
}

fn ym(s: &str) -> YearMonth {
    s.parse().unwrap()
}

/// A row from small choices, so that filters, equal sort keys, renamed customers and
/// repeated keys all occur.
fn arb_row() -> impl Strategy<Value = StatementRow> {
    let texts = ["甲", "乙", "Alpha", "alpha", "100012", "100013", ""];
    (
        (2024i32..2027, 1u32..13),
        (0usize..4, 0usize..texts.len()),
        (0usize..3, 0usize..3),
        any::<bool>(),
        (-50_000i64..5_000_000, 0i64..5_000_000),
        0u32..40,
        any::<bool>(),
    )
        .prop_map(
            move |((y, m), (uin, name), (p, s), post, (c, r), ratio, special)| StatementRow {
                month: YearMonth::new(y, m).unwrap(),
                customer_uin: Arc::from(format!("10001{uin}").as_str()),
                customer_name: Arc::from(texts[name]),
                product: Arc::from(["云服务器 CVM", "对象存储 COS", "甲"][p]),
                sub_product: Arc::from(["标准型S5", "", "计算型C6"][s]),
                payment_mode: if post {
                    PaymentMode::Postpaid
                } else {
                    PaymentMode::Prepaid
                },
                consumption: Cny::from_fen(c),
                ratio: Decimal::new(i64::from(ratio), 2),
                rebate: Cny::from_fen(r),
                special,
            },
        )
}

fn arb_filter() -> impl Strategy<Value = StatementFilter> {
    (
        proptest::option::of((2024i32..2027, 1u32..13)),
        proptest::option::of((2024i32..2027, 1u32..13)),
        prop::sample::select(vec![
            "", "", "甲", "alpha", "ALP", "10001", "100012", " 乙 ",
        ]),
        prop::sample::select(vec!["", "", "云服务器 CVM", "甲", "没有的产品"]),
        proptest::option::of(any::<bool>()),
    )
        .prop_map(|(from, to, customer, product, mode)| StatementFilter {
            from: from.map(|(y, m)| YearMonth::new(y, m).unwrap()),
            to: to.map(|(y, m)| YearMonth::new(y, m).unwrap()),
            customer: customer.to_string(),
            product: product.to_string(),
            payment_mode: mode.map(|post| {
                if post {
                    PaymentMode::Postpaid
                } else {
                    PaymentMode::Prepaid
                }
            }),
        })
}

/// Every column a row can be sorted by (a file's columns: the table's and the deduction
/// month).
const COLUMNS: [Column; 11] = Column::IN_FILES;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn the_table_gives_the_same_view_as_the_rows(
        rows in prop::collection::vec(arb_row(), 0..60),
        filter in arb_filter(),
        column in 0usize..COLUMNS.len(),
        descending in any::<bool>(),
        deduction in any::<bool>(),
    ) {
        let basis = if deduction { StatementBasis::DeductionPeriod } else { StatementBasis::BillingPeriod };
        let sort = Sort { column: COLUMNS[column], descending };
        let table = StatementTable::from_rows(&rows).unwrap();
        prop_assert_eq!(table.rows().collect::<Vec<_>>(), rows.clone());
        prop_assert_eq!(compute(&table, basis, &filter, sort), oracle(&rows, basis, &filter, sort));
    }

    #[test]
    fn merging_is_replacing_by_key_then_appending(
        old in prop::collection::vec(arb_row(), 0..30),
        new in prop::collection::vec(arb_row(), 0..30),
    ) {
        // The rule, row by row: a row whose key is there replaces it, else it is appended.
        let mut expected: Vec<StatementRow> = Vec::new();
        for row in old.iter().chain(&new) {
            match expected.iter().position(|r| r.key() == row.key()) {
                Some(i) => expected[i] = row.clone(),
                None => expected.push(row.clone()),
            }
        }
        let mut table = StatementTable::default();
        table.merge(&StatementTable::from_rows(&old).unwrap());
        let replaced_before = old.len() - table.len();
        let replaced = table.merge(&StatementTable::from_rows(&new).unwrap());
        prop_assert_eq!(table.rows().collect::<Vec<_>>(), expected.clone());
        prop_assert_eq!(replaced_before + replaced + expected.len(), old.len() + new.len());
    }
}

#[test]
fn the_table_round_trips_through_csv_and_totals_agree_to_the_fen() {
    let rows = generate(20_000, ym("2026-10"), 17).statements;
    let table = StatementTable::from_rows(&rows).unwrap();
    for lang in [Lang::ZhCn, Lang::EnUs] {
        let back = read_statements(&write_statements(table.rows(), lang)).unwrap();
        assert!(back.refused.is_empty());
        assert_eq!(back.rows, table);
    }
    let everything = compute(
        &table,
        StatementBasis::DeductionPeriod,
        &StatementFilter::default(),
        Sort::default(),
    );
    let rebate: Cny = rows.iter().map(|r| r.rebate).sum();
    let consumption: Cny = rows.iter().map(|r| r.consumption).sum();
    assert_eq!(
        (
            everything.total.rows,
            everything.total.rebate,
            everything.total.consumption
        ),
        (rows.len(), rebate, consumption)
    );
    assert_eq!(
        everything,
        oracle(
            &rows,
            StatementBasis::DeductionPeriod,
            &StatementFilter::default(),
            Sort::default()
        )
    );
}

#[test]
fn an_amount_beyond_whole_fen_in_64_bits_is_refused_not_rounded() {
    let mut row = generate(1, ym("2026-10"), 1).statements[0].clone();
    row.rebate = Cny::new(Decimal::from(i64::MAX));
    let mut table = StatementTable::default();
    assert!(table.push(&row).is_err());
    assert!(table.is_empty(), "nothing half appended");
    let text = format!(
        "month,customer_uin,product,payment_mode,consumption,rebate\n2026-01,1,p,prepaid,1.00,{}\n2026-01,2,p,prepaid,1.00,2.00\n",
        Decimal::from(i64::MAX)
    );
    let out = read_statements(&text).unwrap();
    assert_eq!(out.rows.len(), 1);
    assert_eq!(
        out.refused,
        vec![(
            2,
            LineProblem::AmountTooLarge(Column::Rebate, Decimal::from(i64::MAX).to_string())
        )]
    );
}

#[test]
fn memory_per_row_is_printed() {
    let rows = generate(100_000, ym("2026-10"), 3).statements;
    let table = StatementTable::from_rows(&rows).unwrap();
    let bytes = table.bytes();
    println!(
        "statement table: {} rows in {:.1} MB = {} bytes a row (row values: {} bytes each before their texts)",
        table.len(),
        bytes as f64 / 1_048_576.0,
        bytes / table.len(),
        std::mem::size_of::<StatementRow>()
    );
    assert!(
        bytes / table.len() < 64,
        "{} bytes a row",
        bytes / table.len()
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn the_stored_form_reads_back_as_the_same_rows(
        rows in prop::collection::vec(arb_row(), 0..60),
        cut in 0usize..61,
    ) {
        let table = StatementTable::from_rows(&rows).unwrap();
        let cut = cut.min(rows.len());
        // Two runs (two stored chunks) read into one table.
        let mut back = StatementTable::default();
        prop_assert_eq!(back.append_encoded(&table.encode(0..cut)), Ok(cut));
        prop_assert_eq!(back.append_encoded(&table.encode(cut..rows.len())), Ok(rows.len() - cut));
        prop_assert_eq!(back, table);
    }
}

#[test]
fn damaged_stored_rows_are_refused_and_change_nothing() {
    let rows = generate(300, ym("2026-10"), 9).statements;
    let table = StatementTable::from_rows(&rows).unwrap();
    let good = table.encode(0..rows.len());
    let mut damaged: Vec<Vec<u8>> = vec![
        Vec::new(),
        good[..good.len() - 1].to_vec(),
        [good.as_slice(), &[0]].concat(),
    ];
    let mut other_form = good.clone();
    other_form[0] = 2;
    damaged.push(other_form);
    // The first text's first byte: not UTF-8.
    let mut not_text = good.clone();
    not_text[9] = 0xff;
    damaged.push(not_text);
    // The flags column ends where the two amount columns (16 bytes a row) begin: the
    // last row's flags byte gets a flag no row can have.
    let mut bad_flag = good.clone();
    let flags_end = good.len() - rows.len() * 16;
    bad_flag[flags_end - 1] = 0x80;
    damaged.push(bad_flag);
    for bytes in damaged {
        let mut into = StatementTable::from_rows(&rows[..5]).unwrap();
        assert!(into.append_encoded(&bytes).is_err());
        assert_eq!(into, StatementTable::from_rows(&rows[..5]).unwrap());
    }
    // A row naming a text the run does not carry.
    let one = StatementTable::from_rows(&rows[..1]).unwrap();
    let mut bytes = one.encode(0..1);
    let texts = u32::from_le_bytes([bytes[1], bytes[2], bytes[3], bytes[4]]);
    // The columns of the one row: month (4 bytes), then its UIN's number (4 bytes).
    let rows_at = bytes.len() - (4 + 4 * 5 + 1 + 16);
    bytes[rows_at + 4..rows_at + 8].copy_from_slice(&texts.to_le_bytes());
    let mut into = StatementTable::default();
    assert_eq!(
        into.append_encoded(&bytes),
        Err(partner_console::domain::money::statement_table::Damaged(
            "customer UINs"
        ))
    );
    assert!(into.is_empty());
}

#[test]
fn a_file_merged_into_no_rows_is_its_rows_and_into_stored_rows_replaces_by_key() {
    let rows = generate(400, ym("2026-10"), 21).statements;
    let text = write_statements(&rows, Lang::EnUs);
    let (first, replaced) = read_statements(&text)
        .unwrap()
        .merged_into(&StatementTable::default());
    assert_eq!((first.len(), replaced), (400, 0));
    assert_eq!(first, StatementTable::from_rows(&rows).unwrap());
    let (again, replaced) = read_statements(&text).unwrap().merged_into(&first);
    assert_eq!((again.len(), replaced), (400, 400));
    assert_eq!(again, first);
}
