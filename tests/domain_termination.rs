//! The termination application email: the guide's template, and whether the sender's
//! mailbox is on the company's domain.
#![cfg(not(target_arch = "wasm32"))]
use partner_console::domain::common::contact::{Email, website_host};
use partner_console::domain::partner::termination::*;

#[test]
fn termination_email_follows_the_template() {
    let mail = compose(
        "100012345678",
        "深圳示例科技有限公司",
        "业务调整",
        "manager@tencent.com",
        &[],
    );
    assert_eq!(mail.to, "cloudpartner@tencent.com");
    assert_eq!(mail.cc, "manager@tencent.com");
    assert_eq!(
        mail.subject,
        "深圳示例科技有限公司 注销腾讯云合作伙伴资质申请"
    );
    assert_eq!(
        mail.body,
        "合作伙伴 UIN：100012345678\n合作伙伴公司名：深圳示例科技有限公司\n申请退出原因：业务调整"
    );
    let help = compose(
        "1",
        "A",
        "B",
        "m@x.com",
        &["200001".into(), "200002".into()],
    );
    assert!(
        help.body
            .ends_with("需腾讯云协助解绑代客关系：200001、200002")
    );
}

#[test]
fn sender_domain_check() {
    let on = Email::parse("li@Example.com").unwrap();
    assert_eq!(
        check_sender(&on, "https://www.example.com/about"),
        SenderCheck::CompanyDomain
    );
    let sub = Email::parse("li@mail.example.com").unwrap();
    assert_eq!(
        check_sender(&sub, "example.com"),
        SenderCheck::CompanyDomain
    );
    let qq = Email::parse("12345@qq.com").unwrap();
    assert_eq!(
        check_sender(&qq, "http://example.com:8080"),
        SenderCheck::StampedAttachmentRequired {
            sender_domain: "qq.com".into(),
            company_domain: Some("example.com".into())
        }
    );
    assert_eq!(website_host("not a site"), None);
    assert!(!matches!(check_sender(&on, ""), SenderCheck::CompanyDomain));
    // A look-alike domain is not the company's.
    let fake = Email::parse("li@notexample.com").unwrap();
    assert!(!matches!(
        check_sender(&fake, "example.com"),
        SenderCheck::CompanyDomain
    ));
}
