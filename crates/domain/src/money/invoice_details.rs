//! What the partner's invoice to the provider must carry, and where the paperwork goes
//! (the seed guide's values, RULES §Settlement). Kept as data so a deployment can update them in one
//! place.

/// The provider's invoicing details.
pub struct InvoiceDetails {
    /// 发票抬头.
    pub title: &'static str,
    /// 发票科目: the allowed subjects.
    pub subjects: [&'static str; 3],
    /// 纳税人识别号.
    pub taxpayer_number: &'static str,
    /// 地址及电话.
    pub address_phone: &'static str,
    /// 开户行及账号.
    pub bank_account: &'static str,
    /// 邮寄地址: where the stamped sheet and the invoice are posted.
    pub mail_to: &'static str,
    /// 邮编.
    pub postcode: &'static str,
    /// 收件人 and 联系电话.
    pub recipient: &'static str,
}

/// The details the guide gives.
pub const PROVIDER_INVOICE: InvoiceDetails = InvoiceDetails {
    title: "腾讯云计算（北京）有限责任公司",
    subjects: ["服务费", "信息服务费", "技术服务费"],
    taxpayer_number: "911101085636549482",
    address_phone: "北京市海淀区西北旺东路10号院西区9号楼4层101，010-82173652",
    bank_account: "招商银行北京分行上地支行，110907316810601",
    mail_to: "腾讯成都 BPO 中心四川省成都市高新区天府大道中段1366号天府软件园E5栋9楼",
    postcode: "610041",
    recipient: "施进燕 (+86)028-85225111-53224",
};
