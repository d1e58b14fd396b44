//! The sample's partner: a made-up company admitted as an Agent partner, so that loading
//! the sample makes the whole console agree — the header names the company, the home page
//! says "合作中", the certificate can be requested and the sheets carry a name.

use crate::domain::common::contact_and_bank::ContactAndBank;
use crate::domain::onboarding::partner_type::PartnerType;
use crate::domain::partner::profile::PartnerProfile;

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
