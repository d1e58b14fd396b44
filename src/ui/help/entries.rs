//! The answers: the guide's rebate FAQ and the rules behind each page, in the project's
//! own words, each with the guide's chapter it comes from (or the console's own notes).
//! An entry's id is its address (`/help/<id>`) and what a page's help link points at.
//! Every text is read in both languages, so a search finds an answer whichever language
//! the words are typed in.

use crate::domain::common::glossary::answers;
use crate::i18n::*;

/// A text of an entry, in a given language.
type Text = fn(Locale) -> &'static str;

/// One answer.
pub(super) struct Entry {
    /// Its address under `/help/`.
    pub id: &'static str,
    /// The guide's chapter.
    pub chapter: Text,
    /// The question.
    pub question: Text,
    /// The answer (paragraphs and numbered steps separated by line breaks).
    pub answer: Text,
}

/// An entry from its id and its three texts' keys under `help`.
macro_rules! entry {
    ($id:literal, $chapter:ident, $question:ident, $answer:ident) => {
        Entry {
            id: $id,
            chapter: |l| td_string!(l, help.$chapter),
            question: |l| td_string!(l, help.$question),
            answer: |l| td_string!(l, help.$answer),
        }
    };
}

/// Every answer, in the order of a partnership's life.
pub(super) const ENTRIES: &[Entry] = &[
    entry!("apply", ch_apply, q_apply, a_apply),
    entry!("certificate", ch_certificate, q_certificate, a_certificate),
    entry!("contacts", ch_faq, q_contacts, a_contacts),
    entry!("rename", ch_faq, q_rename, a_rename),
    entry!("basis", ch_faq, q_basis, a_basis),
    entry!("arrears", ch_faq, q_arrears, a_arrears),
    entry!("settlement", ch_rebate, q_settlement, a_settlement),
    entry!("invoice", ch_rebate, q_invoice, a_invoice),
    entry!("invoice-kind", ch_rebate, q_invoice_kind, a_invoice_kind),
    entry!("e-invoice", ch_faq, q_e_invoice, a_e_invoice),
    entry!("clawbacks", ch_console, q_clawbacks, a_clawbacks),
    entry!("late", ch_rebate, q_late, a_late),
    entry!(
        "reconciliation",
        ch_rebate,
        q_reconciliation,
        a_reconciliation
    ),
    entry!("csv", ch_console, q_csv, a_csv),
    entry!("calendar", ch_console, q_calendar, a_calendar),
    entry!("special-rebates", ch_faq, q_special, a_special),
    entry!("learners", ch_learning, q_learners, a_learners),
    entry!("termination", ch_termination, q_termination, a_termination),
];

/// Whether an entry answers every word of a search, in its question, answer or chapter,
/// in either language, by the word or one of the glossary's synonyms.
pub(super) fn matches(entry: &Entry, query: &str) -> bool {
    let text = [Locale::zh_CN, Locale::en_US]
        .map(|l| {
            format!(
                "{} {} {}",
                (entry.question)(l),
                (entry.answer)(l),
                (entry.chapter)(l)
            )
        })
        .join(" ");
    answers(&text, query)
}
