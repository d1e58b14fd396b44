//! The sample's partner: a made-up company admitted as an Agent partner, so that loading
//! the sample makes the whole console agree — the header names the company, the home page
//! says "合作中", the certificate can be requested and the sheets carry a name.

use crate::common::contact_and_bank::ContactAndBank;
use crate::onboarding::application_form::{
    AccountKind, ApplicationForm, CompanySize, VerificationMethod,
};
use crate::onboarding::partner_type::PartnerType;
use crate::partner::profile::PartnerProfile;

/// The sample company's name.
pub const SAMPLE_COMPANY: &str = "杭州示例云科技有限公司";

/// The id of the sample's bank account proof (a drawn document, PNG).
pub const SAMPLE_PROOF_ID: &str = "sample-bank-proof";

/// The sample's bank account proof: a plain drawing of a document, 200 × 120 px.
pub const SAMPLE_PROOF_PNG: &[u8] = include_bytes!("bank-proof.png");

/// The sample partner's profile: every field the profile page asks for, the USCC well
/// formed (its check character computed, no real company's), the website on a reserved
/// example domain.
pub fn sample_profile() -> PartnerProfile {
    PartnerProfile {
        company_name: SAMPLE_COMPANY.into(),
        uscc: "91330106MA2CFK8L5D".into(),
        contact_and_bank: ContactAndBank {
            contact_person: "王晓明".into(),
            phone: "13900139000".into(),
            email: "finance@example.com".into(),
            qq: "80012345".into(),
            mailing_address: "浙江省杭州市西湖区文三路 100 号".into(),
            bank_account_name: SAMPLE_COMPANY.into(),
            bank: "中国工商银行".into(),
            bank_location: "浙江省杭州市".into(),
            bank_branch: "文三路支行".into(),
            bank_account_number: "1202020109900012345".into(),
            bank_proof: Some(SAMPLE_PROOF_ID.into()),
        },
        partner_type: Some(PartnerType::Agent),
        website: "www.example.com".into(),
        account_id: "100099990001".into(),
    }
}

/// A second made-up company (the reference server's demo has two partners, to show that
/// neither sees the other's data); its USCC well formed too.
pub fn second_sample_profile() -> PartnerProfile {
    let mut p = sample_profile();
    p.company_name = "深圳示例科技有限公司".into();
    p.uscc = "91440300708461136T".into();
    p.contact_and_bank.bank_account_name = p.company_name.clone();
    p.contact_and_bank.contact_person = "李雷".into();
    p.contact_and_bank.email = "lilei@example.com".into();
    p.contact_and_bank.mailing_address = "广东省深圳市南山区科技园 1 号".into();
    p.account_id = "100099990002".into();
    p
}

/// A complete application for `profile`'s company — one that passes every step and,
/// approved, admits a partner with that profile. For the tests and the server's demo.
pub fn sample_application_form(profile: &PartnerProfile) -> ApplicationForm {
    ApplicationForm {
        supplier_declaration_filed: true,
        account_kind: Some(AccountKind::Wechat),
        verification_method: Some(VerificationMethod::CorporateTransfer),
        verified_company_name: profile.company_name.clone(),
        verified_uscc: profile.uscc.clone(),
        company_name: profile.company_name.clone(),
        company_size: Some(CompanySize::From50To99),
        website: format!("https://{}", profile.website),
        main_business: "云计算集成".into(),
        company_address: profile.contact_and_bank.mailing_address.clone(),
        partner_type: profile.partner_type,
        main_products: "云服务器、数据库".into(),
        uscc: profile.uscc.clone(),
        licence_company_name: profile.company_name.clone(),
        business_licence: Some(SAMPLE_PROOF_ID.into()),
        resells_cloud: Some(false),
        heard_from: "渠道经理介绍".into(),
        contact_and_bank: profile.contact_and_bank.clone(),
        ..ApplicationForm::default()
    }
}
