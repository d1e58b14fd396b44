//! The learning platform's account-application form (账号申请加入) and its rules.

use serde::{Deserialize, Serialize};

/// The account-application form (账号申请加入).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct JoinForm {
    /// 企业名称.
    pub enterprise_name: String,
    /// 企业 UIN.
    pub enterprise_uin: String,
    /// 姓名.
    pub name: String,
    /// 腾讯云 ID.
    pub account_id: String,
    /// 手机号.
    pub mobile: String,
    /// 用户协议 accepted.
    pub agreed: bool,
}

/// A field of the join form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum JoinField {
    /// 企业名称.
    EnterpriseName,
    /// 企业 UIN.
    EnterpriseUin,
    /// 姓名.
    Name,
    /// 腾讯云 ID.
    AccountId,
    /// 手机号.
    Mobile,
    /// 用户协议.
    Agreement,
}

/// What is wrong with a join-form field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum JoinProblem {
    /// Required and empty (or not ticked).
    Required,
    /// Digits only (UIN, account id).
    Digits,
    /// The mobile rule that failed.
    Mobile(crate::common::contact::ContactError),
}

impl JoinForm {
    /// A text field's slot (`None` for the agreement, a tick box).
    pub fn text_mut(&mut self, field: JoinField) -> Option<&mut String> {
        match field {
            JoinField::EnterpriseName => Some(&mut self.enterprise_name),
            JoinField::EnterpriseUin => Some(&mut self.enterprise_uin),
            JoinField::Name => Some(&mut self.name),
            JoinField::AccountId => Some(&mut self.account_id),
            JoinField::Mobile => Some(&mut self.mobile),
            JoinField::Agreement => None,
        }
    }

    /// A text field's value (empty for the agreement).
    pub fn text(&self, field: JoinField) -> String {
        self.clone()
            .text_mut(field)
            .map(|v| v.clone())
            .unwrap_or_default()
    }

    /// The form for the next request from the same enterprise: its name and UIN kept,
    /// the person's details and the agreement cleared.
    pub fn next_request(&self) -> JoinForm {
        JoinForm {
            enterprise_name: self.enterprise_name.clone(),
            enterprise_uin: self.enterprise_uin.clone(),
            ..JoinForm::default()
        }
    }

    /// Every problem of the form, in field order.
    pub fn check(&self) -> Vec<(JoinField, JoinProblem)> {
        let mut out = Vec::new();
        let mut text = |field, value: &str, digits: bool| {
            let v = crate::common::text::compact(value);
            if v.is_empty() {
                out.push((field, JoinProblem::Required));
            } else if digits && !crate::common::text::all_digits(&v) {
                out.push((field, JoinProblem::Digits));
            }
        };
        text(JoinField::EnterpriseName, &self.enterprise_name, false);
        text(JoinField::EnterpriseUin, &self.enterprise_uin, true);
        text(JoinField::Name, &self.name, false);
        text(JoinField::AccountId, &self.account_id, true);
        if self.mobile.trim().is_empty() {
            out.push((JoinField::Mobile, JoinProblem::Required));
        } else if let Err(e) = crate::common::contact::Mobile::parse(&self.mobile) {
            out.push((JoinField::Mobile, JoinProblem::Mobile(e)));
        }
        if !self.agreed {
            out.push((JoinField::Agreement, JoinProblem::Required));
        }
        out
    }
}
