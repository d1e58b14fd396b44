//! Learning records imported from a CSV file (local mode).

use serde::{Deserialize, Serialize};

use crate::learning::learner::{Achievement, LearningRecord};

/// Why a records file, or a line of it, was refused.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RecordLineProblem {
    /// The file has no header naming the learner, kind and date columns.
    MissingColumns,
    /// No learner with that id (account id or email).
    UnknownLearner(String),
    /// The kind is not one of the five.
    UnknownKind(String),
    /// The date is not `YYYY-MM-DD`.
    BadDate(String),
}

/// The result of reading a records file: what can be added, and what was refused.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RecordImport {
    /// (learner id, record) for every good line.
    pub accepted: Vec<(String, LearningRecord)>,
    /// (line number, problem) for every refused line.
    pub refused: Vec<(usize, RecordLineProblem)>,
}

/// Reads a learning-records CSV (headers in Chinese or English, any column order):
/// learner (`learner`/`account_id`/`email`/`学员`/`腾讯云ID`/`邮箱`), kind (`kind`/`类型`:
/// course, exam, sales_foundation, certification, sales_manager or their Chinese names),
/// title (`title`/`名称`, optional) and date (`date`/`日期`).
pub fn read_records_csv(text: &str, known: &[String]) -> Result<RecordImport, RecordLineProblem> {
    let rows = crate::common::csv::read(text);
    let Some((_, header)) = rows.first() else {
        return Err(RecordLineProblem::MissingColumns);
    };
    let find = |names: &[&str]| {
        header.iter().position(|h| {
            let h = h.trim().to_lowercase().replace([' ', '_'], "");
            names.iter().any(|n| h == *n)
        })
    };
    let (Some(who), Some(kind), Some(date)) = (
        find(&["learner", "accountid", "email", "学员", "腾讯云id", "邮箱"]),
        find(&["kind", "type", "类型"]),
        find(&["date", "日期"]),
    ) else {
        return Err(RecordLineProblem::MissingColumns);
    };
    let title = find(&["title", "name", "名称"]);
    let mut out = RecordImport::default();
    for (line, row) in rows.iter().skip(1) {
        let get = |i: usize| {
            row.get(i)
                .map(|s| crate::common::csv::unguard(s.trim()).trim().to_string())
                .unwrap_or_default()
        };
        let id = get(who);
        if !known.iter().any(|k| k.eq_ignore_ascii_case(&id)) {
            out.refused
                .push((*line, RecordLineProblem::UnknownLearner(id)));
            continue;
        }
        let k = get(kind);
        let achievement = match k.to_lowercase().replace([' ', '_'], "").as_str() {
            "course" | "课程" => Achievement::Course,
            "exam" | "考试" => Achievement::Exam {
                sales_foundation: false,
            },
            "salesfoundation" | "销售入门基础课程考试" => Achievement::Exam {
                sales_foundation: true,
            },
            "certification" | "认证" => Achievement::Certification {
                sales_manager: false,
            },
            "salesmanager" | "销售经理认证" | "腾讯云销售经理认证" => {
                Achievement::Certification {
                    sales_manager: true,
                }
            }
            _ => {
                out.refused.push((*line, RecordLineProblem::UnknownKind(k)));
                continue;
            }
        };
        let Some(d) = crate::common::text::parse_date(&get(date)) else {
            out.refused
                .push((*line, RecordLineProblem::BadDate(get(date))));
            continue;
        };
        let t = title.map(get).unwrap_or_default();
        out.accepted.push((
            id,
            LearningRecord {
                achievement,
                title: t,
                date: d,
            },
        ));
    }
    Ok(out)
}
