//! Sorting lists of records through one sort.
//!
//! `slice::sort_by` compiles the whole sorting algorithm (≈ 3.5 KB of wasm) again for
//! every element type *and every comparison closure*: a dozen lists sorted a dozen ways
//! made 26 KB of sorting code in the statements area alone. Here the items are put in
//! order by their positions, compared through a trait object, so the sort itself is
//! compiled once for the whole app; only moving the items into place is per type, and it
//! is a few swaps. Stable, like `sort_by`. The million-row statement view keeps its own
//! `sort_unstable` of plain number pairs, where a call per comparison would cost time.

use std::cmp::Ordering;

/// Sorts `items` stably by `cmp`.
pub fn sort_by<T>(items: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let order = sorted_positions(items.len(), &|a, b| cmp(&items[a], &items[b]));
    put_in_order(items, order);
}

/// Sorts `items` stably by the key `key` gives, smallest first.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// The positions `0..len` in the order `cmp` (comparing two positions) puts them,
/// stably. Not generic: this is the one copy of the sort.
pub fn sorted_positions(len: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

/// Moves the item at `order[k]` to place `k`, for every `k`, by following each cycle of
/// the permutation (each place is written once; `order` marks the places done).
fn put_in_order<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..items.len() {
        let mut place = start;
        loop {
            let from = order[place];
            order[place] = place;
            if from == start {
                break;
            }
            items.swap(place, from);
            place = from;
        }
    }
}
