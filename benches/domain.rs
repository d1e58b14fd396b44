//! Domain benchmark: prints figures (never asserts on time). Run with
//! `cargo bench --bench domain`.
use futures::executor::block_on;
use partner_console::data::Backend;
use partner_console::data::memory::memory_backend;
use partner_console::data::money::save_statements;
use partner_console::domain::common::uscc::{USCC_ALPHABET, Uscc, check_character};
use partner_console::domain::money::calendar::WorkCalendar;
use partner_console::domain::money::statement::{
    StatementBasis, statement_month, totals_by_customer, totals_by_month,
};
use partner_console::domain::money::statement_csv::{StatementImport, Step, write_statements};
use partner_console::domain::money::statement_table::StatementTable;
use partner_console::domain::money::statement_view::rebate_by_month;
use partner_console::domain::money::statement_view::{Column, Sort, StatementFilter, compute};
use partner_console::domain::sample::generate;
use partner_console::domain::workbench::reconciliation::{Ledger, reconcile};
use partner_console::domain::{Cny, YearMonth};
use partner_console::domain::{Lang, Role};
use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// The allocator, counting the bytes alive, so the benchmark can say what the rows
/// themselves hold in memory (not what the operating system reports for the process).
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed to the system allocator unchanged; only a counter is added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size(), Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_add(new_size, Ordering::Relaxed);
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The statement table sizes measured (the browser benchmark runs the same two).
const STATEMENT_SIZES: [usize; 2] = [100_000, 1_000_000];

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
    // The app's own sample generator, as the browser benchmark uses it.
    let last_month: YearMonth = "2026-10".parse().expect("a fixed month");
    let sample = generate(N, last_month, 0x5eed ^ N as u64);
    let rows = sample.statements.clone();
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

    reconciliation(&sample);

    for n in STATEMENT_SIZES {
        let rows = if n == N {
            rows.clone()
        } else {
            generate(n, last_month, 0x5eed ^ n as u64).statements
        };
        statements(&rows);
    }
}

/// The reconciliation page's computation over the sample (its rows and settlement sheets),
/// as the browser benchmark times it on the page (`pc:reconcile`).
fn reconciliation(sample: &partner_console::domain::sample::SampleData) {
    let n = sample.statements.len();
    let table = match StatementTable::from_rows(&sample.statements) {
        Ok(t) => t,
        Err(e) => panic!("sample rows refused: {e}"),
    };
    let calendar = WorkCalendar::mainland();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("a fixed day");
    let start = Instant::now();
    let books = time(
        &format!("reconcile: months on both bases + sheets ({n} rows)"),
        || {
            // The page sums the rows by month, then reconciles the months.
            let rebates = rebate_by_month(black_box(&table));
            reconcile(&Ledger {
                rebates: Some(&rebates),
                sheets: &sample.settlements,
                basis: StatementBasis::BillingPeriod,
                arrears: false,
                current_name: "",
                history: &[],
                calendar: &calendar,
                today,
            })
        },
    );
    let reconcile_ms = start.elapsed().as_secs_f64() * 1000.0;
    println!(
        "  ({} months, {} with differences)",
        books.months.len(),
        books.totals.months_with_differences
    );
    // Read by scripts/bench-statements.mjs.
    println!("NATIVE_RECONCILE rows={n} reconcile_ms={reconcile_ms:.2}");
}

/// The same work as the browser benchmark (scripts/bench-statements.mjs), natively. The
/// file of the largest size is written for the browser benchmark to import.
fn statements(rows: &[partner_console::domain::money::statement::StatementRow]) {
    let n = rows.len();
    let label = |what: &str| format!("{what} ({n} rows)");
    let text = write_statements(rows, Lang::ZhCn);
    if n > N {
        let dir = std::env::var("BENCH_FILES").unwrap_or_else(|_| "target".into());
        let path = format!("{dir}/bench-statements-{n}.csv");
        if let Err(e) = std::fs::write(&path, &text) {
            println!("  (could not write {path}: {e})");
        }
    }
    let backend = memory_backend();
    block_on(backend.switch_role(Role::MainAccount)).ok();
    let start = Instant::now();
    let mut row_bytes = 0;
    let stored = time(&label("import CSV: parse + check + store"), || {
        let before = LIVE.load(Ordering::Relaxed);
        let mut reading = match StatementImport::start(&text) {
            Ok(r) => r,
            Err(e) => panic!("sample CSV refused: {e:?}"),
        };
        while let Ok(Step::Read) = reading.step(5_000) {}
        let outcome = reading.finish().unwrap_or_default();
        // As the page does: a first import's rows are the table.
        let (all, _) = outcome.merged_into(&StatementTable::default());
        // What is left alive is the rows and the names they share.
        row_bytes = LIVE.load(Ordering::Relaxed).saturating_sub(before);
        block_on(save_statements(&backend, &all)).ok();
        all.len()
    });
    let import_ms = start.elapsed().as_secs_f64() * 1000.0;
    let filter = StatementFilter {
        product: "云服务器 CVM".into(),
        ..Default::default()
    };
    let start = Instant::now();
    let table = match StatementTable::from_rows(rows) {
        Ok(t) => t,
        Err(e) => panic!("sample rows refused: {e}"),
    };
    let filtered = time(&label("filter (product) + totals"), || {
        compute(
            &table,
            StatementBasis::BillingPeriod,
            &filter,
            Sort::default(),
        )
    });
    let filter_ms = start.elapsed().as_secs_f64() * 1000.0;
    let sort = Sort {
        column: Column::Rebate,
        descending: true,
    };
    let start = Instant::now();
    let sorted = time(&label("filter + sort (rebate desc) + totals"), || {
        compute(&table, StatementBasis::BillingPeriod, &filter, sort)
    });
    let sort_ms = start.elapsed().as_secs_f64() * 1000.0;
    println!(
        "  ({stored} rows stored; {} rows after the filter, {} sorted; {} customers; rows in memory {:.1} MB = {} bytes a row on this 64-bit machine)",
        filtered.rows.len(),
        sorted.rows.len(),
        sorted.by_customer.len(),
        row_bytes as f64 / 1_048_576.0,
        row_bytes / stored.max(1),
    );
    // Read by scripts/bench-statements.mjs to put the browser figures next to these.
    println!(
        "NATIVE rows={n} import_ms={import_ms:.2} filter_ms={filter_ms:.2} sort_ms={sort_ms:.2} row_bytes={}",
        row_bytes / stored.max(1)
    );
}
