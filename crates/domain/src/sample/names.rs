//! The names, products and ratios the sample is drawn from, and its random numbers.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use crate::money::month::YearMonth;
use crate::money::statement::PaymentMode;

/// SplitMix64: tiny, fast and good enough for sample data (a `rand` dependency would
/// add size to the wasm for no gain here).
pub(super) struct Rng(pub(super) u64);

impl Rng {
    pub(super) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    pub(super) fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    pub(super) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

pub(super) const PRODUCTS: [(&str, &[&str], PaymentMode); 7] = [
    (
        "云服务器 CVM",
        &["标准型S5", "计算型C6", "内存型M5"],
        PaymentMode::Prepaid,
    ),
    (
        "云数据库 MySQL",
        &["双节点", "单节点"],
        PaymentMode::Prepaid,
    ),
    (
        "对象存储 COS",
        &["标准存储", "低频存储"],
        PaymentMode::Postpaid,
    ),
    ("内容分发网络 CDN", &["境内流量"], PaymentMode::Postpaid),
    ("云函数 SCF", &["调用次数"], PaymentMode::Postpaid),
    ("轻量应用服务器", &["通用型"], PaymentMode::Prepaid),
    ("负载均衡 CLB", &["公网"], PaymentMode::Postpaid),
];

pub(super) const CITIES: [&str; 12] = [
    "北京", "上海", "深圳", "杭州", "成都", "武汉", "南京", "西安", "苏州", "广州", "长沙", "厦门",
];
pub(super) const WORDS: [&str; 12] = [
    "星辰", "云海", "智联", "恒信", "华创", "启明", "锐捷", "海纳", "博远", "新元", "泰和", "瑞丰",
];
pub(super) const TRADES: [&str; 8] = [
    "网络科技",
    "信息技术",
    "电子商务",
    "数据服务",
    "软件开发",
    "文化传媒",
    "教育科技",
    "物流",
];
pub(super) const RATIOS: [i64; 6] = [0, 5, 8, 10, 12, 15];

pub(super) fn day(month: YearMonth, d: u32) -> NaiveDate {
    month
        .first_day()
        .checked_add_signed(Duration::days(i64::from(d.saturating_sub(1))))
        .unwrap_or_else(|| month.first_day())
}

pub(super) fn moment(date: NaiveDate) -> DateTime<Utc> {
    date.and_hms_opt(2, 0, 0).unwrap_or_default().and_utc()
}
