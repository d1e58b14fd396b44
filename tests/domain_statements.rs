//! Statements (SPEC §3.7), profile rules (§3.3) and the termination email (§3.5).
#![cfg(not(target_arch = "wasm32"))]
use chrono::{NaiveDate, TimeZone, Utc};
use partner_console::domain::common::contact::Email;
use partner_console::domain::common::transition::Actor;
use partner_console::domain::money::statement::*;
use partner_console::domain::partner::profile::*;
use partner_console::domain::partner::termination::*;
use partner_console::domain::{Cny, Role, YearMonth};
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
fn company_name_valid_for_a_month() {
    let actor = Actor {
        role: Role::MainAccount,
        name: "admin".into(),
    };
    let renamed = ChangeRecord {
        field: ProfileField::CompanyName,
        old: "旧名称有限公司".into(),
        new: "新名称科技有限公司".into(),
        at: Utc.with_ymd_and_hms(2026, 6, 15, 9, 0, 0).unwrap(),
        by: actor,
    };
    let history = vec![renamed];
    // Renamed in June: June's sheet keeps the old name, July's carries the new one.
    assert_eq!(
        company_name_in(ym("2026-06"), "新名称科技有限公司", &history),
        "旧名称有限公司"
    );
    assert_eq!(
        company_name_in(ym("2026-07"), "新名称科技有限公司", &history),
        "新名称科技有限公司"
    );
    assert_eq!(
        company_name_in(ym("2026-01"), "现名有限公司", &[]),
        "现名有限公司"
    );
}

fn profile() -> PartnerProfile {
    PartnerProfile {
        company_name: "深圳示例科技有限公司".into(),
        uscc: "91440300708461136T".into(),
        bank_account_name: "深圳示例科技有限公司".into(),
        bank_account_number: "110907316810601".into(),
        bank_proof: Some("proof-1".into()),
        ..PartnerProfile::default()
    }
}

#[test]
fn rename_keeps_uscc_new_uscc_is_refused() {
    let old = profile();
    let renamed = PartnerProfile {
        company_name: "深圳新示例科技有限公司".into(),
        ..old.clone()
    };
    assert_eq!(check_change(&old, &renamed), Ok(()));
    let full_width = PartnerProfile {
        uscc: "９１４４０３００７０８４６１１３６ｔ".into(),
        ..renamed.clone()
    };
    assert_eq!(
        check_change(&old, &full_width),
        Ok(()),
        "same code typed differently"
    );
    let other = PartnerProfile {
        uscc: "911101085636549482".into(),
        ..renamed
    };
    assert!(matches!(
        check_change(&old, &other),
        Err(ProfileError::NewLegalEntity { .. })
    ));
}

#[test]
fn bank_change_needs_a_new_proof_and_is_recorded() {
    let old = profile();
    let changed = PartnerProfile {
        bank_account_number: "6222021234567890".into(),
        ..old.clone()
    };
    assert_eq!(
        check_change(&old, &changed),
        Err(ProfileError::BankProofRequired)
    );
    let with_proof = PartnerProfile {
        bank_proof: Some("proof-2".into()),
        ..changed
    };
    assert_eq!(check_change(&old, &with_proof), Ok(()));
    let at = Utc.with_ymd_and_hms(2026, 11, 26, 10, 0, 0).unwrap();
    let by = Actor {
        role: Role::MainAccount,
        name: "admin".into(),
    };
    let records = diff(&old, &with_proof, at, &by);
    let fields: Vec<_> = records.iter().map(|r| r.field).collect();
    assert_eq!(
        fields,
        [ProfileField::BankAccountNumber, ProfileField::BankProof]
    );
    assert_eq!(records[0].old, "110907316810601");
    assert_eq!(records[0].new, "6222021234567890");
}

#[test]
fn termination_email_follows_the_template() {
    let mail = compose(
        "100012345678",
        "深圳示例科技有限公司",
        "业务调整",
        "manager@tencent.com",
        &[],
    );
    assert_eq!(mail.to, "cloudpartner@tencent.com");
    assert_eq!(mail.cc, "manager@tencent.com");
    assert_eq!(
        mail.subject,
        "深圳示例科技有限公司 注销腾讯云合作伙伴资质申请"
    );
    assert_eq!(
        mail.body,
        "合作伙伴 UIN：100012345678\n合作伙伴公司名：深圳示例科技有限公司\n申请退出原因：业务调整"
    );
    let help = compose(
        "1",
        "A",
        "B",
        "m@x.com",
        &["200001".into(), "200002".into()],
    );
    assert!(
        help.body
            .ends_with("需腾讯云协助解绑代客关系：200001、200002")
    );
}

#[test]
fn sender_domain_check() {
    let on = Email::parse("li@Example.com").unwrap();
    assert_eq!(
        check_sender(&on, "https://www.example.com/about"),
        SenderCheck::CompanyDomain
    );
    let sub = Email::parse("li@mail.example.com").unwrap();
    assert_eq!(
        check_sender(&sub, "example.com"),
        SenderCheck::CompanyDomain
    );
    let qq = Email::parse("12345@qq.com").unwrap();
    assert_eq!(
        check_sender(&qq, "http://example.com:8080"),
        SenderCheck::StampedAttachmentRequired {
            sender_domain: "qq.com".into(),
            company_domain: Some("example.com".into())
        }
    );
    assert_eq!(website_host("not a site"), None);
    assert!(!matches!(check_sender(&on, ""), SenderCheck::CompanyDomain));
    // A look-alike domain is not the company's.
    let fake = Email::parse("li@notexample.com").unwrap();
    assert!(!matches!(
        check_sender(&fake, "example.com"),
        SenderCheck::CompanyDomain
    ));
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
    assert_eq!(back.rows, rows);
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
