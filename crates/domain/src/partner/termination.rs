//! The termination application email, exactly per the guide's template (RULES §Termination).

use serde::{Deserialize, Serialize};

use crate::common::contact::{Email, website_host};

/// Where the application goes.
pub const TERMINATION_MAILBOX: &str = "cloudpartner@tencent.com";

/// The composed email.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TerminationEmail {
    /// Recipient.
    pub to: String,
    /// CC: the channel manager.
    pub cc: String,
    /// Subject: `<公司名> 注销腾讯云合作伙伴资质申请`.
    pub subject: String,
    /// Body: UIN, company name, reason (and customers needing help to unbind).
    pub body: String,
}

/// Composes the email. Customers the partner could not reach are listed so the provider
/// helps unbind them, as the guide asks.
pub fn compose(
    partner_uin: &str,
    company_name: &str,
    reason: &str,
    channel_manager_email: &str,
    customers_needing_help: &[String],
) -> TerminationEmail {
    let mut body = format!(
        "合作伙伴 UIN：{}\n合作伙伴公司名：{}\n申请退出原因：{}",
        partner_uin.trim(),
        company_name.trim(),
        reason.trim()
    );
    if !customers_needing_help.is_empty() {
        body.push_str("\n需腾讯云协助解绑代客关系：");
        body.push_str(&customers_needing_help.join("、"));
    }
    TerminationEmail {
        to: TERMINATION_MAILBOX.to_string(),
        cc: channel_manager_email.trim().to_string(),
        subject: format!("{} 注销腾讯云合作伙伴资质申请", company_name.trim()),
        body,
    }
}

/// How the application must be sent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SenderCheck {
    /// The sender is on the company's domain: a plain email will do.
    CompanyDomain,
    /// Not on the company's domain: a stamped attachment is required.
    StampedAttachmentRequired {
        /// The sender's domain.
        sender_domain: String,
        /// The company's domain, if the website gives one.
        company_domain: Option<String>,
    },
}

/// Whether the sender's mailbox is on the company's domain (or a subdomain of it, or the
/// other way round: `mail.example.com` and `example.com` belong together).
pub fn check_sender(sender: &Email, company_website: &str) -> SenderCheck {
    let company = website_host(company_website);
    let matches = company.as_deref().is_some_and(|c| {
        sender.domain == c
            || sender.domain.ends_with(&format!(".{c}"))
            || c.ends_with(&format!(".{}", sender.domain))
    });
    if matches {
        SenderCheck::CompanyDomain
    } else {
        SenderCheck::StampedAttachmentRequired {
            sender_domain: sender.domain.clone(),
            company_domain: company,
        }
    }
}
