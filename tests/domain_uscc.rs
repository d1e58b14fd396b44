//! USCC (RULES §USCC): the spec's examples, normalisation and every rule's message.
#![cfg(not(target_arch = "wasm32"))]
use partner_console::domain::common::uscc::{USCC_ALPHABET, Uscc, UsccError, check_character};
use proptest::prelude::*;

#[test]
fn spec_valid_examples_pass() {
    for code in [
        "911101085636549482",
        "91440300708461136T",
        "9144030071526726XG",
    ] {
        assert_eq!(
            Uscc::parse(code).map(|u| u.to_string()),
            Ok(code.to_string())
        );
    }
}

#[test]
fn wrong_check_character_names_the_expected_one() {
    assert_eq!(
        Uscc::parse("911101085636549483"),
        Err(UsccError::CheckCharacter {
            expected: '2',
            found: '3'
        })
    );
}

#[test]
fn letter_i_is_refused_at_its_position() {
    assert_eq!(
        Uscc::parse("911101085636549I82"),
        Err(UsccError::Character {
            position: 16,
            found: 'I'
        })
    );
}

#[test]
fn lower_case_full_width_spaces_and_dashes_are_normalised() {
    let typed = " ９１４４０３００-７０８４ 6113 6t ";
    assert_eq!(Uscc::parse(typed).unwrap().as_str(), "91440300708461136T");
    assert_eq!(
        Uscc::parse("9144030071526726xg").unwrap().as_str(),
        "9144030071526726XG"
    );
}

#[test]
fn length_and_division_code_rules() {
    assert_eq!(Uscc::parse(""), Err(UsccError::Empty));
    assert_eq!(
        Uscc::parse("91110108563654948"),
        Err(UsccError::Length { found: 17 })
    );
    assert_eq!(
        Uscc::parse("9111010856365494821"),
        Err(UsccError::Length { found: 19 })
    );
    // Position 3 must be a digit (division code), even though A is in the alphabet.
    assert_eq!(
        Uscc::parse("91A101085636549482"),
        Err(UsccError::DivisionCode {
            position: 3,
            found: 'A'
        })
    );
    // Positions 1–2 may be letters.
    let first17 = "Y1110108563654948";
    let check = check_character(first17).unwrap();
    assert!(Uscc::parse(&format!("{first17}{check}")).is_ok());
}

#[test]
fn serde_round_trip_validates() {
    let u: Uscc = serde_json::from_str("\"911101085636549482\"").unwrap();
    assert_eq!(serde_json::to_string(&u).unwrap(), "\"911101085636549482\"");
    assert!(serde_json::from_str::<Uscc>("\"911101085636549483\"").is_err());
}

fn code17() -> impl Strategy<Value = String> {
    (
        proptest::collection::vec(0usize..31, 2),
        proptest::collection::vec(0u8..10, 6),
        proptest::collection::vec(0usize..31, 9),
    )
        .prop_map(|(a, b, c)| {
            let mut s = String::new();
            s.extend(a.iter().map(|&i| USCC_ALPHABET[i] as char));
            s.extend(b.iter().map(|&d| (b'0' + d) as char));
            s.extend(c.iter().map(|&i| USCC_ALPHABET[i] as char));
            s
        })
}

proptest! {
    #[test]
    fn never_panics(s in "\\PC{0,40}") {
        let _ = Uscc::parse(&s);
    }

    #[test]
    fn every_code_with_its_check_character_passes(first in code17()) {
        let check = check_character(&first).unwrap();
        let code = format!("{first}{check}");
        prop_assert!(Uscc::parse(&code).is_ok());
    }

    #[test]
    fn every_single_character_change_is_refused(first in code17(), pos in 0usize..18, shift in 1usize..31) {
        let check = check_character(&first).unwrap();
        let mut bytes: Vec<u8> = format!("{first}{check}").into_bytes();
        let old = USCC_ALPHABET.iter().position(|&c| c == bytes[pos]).unwrap();
        bytes[pos] = USCC_ALPHABET[(old + shift) % 31];
        let changed = String::from_utf8(bytes).unwrap();
        prop_assert!(Uscc::parse(&changed).is_err(), "{} accepted", changed);
    }
}
