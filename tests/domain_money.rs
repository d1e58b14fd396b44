//! Money and tax (RULES §Invoice preview, §Money).
#![cfg(not(target_arch = "wasm32"))]
use partner_console::domain::Lang;
use partner_console::domain::money::cny::{Cny, MoneyError, round_half_up};
use partner_console::domain::money::invoice_preview::{InvoiceKind, InvoicePreview};
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::str::FromStr;

fn cny(s: &str) -> Cny {
    Cny::new(Decimal::from_str(s).unwrap())
}

#[test]
fn spec_tax_examples() {
    let p = InvoicePreview::new(InvoiceKind::GeneralVat, cny("100.00"));
    assert_eq!((p.deduction, p.net), (cny("6.00"), cny("94.00")));
    let p = InvoicePreview::new(InvoiceKind::GeneralVat, cny("0.25"));
    assert_eq!(
        (p.deduction, p.net),
        (cny("0.02"), cny("0.23")),
        "0.015 rounds up"
    );
    let s = InvoicePreview::new(InvoiceKind::SpecialVat, cny("0.25"));
    assert_eq!((s.deduction, s.net), (Cny::ZERO, cny("0.25")));
}

#[test]
fn clawbacks_round_away_from_zero() {
    let p = InvoicePreview::new(InvoiceKind::GeneralVat, cny("-0.25"));
    assert_eq!((p.deduction, p.net), (cny("-0.02"), cny("-0.23")));
}

#[test]
fn half_up_not_bankers() {
    assert_eq!(
        round_half_up(Decimal::from_str("0.005").unwrap()),
        Decimal::from_str("0.01").unwrap()
    );
    assert_eq!(
        round_half_up(Decimal::from_str("0.025").unwrap()),
        Decimal::from_str("0.03").unwrap()
    );
    assert_eq!(
        round_half_up(Decimal::from_str("-0.005").unwrap()),
        Decimal::from_str("-0.01").unwrap()
    );
    assert_eq!(
        round_half_up(Decimal::from_str("2.675").unwrap()),
        Decimal::from_str("2.68").unwrap()
    );
    assert_eq!(cny("0.004"), Cny::ZERO);
}

#[test]
fn display_in_both_languages() {
    assert_eq!(cny("1234567.8").display(Lang::ZhCn), "¥1,234,567.80");
    assert_eq!(cny("1234567.8").display(Lang::EnUs), "CNY 1,234,567.80");
    assert_eq!(cny("-1000").display(Lang::ZhCn), "-¥1,000.00");
    assert_eq!(cny("999.99").grouped(), "999.99");
    assert_eq!(Cny::ZERO.grouped(), "0.00");
    assert_eq!(cny("-0.5").grouped(), "-0.50");
    assert_eq!(cny("100").to_string(), "100.00");
}

#[test]
fn parsing_typed_amounts() {
    assert_eq!(Cny::parse("1,234.5"), Ok(cny("1234.5")));
    assert_eq!(Cny::parse("¥ 1234.50"), Ok(cny("1234.5")));
    assert_eq!(Cny::parse("１０００"), Ok(Cny::yuan(1000)));
    assert_eq!(Cny::parse("CNY 10"), Ok(Cny::yuan(10)));
    assert_eq!(Cny::parse(""), Err(MoneyError::Empty));
    assert_eq!(Cny::parse("abc"), Err(MoneyError::NotANumber));
    assert_eq!(Cny::parse("1.005"), Err(MoneyError::TooManyDecimals));
    assert_eq!(
        Cny::parse("1.500"),
        Ok(cny("1.5")),
        "trailing zeros are not extra precision"
    );
}

#[test]
fn serialises_as_string_and_rounds_on_read() {
    assert_eq!(serde_json::to_string(&cny("12.3")).unwrap(), "\"12.30\"");
    assert_eq!(
        serde_json::from_str::<Cny>("\"0.015\"").unwrap(),
        cny("0.02")
    );
    assert_eq!(serde_json::from_str::<Cny>("42").unwrap(), Cny::yuan(42));
    assert!(
        serde_json::from_str::<Cny>("1.5").is_err(),
        "floats are refused"
    );
}

#[test]
fn fen_and_sum() {
    assert_eq!(cny("12.34").fen(), 1234);
    assert_eq!(Cny::from_fen(-5), cny("-0.05"));
    let total: Cny = [cny("0.10"), cny("0.20"), cny("-0.05")].iter().sum();
    assert_eq!(total, cny("0.25"));
}

proptest! {
    #[test]
    fn net_plus_deduction_is_amount(fen in -1_000_000_000_000i64..1_000_000_000_000i64) {
        let amount = Cny::from_fen(fen);
        for kind in InvoiceKind::ALL {
            let p = InvoicePreview::new(kind, amount);
            prop_assert_eq!(p.net + p.deduction, amount);
            prop_assert_eq!(p.deduction.amount().scale() <= 2, true);
        }
    }

    #[test]
    fn general_deduction_is_six_percent_half_up(fen in 0i64..10_000_000_000) {
        // Independent integer computation: fen × 6 / 100, rounding .5 up.
        let expected = (fen * 6 + 50) / 100;
        let p = InvoicePreview::new(InvoiceKind::GeneralVat, Cny::from_fen(fen));
        prop_assert_eq!(p.deduction.fen(), expected);
    }

    #[test]
    fn parse_never_panics(s in "\\PC{0,30}") {
        let _ = Cny::parse(&s);
    }

    /// The file reader's fast path agrees with the full parse wherever it answers, and
    /// answers for every plain amount (the independent value: the fen it was made from).
    #[test]
    fn plain_fen_agrees_with_parse(s in "-?[0-9]{0,21}(\\.[0-9]{0,3})?") {
        if let Some(fen) = Cny::plain_fen(&s) {
            prop_assert_eq!(Cny::parse(&s).ok().and_then(Cny::exact_fen), Some(fen));
        }
    }

    #[test]
    fn plain_fen_reads_every_plain_amount(fen in any::<i64>().prop_filter("negatable", |f| *f != i64::MIN), cents in 0usize..3) {
        let text = format!("{}{}.{:02}", if fen < 0 { "-" } else { "" }, fen.unsigned_abs() / 100, fen.unsigned_abs() % 100);
        let text = match cents {
            0 if fen % 100 == 0 => text[..text.len() - 3].to_string(),
            1 if fen % 10 == 0 => text[..text.len() - 1].to_string(),
            _ => text,
        };
        prop_assert_eq!(Cny::plain_fen(&text), Some(fen));
    }

    #[test]
    fn display_round_trips(fen in -100_000_000_000i64..100_000_000_000) {
        let a = Cny::from_fen(fen);
        prop_assert_eq!(Cny::parse(&a.grouped()), Ok(a));
    }
}

#[test]
fn plain_fen_leaves_other_forms_to_parse() {
    for text in [
        "", "-", ".5", "5.", "1.234", "1.230", "+5", "1,234.50", "¥12", "1e3", "--1",
    ] {
        assert_eq!(Cny::plain_fen(text), None, "{text}");
    }
    assert_eq!(Cny::plain_fen("-0.5"), Some(-50));
    assert_eq!(Cny::plain_fen("92233720368547758.07"), Some(i64::MAX));
    assert_eq!(Cny::plain_fen("92233720368547758.08"), None);
}
