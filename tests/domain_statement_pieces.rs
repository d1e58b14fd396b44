//! A statements file read in pieces, as the page reads a large file (one piece in memory
//! at a time), gives exactly what the same file read whole gives: the rows, the refused
//! lines with their line numbers, the whole-file refusals — wherever the pieces are cut,
//! inside a quoted field, a line ending or a Chinese character.

use partner_console::domain::common::lang::Lang;
use partner_console::domain::common::text::{NotUtf8, Utf8Pieces, file_text};
use partner_console::domain::money::statement_csv::{
    FileProblem, ImportOutcome, StatementImport, Step, read_statements, write_statements,
};
use partner_console::domain::sample::generate;
use proptest::prelude::*;

/// The file cut at `cuts` (byte offsets), checked and read as the page does.
fn read_in_pieces(
    bytes: &[u8],
    cuts: &[usize],
) -> Result<Result<ImportOutcome, FileProblem>, NotUtf8> {
    let mut bounds: Vec<usize> = cuts.iter().map(|c| c % (bytes.len() + 1)).collect();
    bounds.push(bytes.len());
    bounds.sort_unstable();
    let mut pieces = bounds.iter().scan(0, |from, &to| {
        let piece = &bytes[*from..to];
        *from = to;
        Some((piece, to == bytes.len()))
    });
    let mut reading = StatementImport::in_pieces(bytes.len());
    let mut utf8 = Utf8Pieces::default();
    loop {
        match reading.step(7) {
            Err(problem) => return Ok(Err(problem)),
            Ok(Step::Done) => return Ok(reading.finish()),
            Ok(Step::Read) => {}
            Ok(Step::NeedInput) => {
                let (piece, last) = pieces.next().unwrap_or((&[], true));
                let text = utf8.piece(piece, last)?;
                reading.feed(text, last);
            }
        }
    }
}

/// A file with a bit of everything: a byte-order mark, CRLF endings, a quoted name with
/// a comma, a quote and a line break, refused lines, a repeat, a blank line.
fn awkward_file() -> String {
    let rows = generate(60, "2026-10".parse().unwrap(), 7).statements;
    let mut text = String::from("\u{feff}");
    text.push_str(&write_statements(&rows, Lang::ZhCn).replace('\n', "\r\n"));
    text.push_str("2026-13,1,2,云服务器 CVM,S5,预付费,1.00,10%,0.10,否\r\n");
    text.push_str("\r\n");
    let again = write_statements(&rows[..1], Lang::ZhCn);
    text.push_str(again.lines().nth(1).unwrap_or_default());
    text.push_str("\r\n");
    text
}

proptest! {
    #[test]
    fn pieces_read_as_the_whole(cuts in proptest::collection::vec(any::<usize>(), 0..12)) {
        let text = awkward_file();
        let whole = read_statements(&file_text(text.clone().into_bytes()).unwrap());
        let pieces = read_in_pieces(text.as_bytes(), &cuts).unwrap();
        prop_assert_eq!(pieces, whole);
    }

    #[test]
    fn a_file_that_is_not_utf8_is_refused_whatever_the_pieces(cuts in proptest::collection::vec(any::<usize>(), 0..6), at in any::<prop::sample::Index>()) {
        let mut bytes = awkward_file().into_bytes();
        let i = at.index(bytes.len());
        bytes[i] = 0xff;
        prop_assert_eq!(read_in_pieces(&bytes, &cuts).map(|_| ()), Err(NotUtf8));
        prop_assert_eq!(file_text(bytes).map(|_| ()), Err(NotUtf8));
    }
}

#[test]
fn the_whole_file_refusals_come_in_pieces_too() {
    assert_eq!(read_in_pieces(b"", &[]), Ok(Err(FileProblem::Empty)));
    assert!(matches!(
        read_in_pieces("name,value\nx,1\n".as_bytes(), &[3]),
        Ok(Err(FileProblem::MissingColumns(_)))
    ));
    let header = write_statements(
        &generate(1, "2026-10".parse().unwrap(), 1).statements,
        Lang::EnUs,
    );
    let header = header.lines().next().unwrap_or_default().to_string();
    assert_eq!(
        read_in_pieces(format!("{header}\n").as_bytes(), &[5]),
        Ok(Err(FileProblem::NoRows))
    );
    // A character cut at the very end of the file is not whole.
    let cut = "月".as_bytes();
    assert_eq!(read_in_pieces(&cut[..2], &[1]).map(|_| ()), Err(NotUtf8));
}

#[test]
fn a_character_cut_between_pieces_is_carried_over() {
    let mut utf8 = Utf8Pieces::default();
    let text = "\u{feff}月份".as_bytes();
    let first = utf8.piece(&text[..4], false).unwrap();
    let second = utf8.piece(&text[4..], true).unwrap();
    assert_eq!([first, second].concat(), "月份".as_bytes());
}

#[test]
fn a_byte_order_mark_alone_in_the_first_piece_is_not_the_end() {
    // Some programs write the mark twice; one is dropped as the file is read, the other
    // by the CSV parser — which took a first piece of only that mark for an empty file.
    let text = "\u{feff}\u{feff}month,customer_uin,product,payment_mode,consumption,rebate\n2026-01,1,p,prepaid,1,1\n";
    for cut in [0, 1, 3, 5, 6, 7, 9, 10] {
        let read = read_in_pieces(text.as_bytes(), &[cut, cut + 1]).map(|r| r.map(|o| o.read));
        assert_eq!(read, Ok(Ok(1)), "cut at {cut}");
    }
}
