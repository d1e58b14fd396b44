//! A realistic sample data set of any size — customers, a year of statements,
//! settlements and special rebates — so anyone can try the money pages. The same
//! generator feeds the tests and the benchmarks. It is deterministic: the same size,
//! month and seed give the same data.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use rust_decimal::Decimal;
use std::sync::Arc;

use crate::domain::common::role::Role;
use crate::domain::common::transition::Actor;
use crate::domain::money::cny::Cny;
use crate::domain::money::customer::{Customer, UnbindState};
use crate::domain::money::month::YearMonth;
use crate::domain::money::settlement::{
    LineKind, SettlementLine, SettlementSheet, SettlementState,
};
use crate::domain::money::special_rebate::SpecialRebate;
use crate::domain::money::statement::{PaymentMode, StatementBasis, StatementRow, statement_month};

/// Everything the generator makes.
#[derive(Clone, Debug, Default)]
pub struct SampleData {
    /// Associated customers.
    pub customers: Vec<Customer>,
    /// Statement rows (exactly the size asked for).
    pub statements: Vec<StatementRow>,
    /// One settlement sheet per month.
    pub settlements: Vec<SettlementSheet>,
    /// Special rebates of some customers, expired ones included.
    pub special_rebates: Vec<SpecialRebate>,
}

/// SplitMix64: tiny, fast and good enough for sample data (a `rand` dependency would
/// add size to the wasm for no gain here).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

const PRODUCTS: [(&str, &[&str], PaymentMode); 7] = [
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

const CITIES: [&str; 12] = [
    "北京", "上海", "深圳", "杭州", "成都", "武汉", "南京", "西安", "苏州", "广州", "长沙", "厦门",
];
const WORDS: [&str; 12] = [
    "星辰", "云海", "智联", "恒信", "华创", "启明", "锐捷", "海纳", "博远", "新元", "泰和", "瑞丰",
];
const TRADES: [&str; 8] = [
    "网络科技",
    "信息技术",
    "电子商务",
    "数据服务",
    "软件开发",
    "文化传媒",
    "教育科技",
    "物流",
];
type SharedProduct = (Arc<str>, Vec<Arc<str>>);

const RATIOS: [i64; 6] = [0, 5, 8, 10, 12, 15];

fn day(month: YearMonth, d: u32) -> NaiveDate {
    month
        .first_day()
        .checked_add_signed(Duration::days(i64::from(d.saturating_sub(1))))
        .unwrap_or_else(|| month.first_day())
}

fn moment(date: NaiveDate) -> DateTime<Utc> {
    date.and_hms_opt(2, 0, 0).unwrap_or_default().and_utc()
}

/// Generates `rows` statement rows over the twelve months ending with `last_month`, and
/// the customers, settlements and special rebates that go with them.
pub fn generate(rows: usize, last_month: YearMonth, seed: u64) -> SampleData {
    let mut rng = Rng(seed);
    let mut months = vec![last_month];
    while months.len() < 12 {
        let earliest = months[months.len() - 1];
        months.push(earliest.prev());
    }
    months.reverse();
    let mut data = SampleData::default();
    // Shared product and sub-product names (rows point at these, as imported rows do).
    let interned: Vec<SharedProduct> = PRODUCTS
        .iter()
        .map(|(p, subs, _)| (Arc::from(*p), subs.iter().map(|s| Arc::from(*s)).collect()))
        .collect();
    let today = day(last_month.next(), 20);
    let mut i = 0u64;
    while data.statements.len() < rows {
        i += 1;
        let uin: Arc<str> = Arc::from(format!(
            "{}",
            100_012_000_000 + i * 1_000 + rng.below(1_000)
        ));
        let name: Arc<str> = Arc::from(format!(
            "{}{}{}有限公司",
            rng.pick(&CITIES),
            rng.pick(&WORDS),
            rng.pick(&TRADES),
        ));
        let special = rng.below(10) == 0;
        let scale = 1 + rng.below(40) as i64;
        // A customer uses 2–6 products, each on one sub-product.
        let mut uses: Vec<usize> = (0..PRODUCTS.len()).collect();
        let count = 2 + rng.below(5) as usize;
        for k in 0..PRODUCTS.len() {
            let j = k + rng.below((PRODUCTS.len() - k) as u64) as usize;
            uses.swap(k, j);
        }
        uses.truncate(count);
        let picks: Vec<(usize, usize)> = uses
            .iter()
            .map(|&p| (p, rng.below(PRODUCTS[p].1.len() as u64) as usize))
            .collect();
        'months: for &month in &months {
            for &(p, s) in &picks {
                if data.statements.len() >= rows {
                    break 'months;
                }
                let consumption =
                    Cny::from_fen((scale * (10_000 + rng.below(2_000_000) as i64)) / 4);
                let is_special = special && p == picks[0].0;
                let ratio = if is_special {
                    Decimal::new(18, 2)
                } else {
                    Decimal::new(*rng.pick(&RATIOS), 2)
                };
                data.statements.push(StatementRow {
                    month,
                    customer_uin: uin.clone(),
                    customer_name: name.clone(),
                    product: interned[p].0.clone(),
                    sub_product: interned[p].1[s].clone(),
                    payment_mode: PRODUCTS[p].2,
                    consumption,
                    ratio,
                    rebate: consumption.times(ratio),
                    special: is_special,
                });
            }
        }
        let since = NaiveDate::from_ymd_opt(
            2019 + rng.below(6) as i32,
            1 + rng.below(12) as u32,
            1 + rng.below(28) as u32,
        )
        .unwrap_or(today);
        data.customers.push(Customer {
            uin: uin.to_string(),
            name: name.to_string(),
            associated_since: since,
            arrears: if rng.below(25) == 0 {
                Cny::from_fen(10_000 + rng.below(2_000_000) as i64)
            } else {
                Cny::ZERO
            },
            special_rebates: special,
            unbind: if rng.below(100) == 0 {
                UnbindState::Requested
            } else {
                UnbindState::NotRequested
            },
        });
        if special {
            let (p, s) = picks[0];
            // An expired one, the one in force, and sometimes one that starts later.
            let periods = [
                (months[0].first_day(), day(months[5], 28)),
                (months[6].first_day(), day(last_month.next().next(), 28)),
                (
                    last_month.next().next().next().first_day(),
                    day(last_month.next().next().next(), 28),
                ),
            ];
            let n = 2 + rng.below(2) as usize;
            for (k, (from, to)) in periods.iter().take(n).enumerate() {
                data.special_rebates.push(SpecialRebate {
                    id: format!("{uin}-{k}"),
                    customer_uin: uin.to_string(),
                    product: PRODUCTS[p].0.to_string(),
                    sub_product: PRODUCTS[p].1[s].to_string(),
                    ratio: Decimal::new(15 + 3 * k as i64, 2),
                    payment_mode: PRODUCTS[p].2,
                    effective_from: *from,
                    expires_on: *to,
                });
            }
        }
    }
    data.settlements = settlements(&data.statements, &months, &mut rng);
    data
}

fn settlements(rows: &[StatementRow], months: &[YearMonth], rng: &mut Rng) -> Vec<SettlementSheet> {
    let provider = Actor {
        role: Role::ChannelManager,
        name: String::new(),
    };
    let partner = Actor {
        role: Role::MainAccount,
        name: String::new(),
    };
    let n = months.len();
    months
        .iter()
        .enumerate()
        .map(|(k, &month)| {
            let rebate: Cny = rows
                .iter()
                .filter(|r| statement_month(r, StatementBasis::BillingPeriod) == month)
                .map(|r| r.rebate)
                .sum();
            let mut lines = vec![SettlementLine {
                kind: LineKind::Rebate(month),
                amount: rebate,
            }];
            if k % 4 == 3 && !rows.is_empty() {
                let victim = &rows[rng.below(rows.len() as u64) as usize];
                lines.push(SettlementLine {
                    kind: LineKind::Clawback {
                        customer_uin: victim.customer_uin.to_string(),
                        month: month.prev(),
                    },
                    amount: -victim.rebate,
                });
            }
            let issued = day(month.next(), 5);
            let mut sheet = SettlementSheet {
                id: month.to_string(),
                month,
                lines,
                state: SettlementState::Pending,
                history: vec![crate::domain::common::transition::StateChange {
                    from: None,
                    to: SettlementState::Pending,
                    at: moment(issued),
                    actor: provider.clone(),
                    reason: None,
                    on: None,
                }],
                received_on: None,
                corrected_on: None,
                paid_on: None,
                contract_on_file: true,
                checked: Vec::new(),
            };
            // Older sheets are paid; the newest are on their way; one went wrong.
            let age = n - 1 - k;
            let mut steps: Vec<(SettlementState, u32, Option<&str>)> = Vec::new();
            if age >= 1 {
                steps.push((SettlementState::DocumentsSent, 10, None));
            }
            if age >= 2 {
                steps.push((SettlementState::Received, 14, None));
                if k == 2 {
                    steps.push((
                        SettlementState::Abnormal,
                        16,
                        Some("发票金额与结算单不一致"),
                    ));
                    steps.push((SettlementState::Corrected, 22, None));
                }
            }
            if age >= 3 {
                steps.push((SettlementState::Verified, 24, None));
                steps.push((SettlementState::Paid, 28, None));
            }
            for (state, d, reason) in steps {
                let on = day(month.next(), d);
                let actor = if state == SettlementState::DocumentsSent
                    || state == SettlementState::Corrected
                {
                    partner.clone()
                } else {
                    provider.clone()
                };
                let _ = sheet.advance(state, on, moment(on), actor, reason.map(str::to_string));
            }
            sheet
        })
        .collect()
}
