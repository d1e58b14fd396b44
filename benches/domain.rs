//! Domain benchmark: prints figures (never asserts on time). Run with
//! `cargo bench --bench domain`.
use partner_console::domain::statement::{
    PaymentMode, StatementBasis, StatementRow, statement_month, totals_by_customer, totals_by_month,
};
use partner_console::domain::uscc::{USCC_ALPHABET, Uscc, check_character};
use partner_console::domain::{Cny, YearMonth};
use rust_decimal::Decimal;
use std::hint::black_box;
use std::time::Instant;

const N: usize = 100_000;

/// A small deterministic generator (xorshift), so every run measures the same data.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn usccs(rng: &mut Rng) -> Vec<String> {
    (0..N)
        .map(|i| {
            let mut s = String::from("91");
            for _ in 0..6 {
                s.push((b'0' + rng.below(10) as u8) as char);
            }
            for _ in 0..9 {
                s.push(USCC_ALPHABET[rng.below(31) as usize] as char);
            }
            let check = check_character(&s).unwrap_or('0');
            // One in ten has a wrong check character, as typed input would.
            s.push(if i % 10 == 0 {
                if check == '0' { '1' } else { '0' }
            } else {
                check
            });
            s
        })
        .collect()
}

fn rows(rng: &mut Rng) -> Vec<StatementRow> {
    let months: Vec<YearMonth> = (1..=12).filter_map(|m| YearMonth::new(2026, m)).collect();
    (0..N)
        .map(|_| {
            let consumption = Cny::from_fen(rng.below(10_000_000) as i64);
            let ratio = Decimal::new(rng.below(20) as i64 + 1, 2);
            let customer = rng.below(2_000);
            StatementRow {
                month: months[rng.below(12) as usize],
                customer_uin: format!("1000{customer:06}").into(),
                customer_name: format!("客户{customer}").into(),
                product: "云服务器".into(),
                sub_product: "标准型".into(),
                payment_mode: if rng.below(2) == 0 {
                    PaymentMode::Prepaid
                } else {
                    PaymentMode::Postpaid
                },
                consumption,
                ratio,
                rebate: consumption.times(ratio),
                special: rng.below(20) == 0,
            }
        })
        .collect()
}

fn time<T>(label: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    println!("{label:<58} {ms:>9.2} ms");
    out
}

fn main() {
    let mut rng = Rng(0x5eed_1234_abcd_ef01);
    let codes = usccs(&mut rng);
    let rows = rows(&mut rng);
    println!("domain benchmark ({N} items each; figures, not assertions)");
    let valid = time("validate 100,000 USCCs", || {
        codes
            .iter()
            .filter(|c| Uscc::parse(black_box(c)).is_ok())
            .count()
    });
    let total: Cny = time("sum 100,000 Cny amounts", || {
        rows.iter().map(|r| black_box(r.rebate)).sum()
    });
    let by_month = time("group 100,000 rows by month (deduction basis)", || {
        totals_by_month(&rows, |r| {
            statement_month(r, StatementBasis::DeductionPeriod)
        })
    });
    let by_customer = time("group 100,000 rows by customer", || {
        totals_by_customer(&rows)
    });
    println!(
        "  ({valid} valid codes; rebate total {}; {} months; {} customers)",
        total.grouped(),
        by_month.len(),
        by_customer.len()
    );
}
