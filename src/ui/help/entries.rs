//! The answers: the guide's rebate FAQ and the rules behind each page, in the project's
//! own words, each with the guide's chapter it comes from. An entry's id is its address
//! (`/help/<id>`) and what a page's help link points at.

use crate::i18n::*;
use crate::ui::I18n;

/// One answer.
pub(super) struct Entry {
    /// Its address under `/help/`.
    pub id: &'static str,
    /// The guide's chapter.
    pub chapter: fn(I18n) -> &'static str,
    /// The question.
    pub question: fn(I18n) -> &'static str,
    /// The answer (paragraphs and numbered steps separated by line breaks).
    pub answer: fn(I18n) -> &'static str,
}

/// Every answer, in the order of a partnership's life.
pub(super) const ENTRIES: &[Entry] = &[
    Entry {
        id: "apply",
        chapter: |i| t_string!(i, help.ch_apply),
        question: |i| t_string!(i, help.q_apply),
        answer: |i| t_string!(i, help.a_apply),
    },
    Entry {
        id: "certificate",
        chapter: |i| t_string!(i, help.ch_certificate),
        question: |i| t_string!(i, help.q_certificate),
        answer: |i| t_string!(i, help.a_certificate),
    },
    Entry {
        id: "contacts",
        chapter: |i| t_string!(i, help.ch_faq),
        question: |i| t_string!(i, help.q_contacts),
        answer: |i| t_string!(i, help.a_contacts),
    },
    Entry {
        id: "rename",
        chapter: |i| t_string!(i, help.ch_faq),
        question: |i| t_string!(i, help.q_rename),
        answer: |i| t_string!(i, help.a_rename),
    },
    Entry {
        id: "basis",
        chapter: |i| t_string!(i, help.ch_faq),
        question: |i| t_string!(i, help.q_basis),
        answer: |i| t_string!(i, help.a_basis),
    },
    Entry {
        id: "arrears",
        chapter: |i| t_string!(i, help.ch_faq),
        question: |i| t_string!(i, help.q_arrears),
        answer: |i| t_string!(i, help.a_arrears),
    },
    Entry {
        id: "settlement",
        chapter: |i| t_string!(i, help.ch_rebate),
        question: |i| t_string!(i, help.q_settlement),
        answer: |i| t_string!(i, help.a_settlement),
    },
    Entry {
        id: "invoice",
        chapter: |i| t_string!(i, help.ch_rebate),
        question: |i| t_string!(i, help.q_invoice),
        answer: |i| t_string!(i, help.a_invoice),
    },
    Entry {
        id: "invoice-kind",
        chapter: |i| t_string!(i, help.ch_rebate),
        question: |i| t_string!(i, help.q_invoice_kind),
        answer: |i| t_string!(i, help.a_invoice_kind),
    },
    Entry {
        id: "e-invoice",
        chapter: |i| t_string!(i, help.ch_faq),
        question: |i| t_string!(i, help.q_e_invoice),
        answer: |i| t_string!(i, help.a_e_invoice),
    },
    Entry {
        id: "late",
        chapter: |i| t_string!(i, help.ch_rebate),
        question: |i| t_string!(i, help.q_late),
        answer: |i| t_string!(i, help.a_late),
    },
    Entry {
        id: "reconciliation",
        chapter: |i| t_string!(i, help.ch_rebate),
        question: |i| t_string!(i, help.q_reconciliation),
        answer: |i| t_string!(i, help.a_reconciliation),
    },
    Entry {
        id: "special-rebates",
        chapter: |i| t_string!(i, help.ch_faq),
        question: |i| t_string!(i, help.q_special),
        answer: |i| t_string!(i, help.a_special),
    },
    Entry {
        id: "learners",
        chapter: |i| t_string!(i, help.ch_learning),
        question: |i| t_string!(i, help.q_learners),
        answer: |i| t_string!(i, help.a_learners),
    },
    Entry {
        id: "termination",
        chapter: |i| t_string!(i, help.ch_termination),
        question: |i| t_string!(i, help.q_termination),
        answer: |i| t_string!(i, help.a_termination),
    },
];

/// Whether an entry matches every word of a search (case-insensitive, in the language
/// shown), in its question, answer or chapter.
pub(super) fn matches(i18n: I18n, entry: &Entry, query: &str) -> bool {
    let text = format!(
        "{} {} {}",
        (entry.question)(i18n),
        (entry.answer)(i18n),
        (entry.chapter)(i18n)
    )
    .to_lowercase();
    query
        .to_lowercase()
        .split_whitespace()
        .all(|word| text.contains(word))
}
