//! Learners (RULES §Learners): joining, the admin's decisions, and the counts eligibility uses.
#![cfg(not(target_arch = "wasm32"))]
use chrono::{NaiveDate, TimeZone, Utc};
use partner_console::domain::common::contact::{ContactError, Email};
use partner_console::domain::learning::learner::*;

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
    use partner_console::domain::common::csv::{line, read};
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

/// Four learners for the admin's list: names, states, methods and request days differ.
fn the_list() -> Vec<Learner> {
    let at = |day| Utc.with_ymd_and_hms(2026, 11, day, 9, 0, 0).unwrap();
    let mut zhang = learner(
        "zhang",
        LearnerState::Active,
        &[Achievement::Exam {
            sales_foundation: true,
        }],
    );
    zhang.name = "张三".into();
    zhang.requested_at = at(3);
    let mut li = learner("li", LearnerState::Pending, &[]);
    li.name = "Li Si".into();
    li.mobile = "13900000001".into();
    li.requested_at = at(1);
    let mut wang = learner(
        "wang",
        LearnerState::Active,
        &[Achievement::Certification {
            sales_manager: true,
        }],
    );
    wang.name = "王五, \"Ops\"".into();
    wang.method = JoinMethod::EnterpriseEmail;
    wang.email = "wang@example.cn".into();
    wang.requested_at = at(2);
    let mut zhao = learner("zhao", LearnerState::Removed, &[]);
    zhao.name = "赵六".into();
    zhao.requested_at = at(4);
    vec![zhang, li, wang, zhao]
}

#[test]
fn the_admins_list_searches_filters_and_sorts() {
    use partner_console::domain::learning::learner_list::{LearnerQuery, LearnerSort};
    let ids = |q: LearnerQuery| {
        q.apply(the_list())
            .into_iter()
            .map(|l| l.id)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        ids(LearnerQuery::default()),
        ["zhao", "zhang", "wang", "li"],
        "newest first"
    );
    let by = |sort| LearnerQuery {
        sort,
        ..LearnerQuery::default()
    };
    assert_eq!(
        ids(by(LearnerSort::Oldest)),
        ["li", "wang", "zhang", "zhao"]
    );
    // By the names' code points: Latin first, then 张 (U+5F20), 王 (U+738B), 赵 (U+8D75).
    assert_eq!(ids(by(LearnerSort::Name)), ["li", "zhang", "wang", "zhao"]);
    let text = |t: &str| LearnerQuery {
        text: t.into(),
        ..LearnerQuery::default()
    };
    assert_eq!(ids(text(" li ")), ["li"], "name, any case, trimmed");
    assert_eq!(ids(text("13900000001")), ["li"], "mobile");
    assert_eq!(ids(text("wang@")), ["wang"], "email");
    assert_eq!(ids(text("zhao")), ["zhao"], "account id");
    let active = LearnerQuery {
        state: Some("active".into()),
        ..LearnerQuery::default()
    };
    assert_eq!(ids(active), ["zhang", "wang"]);
    let email = LearnerQuery {
        method: Some(JoinMethod::EnterpriseEmail),
        ..LearnerQuery::default()
    };
    assert_eq!(ids(email), ["wang"]);
    // What the workbench's figures count: active learners who hold the qualification.
    use partner_console::domain::learning::learner::Qualification;
    let holding = |q| LearnerQuery {
        qualification: Some(q),
        ..LearnerQuery::default()
    };
    assert_eq!(
        ids(holding(Qualification::PassedSalesFoundation)),
        ["zhang"]
    );
    assert_eq!(ids(holding(Qualification::CertifiedSalesManager)), ["wang"]);
}

#[test]
fn the_export_has_a_row_per_learner_with_their_achievements() {
    use partner_console::domain::learning::learner_list::learners_csv;
    let csv = learners_csv(&the_list()[..3]);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "\u{feff}name,method,state,mobile,email,account_id,requested_at,sales_foundation_passed,sales_manager_certified"
    );
    assert_eq!(
        lines[1],
        "张三,AccountApplication,active,13800138000,,zhang,2026-11-03T09:00:00+00:00,true,false"
    );
    assert_eq!(
        lines[2],
        "Li Si,AccountApplication,pending,13900000001,,li,2026-11-01T09:00:00+00:00,false,false"
    );
    assert_eq!(
        lines[3],
        "\"王五, \"\"Ops\"\"\",EnterpriseEmail,active,13800138000,wang@example.cn,wang,2026-11-02T09:00:00+00:00,false,true"
    );
    assert_eq!(lines.len(), 4);
}

#[test]
fn a_batch_decision_changes_the_pending_requests_chosen_and_counts_the_rest() {
    use partner_console::domain::learning::learner_list::{LearnerDecision, decide_many};
    let mut list = the_list();
    let mut qian = learner("qian", LearnerState::Pending, &[]);
    qian.name = "钱七".into();
    list.push(qian);
    let chosen: std::collections::HashSet<String> =
        ["li", "zhang", "zhao", "qian"].map(String::from).into();

    let (changed, skipped) = decide_many(&list, &chosen, &LearnerDecision::Approve);
    let ids: Vec<&str> = changed
        .iter()
        .map(|(before, _)| before.id.as_str())
        .collect();
    assert_eq!(ids, ["li", "qian"]);
    assert!(
        changed
            .iter()
            .all(|(before, after)| before.state == LearnerState::Pending
                && after.state == LearnerState::Active
                && after.name == before.name)
    );
    assert_eq!(skipped, 2, "zhang is already active, zhao removed");

    let (changed, _) = decide_many(
        &list,
        &chosen,
        &LearnerDecision::Reject(" 非本公司员工 ".into()),
    );
    assert_eq!(
        changed[0].1.state,
        LearnerState::Rejected {
            reason: "非本公司员工".into()
        }
    );
    let (changed, skipped) = decide_many(&list, &chosen, &LearnerDecision::Reject("  ".into()));
    assert_eq!(
        (changed.len(), skipped),
        (0, 4),
        "a rejection needs a reason"
    );
}

#[test]
fn every_text_field_of_the_join_form_is_read_and_written_by_its_field() {
    use partner_console::domain::learning::join_form::{JoinField, JoinForm};
    let mut form = JoinForm::default();
    let texts = [
        JoinField::EnterpriseName,
        JoinField::EnterpriseUin,
        JoinField::Name,
        JoinField::AccountId,
        JoinField::Mobile,
    ];
    for field in texts {
        *form.text_mut(field).unwrap() = format!("{field:?}");
    }
    for field in texts {
        assert_eq!(form.text(field), format!("{field:?}"));
    }
    assert!(form.text_mut(JoinField::Agreement).is_none(), "a tick box");
    assert_eq!(form.text(JoinField::Agreement), "");
    assert_eq!(form.name, "Name");
    assert_eq!(form.mobile, "Mobile");
}

#[test]
fn a_code_refusal_crosses_the_wire_by_its_stable_code() {
    use partner_console::domain::learning::learner::CodeError;
    for e in [
        CodeError::Format,
        CodeError::Expired,
        CodeError::Locked,
        CodeError::Wrong { remaining: 0 },
        CodeError::Wrong { remaining: 4 },
    ] {
        assert_eq!(CodeError::from_code(e.code()), Some(e));
    }
    assert_eq!(CodeError::Wrong { remaining: 3 }.code(), "wrong-3");
    assert_eq!(CodeError::from_code("wrong-x"), None);
    assert_eq!(CodeError::from_code("other"), None);
}
