//! 联系人与银行信息: the contact and bank fields an applicant fills in at step ④ and a
//! partner keeps up to date in the profile afterwards. One type for both, so a field added
//! here reaches the form, the profile, the approval and the change history alike.

use serde::{Deserialize, Serialize};

/// The contact person and the bank account rebates are paid to.
///
/// Stored flattened into its owner (`#[serde(flatten)]`), so a record keeps the flat
/// shape it had before this type existed and stored drafts and profiles still read.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ContactAndBank {
    /// 联系人.
    pub contact_person: String,
    /// 联系电话.
    pub phone: String,
    /// 联系邮箱.
    pub email: String,
    /// 联系QQ.
    pub qq: String,
    /// 邮寄地址.
    pub mailing_address: String,
    /// 银行开户名.
    pub bank_account_name: String,
    /// 开户银行.
    pub bank: String,
    /// 银行所在地.
    pub bank_location: String,
    /// 开户支行.
    pub bank_branch: String,
    /// 银行账号.
    pub bank_account_number: String,
    /// Id of the stored bank account proof image.
    pub bank_proof: Option<String>,
}

impl ContactAndBank {
    /// Every text trimmed, as it is stored once accepted (the proof id is kept as is).
    pub fn trimmed(&self) -> ContactAndBank {
        let t = |s: &str| s.trim().to_string();
        ContactAndBank {
            contact_person: t(&self.contact_person),
            phone: t(&self.phone),
            email: t(&self.email),
            qq: t(&self.qq),
            mailing_address: t(&self.mailing_address),
            bank_account_name: t(&self.bank_account_name),
            bank: t(&self.bank),
            bank_location: t(&self.bank_location),
            bank_branch: t(&self.bank_branch),
            bank_account_number: t(&self.bank_account_number),
            bank_proof: self.bank_proof.clone(),
        }
    }

    /// Whether any bank field differs from `other` (the proof itself excluded): such a
    /// change needs a new proof.
    pub fn bank_differs(&self, other: &ContactAndBank) -> bool {
        self.bank_account_name != other.bank_account_name
            || self.bank != other.bank
            || self.bank_location != other.bank_location
            || self.bank_branch != other.bank_branch
            || self.bank_account_number != other.bank_account_number
    }
}
