//! Contacts and files (RULES §Contacts, §Files).
#![cfg(not(target_arch = "wasm32"))]
use partner_console::domain::common::contact::*;
use partner_console::domain::common::file::*;
use proptest::prelude::*;

#[test]
fn mobiles_with_prefixes_separators_and_19x() {
    for typed in [
        "13800138000",
        "+86 138-0013-8000",
        "86 13800138000",
        "0086 13800138000",
        "１３８００１３８０００",
    ] {
        assert_eq!(
            Mobile::parse(typed),
            Ok(Mobile("13800138000".into())),
            "{typed}"
        );
    }
    assert!(Mobile::parse("19312345678").is_ok());
    assert!(Mobile::parse("19912345678").is_ok());
    assert_eq!(
        Mobile::parse("12345678901"),
        Err(ContactError::MobilePrefix)
    );
    assert_eq!(
        Mobile::parse("1381234567"),
        Err(ContactError::Length {
            min: 11,
            max: 11,
            found: 10
        })
    );
    assert_eq!(Mobile::parse("138001380ab"), Err(ContactError::NotDigits));
    assert_eq!(Mobile::parse("  "), Err(ContactError::Empty));
}

#[test]
fn landlines_with_area_code_and_extension() {
    assert_eq!(Landline::parse("010-82173652").unwrap().0, "010-82173652");
    assert_eq!(
        Landline::parse("(0755) 1234 5678").unwrap().0,
        "0755-12345678"
    );
    assert_eq!(
        Landline::parse("0755-12345678-123").unwrap().0,
        "0755-12345678-123"
    );
    assert_eq!(
        Landline::parse("01082173652 转 5").unwrap().0,
        "010-82173652-5"
    );
    assert_eq!(Landline::parse("075512345678").unwrap().0, "0755-12345678");
    assert_eq!(Landline::parse("82173652"), Err(ContactError::AreaCode));
    assert_eq!(
        Landline::parse("010-821736"),
        Err(ContactError::Length {
            min: 7,
            max: 8,
            found: 6
        })
    );
}

#[test]
fn phone_takes_either() {
    assert!(matches!(Phone::parse("13800138000"), Ok(Phone::Mobile(_))));
    assert!(matches!(
        Phone::parse("010-82173652"),
        Ok(Phone::Landline(_))
    ));
    assert!(Phone::parse("123").is_err());
}

#[test]
fn qq_rules() {
    assert_eq!(parse_qq("2852516930"), Ok("2852516930".into()));
    assert_eq!(parse_qq("10001"), Ok("10001".into()));
    assert_eq!(parse_qq("01234"), Err(ContactError::LeadingZero));
    assert_eq!(
        parse_qq("1234"),
        Err(ContactError::Length {
            min: 5,
            max: 11,
            found: 4
        })
    );
    assert_eq!(
        parse_qq("123456789012"),
        Err(ContactError::Length {
            min: 5,
            max: 11,
            found: 12
        })
    );
    assert_eq!(parse_qq("12a45"), Err(ContactError::NotDigits));
}

#[test]
fn email_rules_and_domain_comparison() {
    let e = Email::parse("Li.Lei@Example.COM").unwrap();
    assert_eq!(e.domain, "example.com");
    assert!(e.is_on_domain("EXAMPLE.com"));
    assert_eq!(Email::parse("a@b@c.com"), Err(ContactError::EmailAt));
    assert_eq!(Email::parse("ab.com"), Err(ContactError::EmailAt));
    assert_eq!(Email::parse("a@localhost"), Err(ContactError::EmailDomain));
    assert_eq!(Email::parse("a@ex..com"), Err(ContactError::EmailDomain));
    assert_eq!(Email::parse("@ex.com"), Err(ContactError::EmailLocal));
    assert_eq!(Email::parse("a b@ex.com"), Err(ContactError::EmailLocal));
}

#[test]
fn bank_account_rules_without_luhn() {
    assert_eq!(
        parse_bank_account("1109 0731 6810 601"),
        Ok("110907316810601".into())
    );
    // Fails Luhn, must still pass.
    assert!(parse_bank_account("6222021234567890123").is_ok());
    assert_eq!(
        parse_bank_account("0109073168"),
        Err(ContactError::LeadingZero)
    );
    assert_eq!(
        parse_bank_account("123456789"),
        Err(ContactError::Length {
            min: 10,
            max: 30,
            found: 9
        })
    );
    assert_eq!(
        parse_bank_account(&"1".repeat(31)),
        Err(ContactError::Length {
            min: 10,
            max: 30,
            found: 31
        })
    );
    assert_eq!(
        parse_bank_account("12345x7890"),
        Err(ContactError::NotDigits)
    );
}

#[test]
fn images_by_content_and_size() {
    let png = [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0];
    let jpg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0];
    assert_eq!(check_image(&png), Ok(FileKind::Png));
    assert_eq!(check_image(&jpg), Ok(FileKind::Jpeg));
    let pdf = b"%PDF-1.7 ...".to_vec();
    assert_eq!(
        check_image(&pdf),
        Err(FileError::NotAnImage {
            found: FileKind::Pdf,
            size: pdf.len()
        })
    );
    let mut big = png.to_vec();
    big.resize(MAX_IMAGE_BYTES, 0);
    assert_eq!(
        check_image(&big),
        Ok(FileKind::Png),
        "exactly 2 MiB is allowed"
    );
    big.push(0);
    assert_eq!(
        check_image(&big),
        Err(FileError::TooLarge {
            found: FileKind::Png,
            size: MAX_IMAGE_BYTES + 1,
            max: MAX_IMAGE_BYTES
        })
    );
    assert_eq!(check_image(&[]), Err(FileError::Empty));
}

proptest! {
    #[test]
    fn validators_never_panic(s in "\\PC{0,40}") {
        let _ = Mobile::parse(&s);
        let _ = Landline::parse(&s);
        let _ = Phone::parse(&s);
        let _ = parse_qq(&s);
        let _ = Email::parse(&s);
        let _ = parse_bank_account(&s);
    }

    #[test]
    fn every_valid_mobile_passes_with_any_prefix(second in 3u8..10, rest in "[0-9]{9}", prefix in prop::sample::select(vec!["", "+86", "86", "+86 ", "0086"])) {
        let number = format!("1{second}{rest}");
        prop_assert_eq!(Mobile::parse(&format!("{prefix}{number}")), Ok(Mobile(number)));
    }

    #[test]
    fn sniffing_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
        let _ = check_image(&bytes);
    }
}

#[test]
fn an_account_number_is_shown_by_its_last_four_digits() {
    assert_eq!(masked_account("7559 1234 5610 601"), "•••• 0601");
    assert_eq!(masked_account("6225880198765432"), "•••• 5432");
    assert_eq!(masked_account("123"), "••••");
    assert_eq!(masked_account("  "), "");
    assert!(!masked_account("6225880198765432").contains("62258801"));
}
