//! The computations behind the money pages (RULES §Customers–§Special rebates): statement filter/sort/
//! totals, CSV import and export, sample data, customers, special rebates (settlements:
//! domain_settlement.rs).
#![cfg(not(target_arch = "wasm32"))]
use chrono::NaiveDate;
use partner_console::domain::common::lang::Lang;
use partner_console::domain::money::customer::*;
use partner_console::domain::money::special_rebate::*;
use partner_console::domain::money::statement::*;
use partner_console::domain::money::statement_csv::*;
use partner_console::domain::money::statement_table::StatementTable;
use partner_console::domain::money::statement_view::*;
use partner_console::domain::sample::generate;
use partner_console::domain::{Cny, YearMonth};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

fn ym(s: &str) -> YearMonth {
    s.parse().unwrap()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

const FILE: &str = "\u{feff}客户UIN,月份,产品,子产品,付费模式,消费金额,返佣比例,返佣金额,客户名称\n\
100001,2026-01,云服务器 CVM,标准型S5,预付费,1000.00,10%,100.00,甲公司\n\
100001,2026-01,对象存储 COS,标准存储,后付费,200.00,0.05,10.00,甲公司\n\
100002,2026-13,云服务器 CVM,标准型S5,预付费,1000.00,10%,100.00,乙公司\n\
100002,2026-02,云服务器 CVM,标准型S5,月付,1000.00,10%,100.00,乙公司\n\
100002,2026-02,云服务器 CVM,标准型S5,预付费,abc,10%,100.00,乙公司\n\
100002,2026-02,云服务器 CVM,计算型C6,预付费,300.00,0,0,乙公司\n";

#[test]
fn import_names_every_refused_line_and_keeps_the_good_ones() {
    let out = read_statements(FILE).unwrap();
    assert_eq!(out.read, 6);
    assert_eq!(out.rows.len(), 3);
    let lines: Vec<usize> = out.refused.iter().map(|(l, _)| *l).collect();
    assert_eq!(lines, vec![4, 5, 6]);
    assert_eq!(out.refused[0].1, LineProblem::BadMonth("2026-13".into()));
    assert_eq!(out.refused[1].1, LineProblem::BadMode("月付".into()));
    assert_eq!(
        out.refused[2].1,
        LineProblem::BadAmount(Column::Consumption, "abc".into())
    );
    assert_eq!(out.rows.row(0).ratio, Decimal::new(1, 1));
    assert_eq!(out.rows.row(1).payment_mode, PaymentMode::Postpaid);
    // Shared strings: the same customer's rows point at one name.
    assert!(std::sync::Arc::ptr_eq(
        &out.rows.row(0).customer_name,
        &out.rows.row(1).customer_name
    ));
}

#[test]
fn import_refuses_whole_files_that_cannot_be_statements() {
    assert_eq!(read_statements("").unwrap_err(), FileProblem::Empty);
    assert_eq!(
        read_statements("month,customer_uin,product\n2026-01,1,x\n").unwrap_err(),
        FileProblem::MissingColumns(vec![
            Column::PaymentMode,
            Column::Consumption,
            Column::Rebate
        ])
    );
    assert_eq!(
        read_statements("month,customer_uin,product,payment_mode,consumption,rebate\n")
            .unwrap_err(),
        FileProblem::NoRows
    );
    assert_eq!(
        read_statements(
            "month,customer_uin,product,payment_mode,consumption,rebate\nx,1,p,prepaid,1,1\n"
        )
        .unwrap_err(),
        FileProblem::NothingValid
    );
}

#[test]
fn import_refuses_duplicates_and_ambiguous_ratios() {
    let text = "MONTH, Customer UIN ,product,payment-mode,consumption,ratio,rebate\n\
2026-01,1,p,prepaid,10.00,12,1.20\n\
2026-01,1,p,prepaid,10.00,12%,1.20\n\
2026-01,1,p,prepaid,10.00,0.12,1.20\n";
    let out = read_statements(text).unwrap();
    assert_eq!(out.refused[0], (2, LineProblem::BadRatio("12".into())));
    assert_eq!(out.refused[1], (4, LineProblem::Duplicate(3)));
    assert_eq!(out.rows.len(), 1);
    assert_eq!(parse_ratio("12.5%"), Some(Decimal::new(125, 3)));
    assert_eq!(ratio_percent(Decimal::new(125, 3)), "12.5%");
}

/// The rows as the page holds them.
fn table(rows: &[StatementRow]) -> StatementTable {
    StatementTable::from_rows(rows).unwrap()
}

fn totals(rows: &StatementTable) -> (usize, Cny, Cny) {
    let v = compute(
        rows,
        StatementBasis::BillingPeriod,
        &StatementFilter::default(),
        Sort::default(),
    );
    (v.total.rows, v.total.consumption, v.total.rebate)
}

#[test]
fn export_then_import_gives_the_same_rows_in_either_language() {
    let data = generate(2_000, ym("2026-10"), 7);
    for lang in [Lang::ZhCn, Lang::EnUs] {
        let text = write_statements(&data.statements, lang);
        let back = read_statements(&text).unwrap();
        assert!(back.refused.is_empty(), "{:?}", &back.refused[..1]);
        assert_eq!(back.rows, table(&data.statements));
        assert_eq!(totals(&back.rows), totals(&table(&data.statements)));
    }
}

#[test]
fn merging_a_reimport_replaces_rows_instead_of_doubling_them() {
    let data = generate(500, ym("2026-10"), 3);
    let mut stored = table(&data.statements);
    let again = read_statements(&write_statements(&data.statements, Lang::EnUs))
        .unwrap()
        .rows;
    let replaced = stored.merge(&again);
    assert_eq!(replaced, 500);
    assert_eq!(stored, table(&data.statements));
    let mut extra = data.statements[0].clone();
    extra.month = ym("2027-01");
    stored.merge(&table(&[extra.clone()]));
    assert_eq!(stored.len(), 501);
    assert_eq!(stored.row(500), extra);
    // A changed amount on a known row replaces that row in place.
    let mut changed = data.statements[7].clone();
    changed.rebate = Cny::from_fen(1);
    assert_eq!(stored.merge(&table(&[changed.clone()])), 1);
    assert_eq!((stored.len(), stored.row(7)), (501, changed));
}

#[test]
fn filters_sorts_and_totals_agree_with_a_plain_recount() {
    let data = generate(20_000, ym("2026-10"), 11);
    let rows = &data.statements;
    let filter = StatementFilter {
        from: Some(ym("2026-03")),
        to: Some(ym("2026-08")),
        customer: String::new(),
        product: "云服务器 CVM".into(),
        payment_mode: Some(PaymentMode::Prepaid),
    };
    let sort = Sort {
        column: Column::Rebate,
        descending: true,
    };
    let view = compute(&table(rows), StatementBasis::DeductionPeriod, &filter, sort);
    // Recount by hand.
    let mut by_month: BTreeMap<YearMonth, Cny> = BTreeMap::new();
    let mut count = 0;
    for r in rows {
        let m = r.deduction_month();
        if m >= ym("2026-03")
            && m <= ym("2026-08")
            && &*r.product == "云服务器 CVM"
            && r.payment_mode == PaymentMode::Prepaid
        {
            count += 1;
            *by_month.entry(m).or_default() += r.rebate;
        }
    }
    assert_eq!(view.rows.len(), count);
    assert!(count > 0);
    let got: BTreeMap<YearMonth, Cny> = view.by_month.iter().map(|(m, t)| (*m, t.rebate)).collect();
    assert_eq!(got, by_month);
    let customer_sum: Cny = view.by_customer.iter().map(|c| c.totals.rebate).sum();
    assert_eq!(customer_sum, view.total.rebate);
    assert!(
        view.rows
            .windows(2)
            .all(|w| rows[w[0] as usize].rebate >= rows[w[1] as usize].rebate)
    );
    // A customer filter by part of the name or UIN.
    let one = &rows[0];
    let by_uin = compute(
        &table(rows),
        StatementBasis::BillingPeriod,
        &StatementFilter {
            customer: one.customer_uin.to_string(),
            ..Default::default()
        },
        Sort::default(),
    );
    assert!(
        by_uin
            .rows
            .iter()
            .all(|&i| rows[i as usize].customer_uin == one.customer_uin)
    );
}

#[test]
fn switching_basis_moves_postpaid_rows_to_the_next_month() {
    let data = generate(300, ym("2026-10"), 5);
    let postpaid = data
        .statements
        .iter()
        .position(|r| r.payment_mode == PaymentMode::Postpaid && r.month == ym("2026-05"))
        .unwrap();
    let only = |basis| {
        let f = StatementFilter {
            from: Some(ym("2026-06")),
            to: Some(ym("2026-06")),
            ..Default::default()
        };
        compute(&table(&data.statements), basis, &f, Sort::default()).rows
    };
    assert!(!only(StatementBasis::BillingPeriod).contains(&(postpaid as u32)));
    assert!(only(StatementBasis::DeductionPeriod).contains(&(postpaid as u32)));
}

#[test]
fn sample_data_is_the_size_asked_and_repeatable() {
    let a = generate(10_000, ym("2026-10"), 42);
    let b = generate(10_000, ym("2026-10"), 42);
    assert_eq!(a.statements.len(), 10_000);
    assert_eq!(a.statements, b.statements);
    assert_eq!(a.settlements.len(), 12);
    assert!(a.customers.len() > 100);
    assert!(a.special_rebates.len() > 10);
    let keys: std::collections::HashSet<_> = a.statements.iter().map(|r| r.key()).collect();
    assert_eq!(keys.len(), 10_000, "every row is unique");
    assert!(a.statements.iter().any(|r| r.rebate.is_zero()));
    assert!(a.settlements.iter().any(|s| !s.clawbacks().is_zero()));
    assert!(a.settlements.iter().any(|s| s.corrected_on.is_some()));
    // Each month's rebate line is that month's statement total.
    let s = &a.settlements[0];
    let month_total: Cny = a
        .statements
        .iter()
        .filter(|r| r.month == s.month)
        .map(|r| r.rebate)
        .sum();
    assert_eq!(s.lines[0].amount, month_total);
}

#[test]
fn customers_search_sort_and_arrears() {
    let data = generate(3_000, ym("2026-10"), 9);
    let c = &data.customers;
    let all = search(c, "", CustomerColumn::Arrears, true);
    assert_eq!(all.len(), c.len());
    assert!(all.windows(2).all(|w| c[w[0]].arrears >= c[w[1]].arrears));
    let found = search(c, &c[3].uin[3..9], CustomerColumn::Uin, false);
    assert!(found.contains(&3));
    let mut two = vec![c[0].clone(), c[1].clone()];
    two[0].arrears = Cny::yuan(5);
    two[1].arrears = Cny::yuan(7);
    assert_eq!(total_arrears(&two), Cny::yuan(12));
    two[1].unbind = UnbindState::Unbound;
    assert_eq!(
        total_arrears(&two),
        Cny::yuan(5),
        "an unbound customer no longer counts"
    );
}

#[test]
fn special_rebates_state_and_the_five_filters() {
    let r = SpecialRebate {
        id: "1".into(),
        customer_uin: "100".into(),
        product: "云服务器 CVM".into(),
        sub_product: "标准型S5".into(),
        ratio: Decimal::new(18, 2),
        payment_mode: PaymentMode::Prepaid,
        effective_from: date(2026, 1, 1),
        expires_on: date(2026, 6, 30),
    };
    assert_eq!(
        r.validity(date(2025, 12, 31)),
        RebateValidity::NotYetInForce
    );
    assert_eq!(r.validity(date(2026, 6, 30)), RebateValidity::InForce);
    assert_eq!(r.validity(date(2026, 7, 1)), RebateValidity::Expired);
    let f = |f: SpecialRebateFilter| f.matches(&r);
    assert!(f(SpecialRebateFilter::default()));
    assert!(f(SpecialRebateFilter {
        product: "cvm".into(),
        sub_product: "S5".into(),
        ..Default::default()
    }));
    assert!(!f(SpecialRebateFilter {
        ratio_min: Some(Decimal::new(20, 2)),
        ..Default::default()
    }));
    assert!(f(SpecialRebateFilter {
        ratio_min: Some(Decimal::new(18, 2)),
        ratio_max: Some(Decimal::new(18, 2)),
        ..Default::default()
    }));
    assert!(!f(SpecialRebateFilter {
        payment_mode: Some(PaymentMode::Postpaid),
        ..Default::default()
    }));
    assert!(f(SpecialRebateFilter {
        from: Some(date(2026, 6, 30)),
        ..Default::default()
    }));
    assert!(!f(SpecialRebateFilter {
        from: Some(date(2026, 7, 1)),
        ..Default::default()
    }));
    assert!(!f(SpecialRebateFilter {
        to: Some(date(2025, 12, 31)),
        ..Default::default()
    }));
    let all = vec![r.clone()];
    assert_eq!(for_customer(&all, "100", &Default::default()).len(), 1);
    assert!(for_customer(&all, "200", &Default::default()).is_empty());
}

#[test]
fn axis_ticks_are_nice_and_cover_the_maximum() {
    let yuan = |n: i64| Cny::yuan(n);
    assert_eq!(axis_ticks(Cny::ZERO), vec![yuan(0), yuan(1)]);
    assert_eq!(
        axis_ticks(Cny::from_fen(250)),
        vec![yuan(0), yuan(1), yuan(2), yuan(3)]
    );
    assert_eq!(
        axis_ticks(yuan(9_300)),
        vec![yuan(0), yuan(5_000), yuan(10_000)]
    );
    assert_eq!(
        axis_ticks(yuan(1_234_567)),
        vec![yuan(0), yuan(500_000), yuan(1_000_000), yuan(1_500_000)]
    );
    // Negative months (clawbacks) do not stretch the axis below zero.
    assert_eq!(axis_ticks(yuan(-50)), vec![yuan(0), yuan(1)]);
    for max in [1i64, 99, 100, 101, 399, 401, 12_345, 9_999_999_999] {
        let ticks = axis_ticks(Cny::from_fen(max));
        assert!(ticks.len() <= 5, "{max}: {ticks:?}");
        assert!(ticks.last().unwrap().fen() >= max, "{max}: {ticks:?}");
    }
}

#[test]
fn a_ratio_bound_is_typed_as_a_percentage() {
    let share = |s: &str| Some(Decimal::from_str_exact(s).unwrap());
    assert_eq!(parse_percent(""), Ok(None));
    assert_eq!(parse_percent("  "), Ok(None));
    assert_eq!(parse_percent("15"), Ok(share("0.15")));
    assert_eq!(parse_percent(" 15% "), Ok(share("0.15")));
    assert_eq!(parse_percent("12.5％"), Ok(share("0.125")));
    assert_eq!(parse_percent("0"), Ok(share("0")));
    assert_eq!(parse_percent("100"), Ok(share("1")));
    for bad in ["abc", "-1", "100.01", "15%%x", "１５"] {
        assert_eq!(parse_percent(bad), Err(NotAPercent), "{bad:?}");
    }
}
