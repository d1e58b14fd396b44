//! Associated customers (代客, RULES §Customers): who they are, what they owe, and where their
//! unbinding stands (termination needs every customer unbound, RULES §Termination).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

use crate::money::cny::Cny;

/// Where a customer's unbinding stands.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum UnbindState {
    /// Still associated; nobody asked to unbind.
    #[default]
    NotRequested,
    /// The partner asked the customer to unbind.
    Requested,
    /// The partner flagged that the provider's help is needed (the customer cannot be
    /// reached, or will not unbind).
    ProviderHelpNeeded,
    /// Unbound: no longer associated.
    Unbound,
}

impl UnbindState {
    /// Every state.
    pub const ALL: [UnbindState; 4] = [
        UnbindState::NotRequested,
        UnbindState::Requested,
        UnbindState::ProviderHelpNeeded,
        UnbindState::Unbound,
    ];

    /// A stable name for filters and files.
    pub fn name(self) -> &'static str {
        match self {
            UnbindState::NotRequested => "not-requested",
            UnbindState::Requested => "requested",
            UnbindState::ProviderHelpNeeded => "provider-help",
            UnbindState::Unbound => "unbound",
        }
    }
}

/// An associated customer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Customer {
    /// The customer's account id.
    pub uin: String,
    /// The customer's name.
    pub name: String,
    /// Associated with this partner since.
    #[serde(deserialize_with = "crate::common::iso::date")]
    pub associated_since: NaiveDate,
    /// What the customer owes (欠费); zero when nothing.
    pub arrears: Cny,
    /// Whether special rebates exist for this customer (the detail is main-account only).
    pub special_rebates: bool,
    /// Where unbinding stands.
    #[serde(default)]
    pub unbind: UnbindState,
}

impl Customer {
    /// Still counts as associated (termination waits for it).
    pub fn is_associated(&self) -> bool {
        self.unbind != UnbindState::Unbound
    }
}

/// A column of the customer list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CustomerColumn {
    /// UIN.
    Uin,
    /// Name.
    Name,
    /// Associated since.
    AssociatedSince,
    /// Arrears.
    Arrears,
    /// Special rebates exist.
    SpecialRebates,
    /// Unbind state.
    Unbind,
}

impl CustomerColumn {
    /// Every column, in table order.
    pub const ALL: [CustomerColumn; 6] = [
        CustomerColumn::Uin,
        CustomerColumn::Name,
        CustomerColumn::AssociatedSince,
        CustomerColumn::Arrears,
        CustomerColumn::SpecialRebates,
        CustomerColumn::Unbind,
    ];
}

fn compare(a: &Customer, b: &Customer, column: CustomerColumn) -> Ordering {
    match column {
        CustomerColumn::Uin => a.uin.cmp(&b.uin),
        CustomerColumn::Name => a.name.cmp(&b.name),
        CustomerColumn::AssociatedSince => a.associated_since.cmp(&b.associated_since),
        CustomerColumn::Arrears => a.arrears.cmp(&b.arrears),
        CustomerColumn::SpecialRebates => a.special_rebates.cmp(&b.special_rebates),
        CustomerColumn::Unbind => a.unbind.cmp(&b.unbind),
    }
}

/// The customers matching a search (part of the UIN or name, any case), sorted on a
/// column (ties by UIN); returns indices into `customers`.
pub fn search(
    customers: &[Customer],
    query: &str,
    column: CustomerColumn,
    descending: bool,
) -> Vec<usize> {
    let q = query.trim().to_lowercase();
    let mut out: Vec<usize> = (0..customers.len())
        .filter(|&i| {
            let c = &customers[i];
            q.is_empty() || c.uin.contains(&q) || c.name.to_lowercase().contains(&q)
        })
        .collect();
    crate::common::order::sort_by(&mut out, |&a, &b| {
        let (a, b) = (&customers[a], &customers[b]);
        let o = compare(a, b, column);
        let o = if descending { o.reverse() } else { o };
        o.then_with(|| a.uin.cmp(&b.uin))
    });
    out
}

/// The partner's arrears: what its associated customers owe (payment of every
/// settlement is held while it is above zero).
pub fn total_arrears(customers: &[Customer]) -> Cny {
    customers
        .iter()
        .filter(|c| c.is_associated())
        .map(|c| c.arrears)
        .sum()
}
