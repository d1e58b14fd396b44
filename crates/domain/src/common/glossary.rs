//! The glossary's words that mean the same thing (SPEC §1: the guide's Chinese terms, their
//! English names, the words people type), so that a search finds an answer whichever of
//! them is typed, in either language: "invoice" finds 发票, "扣回" finds clawback.

/// Groups of words that mean the same thing, in lower case.
const SYNONYMS: &[&[&str]] = &[
    &[
        "发票",
        "invoice",
        "fapiao",
        "专票",
        "普票",
        "专用发票",
        "普通发票",
        "vat",
    ],
    &["欠费", "arrears", "owed", "owe"],
    &[
        "扣回",
        "clawback",
        "clawbacks",
        "退款",
        "refund",
        "负数",
        "negative",
    ],
    &["对账", "reconciliation", "reconcile", "核对", "主动对账"],
    &["结算单", "settlement", "sheet", "结算"],
    &["付款", "payment", "paid", "pay", "到账"],
    &["返佣", "rebate", "rebates", "佣金", "commission"],
    &["对账单", "statement", "statements"],
    &[
        "口径",
        "basis",
        "计费周期",
        "扣费周期",
        "billing",
        "deduction",
    ],
    &["授权书", "certificate", "电子授权书"],
    &["学员", "learner", "learners", "云知", "learning"],
    &[
        "注销",
        "终止",
        "terminate",
        "termination",
        "deregister",
        "退出",
    ],
    &["代客", "customer", "customers", "客户"],
    &["特批", "special"],
    &["日历", "calendar", "ics", ".ics", "日程"],
    &[
        "csv",
        "excel",
        "导出",
        "export",
        "表格",
        "spreadsheet",
        "wps",
    ],
    &["更名", "rename", "改名", "名称变更"],
    &["银行", "bank"],
    &["申请", "apply", "application", "入驻"],
];

/// The words a typed word stands for: itself, and its synonyms when it is one of the
/// glossary's words (compared in lower case).
pub fn meanings(word: &str) -> Vec<String> {
    let word = word.to_lowercase();
    let mut out = vec![word.clone()];
    for group in SYNONYMS {
        if group.contains(&word.as_str()) {
            out.extend(
                group
                    .iter()
                    .filter(|w| **w != word)
                    .map(|w| (*w).to_string()),
            );
        }
    }
    out
}

/// Whether `text` answers every word of `query`: each word, or one of its synonyms,
/// occurs in it (case-insensitive). A blank query matches everything.
pub fn answers(text: &str, query: &str) -> bool {
    let text = text.to_lowercase();
    query
        .split_whitespace()
        .all(|word| meanings(word).iter().any(|m| text.contains(m.as_str())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_finds_its_synonyms_in_either_language() {
        let zh = "发票金额必须与结算单金额完全一致";
        let en = "The invoice amount must equal the sheet amount";
        assert!(answers(zh, "invoice"), "English word, Chinese text");
        assert!(answers(en, "发票"), "Chinese word, English text");
        assert!(answers(zh, "fapiao"));
        assert!(answers(zh, "INVOICE"), "any case");
        assert!(answers("结算单上的负数行", "clawback"));
        assert!(answers("Arrears only hold payment", "欠费"));
        assert!(answers("下载 .ics 文件", "calendar"));
    }

    #[test]
    fn every_word_must_be_answered_and_unknown_words_match_only_themselves() {
        let text = "普通发票扣除 6%";
        assert!(answers(text, "普通发票 6%"));
        assert!(!answers(text, "发票 欠费"), "every word");
        assert!(answers(text, ""), "blank matches all");
        assert!(!answers(text, "不存在的词"));
        assert_eq!(meanings("xyz"), vec!["xyz".to_string()]);
    }
}
