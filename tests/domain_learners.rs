//! Learners (SPEC §3.12): joining, the admin's decisions, and the counts eligibility uses.
#![cfg(not(target_arch = "wasm32"))]
use chrono::{NaiveDate, TimeZone, Utc};
use partner_console::domain::contact::{ContactError, Email};
use partner_console::domain::learner::*;

fn learner(id: &str, state: LearnerState, achievements: &[Achievement]) -> Learner {
    Learner {
        id: id.into(),
        method: JoinMethod::AccountApplication,
        state,
        name: id.into(),
        mobile: "13800138000".into(),
        email: String::new(),
        account_id: id.into(),
        requested_at: Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap(),
        records: achievements
            .iter()
            .map(|a| LearningRecord {
                achievement: *a,
                title: "x".into(),
                date: NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(),
            })
            .collect(),
    }
}

const PASSED: Achievement = Achievement::Exam {
    sales_foundation: true,
};
const CERTIFIED: Achievement = Achievement::Certification {
    sales_manager: true,
};

#[test]
fn counts_distinct_active_learners_and_a_removed_one_stops_counting() {
    let mut team = vec![
        learner("1", LearnerState::Active, &[PASSED, PASSED]),
        learner("2", LearnerState::Active, &[PASSED, CERTIFIED]),
        learner("3", LearnerState::Active, &[PASSED]),
        learner("4", LearnerState::Pending, &[PASSED, CERTIFIED]),
        learner(
            "5",
            LearnerState::Rejected { reason: "x".into() },
            &[PASSED],
        ),
    ];
    assert_eq!(qualified_counts(&team), (3, 1), "passing twice counts once");
    team[2].state = team[2].state.remove().unwrap();
    assert_eq!(qualified_counts(&team), (2, 1));
}

#[test]
fn email_join_is_active_at_once_account_join_waits() {
    assert_eq!(
        LearnerState::initial(JoinMethod::EnterpriseEmail),
        LearnerState::Active
    );
    assert_eq!(
        LearnerState::initial(JoinMethod::AccountApplication),
        LearnerState::Pending
    );
    assert!(LearnerState::Removed.remove().is_err());
    assert!(LearnerState::Active.reject("r").is_err());
}

#[test]
fn only_enabled_domains_may_join_by_email() {
    let enabled = EnabledDomains(vec![EnabledDomains::normalise(" @Example.COM ").unwrap()]);
    assert_eq!(enabled.0, ["example.com"]);
    assert!(enabled.allows(&Email::parse("b@example.com").unwrap()));
    assert!(enabled.allows(&Email::parse("B@EXAMPLE.com").unwrap()));
    assert!(!enabled.allows(&Email::parse("a@other.com").unwrap()));
    assert!(
        !enabled.allows(&Email::parse("a@mail.example.com").unwrap()),
        "subdomains are not the enabled domain"
    );
    assert_eq!(EnabledDomains::normalise("not a domain"), None);
}

#[test]
fn the_account_application_form() {
    let ok = JoinForm {
        enterprise_name: "深圳示例科技有限公司".into(),
        enterprise_uin: "100012345678".into(),
        name: "韩梅梅".into(),
        account_id: "200001".into(),
        mobile: "19912345678".into(),
        agreed: true,
    };
    assert!(ok.check().is_empty());
    let bad = JoinForm {
        mobile: "1234".into(),
        enterprise_uin: "UIN-1".into(),
        agreed: false,
        ..ok.clone()
    };
    assert_eq!(
        bad.check(),
        vec![
            (JoinField::EnterpriseUin, JoinProblem::Digits),
            (
                JoinField::Mobile,
                JoinProblem::Mobile(ContactError::Length {
                    min: 11,
                    max: 11,
                    found: 4
                })
            ),
            (JoinField::Agreement, JoinProblem::Required),
        ]
    );
    assert_eq!(JoinForm::default().check().len(), 6);
}

#[test]
fn csv_reads_quotes_newlines_and_bom() {
    use partner_console::domain::csv::{line, read};
    let text = "\u{feff}a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\n\"multi\nline\",z";
    let rows = read(text);
    assert_eq!(rows[0], (1, vec!["a".to_string(), "b".to_string()]));
    assert_eq!(
        rows[1],
        (2, vec!["x, y".to_string(), "say \"hi\"".to_string()])
    );
    assert_eq!(
        rows[2],
        (4, vec!["multi\nline".to_string(), "z".to_string()])
    );
    assert_eq!(rows.len(), 3);
    assert_eq!(line(&["a,b", "c\"d", "e"]), "\"a,b\",\"c\"\"d\",e\n");
    // Writing then reading gives the fields back.
    let fields = ["李雷", "x,y", "\"q\"", "multi\nline"];
    assert_eq!(read(&line(&fields))[0].1, fields);
}

#[test]
fn records_csv_with_chinese_headers_and_refused_lines() {
    let known = vec!["200001".to_string(), "b@example.com".to_string()];
    let text = "日期,学员,类型,名称\n2026-10-01,200001,销售入门基础课程考试,入门考试\n2026-10-02,B@example.com,sales_manager,\n2026-10-03,999,课程,x\n2026-13-01,200001,课程,x\n2026-10-04,200001,跳舞,x\n";
    let r = read_records_csv(text, &known).unwrap();
    assert_eq!(r.accepted.len(), 2);
    assert_eq!(
        r.accepted[0].1.achievement,
        Achievement::Exam {
            sales_foundation: true
        }
    );
    assert_eq!(
        r.accepted[1].1.achievement,
        Achievement::Certification {
            sales_manager: true
        }
    );
    assert_eq!(
        r.refused,
        vec![
            (4, RecordLineProblem::UnknownLearner("999".into())),
            (5, RecordLineProblem::BadDate("2026-13-01".into())),
            (6, RecordLineProblem::UnknownKind("跳舞".into())),
        ]
    );
    assert_eq!(
        read_records_csv("foo,bar\n1,2\n", &known),
        Err(RecordLineProblem::MissingColumns)
    );
    assert_eq!(
        read_records_csv("", &known),
        Err(RecordLineProblem::MissingColumns)
    );
}
