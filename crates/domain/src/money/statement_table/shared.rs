//! What rows share: each distinct text and ratio is held once and rows hold its number.

use rust_decimal::Decimal;
use rustc_hash::FxHashMap as HashMap;
use std::sync::Arc;

/// Texts shared between rows: each distinct text is stored once and rows hold its number.
#[derive(Clone, Debug, Default)]
pub(super) struct Texts {
    pub(super) all: Vec<Arc<str>>,
    number: HashMap<Arc<str>, u32>,
}

impl Texts {
    pub(super) fn number(&mut self, text: &str) -> u32 {
        if let Some(&n) = self.number.get(text) {
            return n;
        }
        let n = self.all.len() as u32;
        let shared: Arc<str> = Arc::from(text);
        self.all.push(shared.clone());
        self.number.insert(shared, n);
        n
    }
}

/// Ratios shared between rows (a statement has a handful of distinct ratios).
#[derive(Clone, Debug, Default)]
pub(super) struct Ratios {
    pub(super) all: Vec<Decimal>,
    number: HashMap<Decimal, u32>,
}

impl Ratios {
    pub(super) fn number(&mut self, ratio: Decimal) -> u32 {
        *self.number.entry(ratio).or_insert_with(|| {
            self.all.push(ratio);
            (self.all.len() - 1) as u32
        })
    }
}
