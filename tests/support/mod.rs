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

/// Every stored statement row, chunks stored as CSV read with the import's reader.
pub async fn stored_rows(
    b: &dyn partner_console::data::Backend,
) -> Result<
    partner_console::domain::money::statement_table::StatementTable,
    partner_console::data::DataError,
> {
    use partner_console::data::money::{StoredStatements, load_statements};
    use partner_console::domain::money::statement_csv::read_stored_csv;
    match load_statements(b, Some(read_stored_csv)).await? {
        StoredStatements::Read(rows) => Ok(rows),
        StoredStatements::WrittenAsCsv => unreachable!("a reader was given"),
    }
}
