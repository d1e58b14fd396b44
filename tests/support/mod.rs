#![allow(dead_code)]
pub mod contract;

use serde_json::{Value, json};

/// A stored customer as the app writes it (records must read as their type: a start-up
/// scan and a restore set aside or refuse anything else).
pub fn customer(uin: &str, name: &str) -> Value {
    json!({
        "uin": uin,
        "name": name,
        "associated_since": "2024-01-01",
        "arrears": "0.00",
        "special_rebates": false,
    })
}

/// A stored chunk of statements (CSV text).
pub fn chunk(csv: &str) -> Value {
    json!({ "csv": csv })
}
