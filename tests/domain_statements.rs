//! Statements (RULES §Statements): dates and months, the postpaid deduction, the rebate basis
//! and its switch, totals, and the CSV export's cells.
#![cfg(not(target_arch = "wasm32"))]
use chrono::NaiveDate;
use partner_console::domain::money::statement::*;
use partner_console::domain::{Cny, YearMonth};
use rust_decimal::Decimal;

fn ym(s: &str) -> YearMonth {
    s.parse().unwrap()
}

fn row(month: &str, uin: &str, mode: PaymentMode, rebate: i64) -> StatementRow {
    StatementRow {
        month: ym(month),
        customer_uin: uin.into(),
        customer_name: format!("客户{uin}").into(),
        product: "云服务器".into(),
        sub_product: "标准型S5".into(),
        payment_mode: mode,
        consumption: Cny::yuan(rebate * 10),
        ratio: Decimal::new(10, 2),
        rebate: Cny::yuan(rebate),
        special: false,
    }
}

#[test]
fn dates_parse_by_hand() {
    use partner_console::domain::common::text::parse_date;
    let d = NaiveDate::from_ymd_opt(2024, 2, 29);
    assert_eq!(parse_date("2024-02-29"), d);
    assert_eq!(parse_date("2024/2/29"), d);
    assert_eq!(parse_date("２０２４-０２-２９"), d);
    assert_eq!(parse_date("2023-02-29"), None, "no such day");
    assert_eq!(parse_date("24-02-29"), None);
    assert_eq!(parse_date("2024-02"), None);
    assert_eq!(parse_date(""), None);
}

#[test]
fn months_parse_leniently_and_order() {
    assert_eq!(ym("2026-03").to_string(), "2026-03");
    assert_eq!(ym("2026/3"), ym("2026-03"));
    assert_eq!(ym("202603"), ym("2026-03"));
    assert_eq!(ym("2026年3月"), ym("2026-03"));
    assert!("2026-13".parse::<YearMonth>().is_err());
    assert_eq!(ym("2026-12").next(), ym("2027-01"));
    assert_eq!(ym("2026-01").prev(), ym("2025-12"));
}

#[test]
fn postpaid_usage_is_deducted_next_month() {
    let r = row("2026-01", "100", PaymentMode::Postpaid, 5);
    assert_eq!(r.deduction_month(), ym("2026-02"));
    assert_eq!(
        statement_month(&r, StatementBasis::BillingPeriod),
        ym("2026-01")
    );
    assert_eq!(
        statement_month(&r, StatementBasis::DeductionPeriod),
        ym("2026-02")
    );
    let p = row("2026-01", "100", PaymentMode::Prepaid, 5);
    assert_eq!(
        statement_month(&p, StatementBasis::DeductionPeriod),
        ym("2026-01")
    );
}

#[test]
fn default_basis_by_registration_date() {
    let new = BasisPolicy {
        registered: NaiveDate::from_ymd_opt(2021, 4, 14).unwrap(),
        switched_to_billing: None,
    };
    let old = BasisPolicy {
        registered: NaiveDate::from_ymd_opt(2021, 4, 13).unwrap(),
        switched_to_billing: None,
    };
    assert_eq!(new.default_basis(), StatementBasis::BillingPeriod);
    assert_eq!(old.default_basis(), StatementBasis::DeductionPeriod);
}

#[test]
fn a_switch_applies_from_its_month_and_counts_every_row_once() {
    let policy = BasisPolicy {
        registered: NaiveDate::from_ymd_opt(2019, 1, 1).unwrap(),
        switched_to_billing: Some(ym("2026-03")),
    };
    assert_eq!(
        policy.basis_for(ym("2026-02")),
        StatementBasis::DeductionPeriod
    );
    assert_eq!(
        policy.basis_for(ym("2026-03")),
        StatementBasis::BillingPeriod
    );
    let rows = vec![
        row("2026-01", "1", PaymentMode::Postpaid, 1),
        row("2026-02", "1", PaymentMode::Postpaid, 10),
        row("2026-03", "1", PaymentMode::Postpaid, 100),
        row("2026-03", "2", PaymentMode::Prepaid, 1000),
    ];
    let totals = totals_by_month(&rows, |r| policy.statement_month(r));
    let got: Vec<(String, Cny)> = totals
        .iter()
        .map(|(m, t)| (m.to_string(), t.rebate))
        .collect();
    assert_eq!(
        got,
        vec![
            ("2026-02".to_string(), Cny::yuan(1)),
            ("2026-03".to_string(), Cny::yuan(1110)),
        ]
    );
    let sum: Cny = totals.values().map(|t| t.rebate).sum();
    assert_eq!(sum, Cny::yuan(1111));
}

#[test]
fn totals_per_customer() {
    let rows = vec![
        row("2026-01", "1", PaymentMode::Prepaid, 1),
        row("2026-02", "1", PaymentMode::Prepaid, 2),
        row("2026-02", "2", PaymentMode::Prepaid, 0),
    ];
    let t = totals_by_customer(&rows);
    assert_eq!(t["1"].rebate, Cny::yuan(3));
    assert_eq!(t["1"].rows, 2);
    assert_eq!(
        t["2"].rebate,
        Cny::ZERO,
        "0 means no rebate, and is still a row"
    );
}

#[test]
fn exported_cells_never_start_a_spreadsheet_formula_and_read_back_the_same() {
    use partner_console::domain::common::csv::{line, read, unguard};
    use partner_console::domain::common::lang::Lang;
    use partner_console::domain::money::statement_csv::{read_statements, write_statements};
    let nasty = [
        "=HYPERLINK(\"http://evil.example\",\"点我\")",
        "+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(A1:A9)",
        "\t=1+1",
        "\r=1+1",
        "'=already quoted",
        "'plain quote",
        "甲公司",
    ];
    let text = line(&nasty);
    for (_, fields) in read(&text) {
        for f in &fields {
            let first = f.chars().next().unwrap();
            assert!(
                !['=', '+', '-', '@', '\t', '\r'].contains(&first),
                "{f:?} would run as a formula"
            );
        }
        let back: Vec<&str> = fields.iter().map(|f| unguard(f)).collect();
        assert_eq!(back, nasty, "the guard comes off exactly");
    }
    // Signed plain numbers stay numbers (a clawback must add up in the spreadsheet).
    assert_eq!(line(&["-1234.50", "+3", "-5%"]), "-1234.50,+3,-5%\n");
    // A user's own leading quote before ordinary text is kept.
    assert_eq!(unguard("'abc"), "'abc");

    // Statements: export → import gives the same rows and totals.
    let mut rows = vec![
        row("2026-03", "100001", PaymentMode::Prepaid, 100),
        row("2026-03", "100002", PaymentMode::Postpaid, -40),
    ];
    rows[0].customer_name = "=HYPERLINK(\"http://evil.example\")".into();
    rows[1].customer_name = "@cmd".into();
    rows[1].product = "+云数据库".into();
    let csv = write_statements(&rows, Lang::ZhCn);
    assert!(!csv.contains(",=HYPERLINK"), "{csv}");
    assert!(csv.contains(",'@cmd") || csv.contains("'@cmd"), "{csv}");
    let back = read_statements(&csv).unwrap();
    assert_eq!(back.rows.rows().collect::<Vec<_>>(), rows);
}

#[test]
fn a_chosen_file_is_text_only_when_it_is_utf8() {
    use partner_console::domain::common::text::{NotUtf8, file_text};
    let csv = "客户UIN,月份\n100001,2026-01\n";
    assert_eq!(file_text(csv.as_bytes().to_vec()), Ok(csv.to_string()));
    // Excel's "CSV UTF-8" starts with a byte-order mark: dropped.
    let with_bom = [&[0xef, 0xbb, 0xbf][..], csv.as_bytes()].concat();
    assert_eq!(file_text(with_bom), Ok(csv.to_string()));
    // The same header saved as GBK, and the start of an .xlsx (a zip): not text.
    let gbk = vec![0xbf, 0xcd, 0xbb, 0xa7, b'U', b'I', b'N'];
    assert_eq!(file_text(gbk), Err(NotUtf8));
    assert_eq!(
        file_text(vec![b'P', b'K', 3, 4, 0x14, 0, 0x80, 0xff]),
        Err(NotUtf8)
    );
    assert_eq!(file_text(Vec::new()), Ok(String::new()));
}
