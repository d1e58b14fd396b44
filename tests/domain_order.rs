//! The one sort every list goes through (`domain::common::order`) puts items exactly
//! where the standard library's stable sort does, ties in their first order.

use partner_console::domain::common::order::{sort_by, sort_by_key, sorted_positions};
use proptest::prelude::*;

proptest! {
    #[test]
    fn sorts_as_the_standard_stable_sort(items in prop::collection::vec((0u8..8, any::<u32>()), 0..200)) {
        // Sorted by the first number only: the second tells whether ties kept their order.
        let mut ours = items.clone();
        sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
        let mut std = items.clone();
        std.sort_by_key(|a| a.0);
        prop_assert_eq!(&ours, &std);

        let mut ours = items.clone();
        sort_by_key(&mut ours, |a| std::cmp::Reverse(a.0));
        let mut std = items.clone();
        std.sort_by_key(|a| std::cmp::Reverse(a.0));
        prop_assert_eq!(ours, std);
    }

    #[test]
    fn positions_are_a_permutation_in_order(keys in prop::collection::vec(any::<i16>(), 0..200)) {
        let order = sorted_positions(keys.len(), &|a, b| keys[a].cmp(&keys[b]));
        let mut seen = order.clone();
        seen.sort_unstable();
        prop_assert_eq!(seen, (0..keys.len()).collect::<Vec<_>>());
        prop_assert!(order.windows(2).all(|w| (keys[w[0]], w[0]) < (keys[w[1]], w[1])));
    }
}

#[test]
fn owned_records_move_whole() {
    // By code point: 丙 U+4E19, 乙 U+4E59, 甲 U+7532.
    let mut names: Vec<String> = ["甲", "丙", "甲", "乙"].map(String::from).to_vec();
    sort_by(&mut names, |a, b| a.cmp(b));
    assert_eq!(names, ["丙", "乙", "甲", "甲"]);
}
