//! How statement rows are stored: a million rows are not a million records, but chunks of
//! [`CHUNK_ROWS`] rows in the table's stored form (`StatementTable::encode`, base64 in the
//! record), listed by an index record. A new set of rows is a new generation of chunks,
//! visible only once the index names it. Shared by the app, which writes and reads them,
//! and the reference server, which seeds them and checks their shape.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use serde::{Deserialize, Serialize};

use crate::money::month::YearMonth;
use crate::money::statement_table::StatementTable;
use crate::money::statement_view::{RebateOnBothBases, rebate_by_month};

/// Rows per stored chunk.
pub const CHUNK_ROWS: usize = 20_000;

/// The index record's id.
pub const INDEX: &str = "index";

/// Which chunks hold the current statements.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatementIndex {
    /// Grows by one with every new set of rows.
    pub generation: u64,
    /// The chunks' ids, in row order.
    pub chunks: Vec<String>,
    /// How many rows they hold.
    pub rows: usize,
    /// Every statement month's rebate on both bases, written with the rows so the
    /// workbench reads a month's and a year's rebate without reading every row. Absent
    /// from an index an earlier version wrote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub months: Option<Vec<(YearMonth, RebateOnBothBases)>>,
}

/// One chunk: its rows in the stored form (base64), or, written before that form, as CSV.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Chunk {
    /// The rows, `StatementTable::encode` in base64.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub rows: String,
    /// The rows as CSV (an earlier version's form).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub csv: String,
}

impl Chunk {
    /// The rows' stored bytes (`None`: not base64).
    pub fn bytes(&self) -> Result<Vec<u8>, String> {
        BASE64.decode(&self.rows).map_err(|e| e.to_string())
    }
}

/// The chunk of `rows` that starts at row `start`.
pub fn chunk_at(rows: &StatementTable, start: usize) -> Chunk {
    Chunk {
        rows: BASE64.encode(rows.encode(start..(start + CHUNK_ROWS).min(rows.len()))),
        csv: String::new(),
    }
}

/// The id of chunk `k` of a generation.
pub fn chunk_id(generation: u64, k: usize) -> String {
    format!("g{generation}-{k:04}")
}

/// Every record of `rows` as generation `generation`: the chunks in order, then the index
/// that names them.
pub fn generation_records(
    rows: &StatementTable,
    generation: u64,
) -> (Vec<(String, Chunk)>, StatementIndex) {
    let chunks: Vec<(String, Chunk)> = (0..rows.len())
        .step_by(CHUNK_ROWS)
        .enumerate()
        .map(|(k, start)| (chunk_id(generation, k), chunk_at(rows, start)))
        .collect();
    let index = StatementIndex {
        generation,
        chunks: chunks.iter().map(|(id, _)| id.clone()).collect(),
        rows: rows.len(),
        months: Some(rebate_by_month(rows)),
    };
    (chunks, index)
}

/// Whether a stored statements record reads as what its id says: the index, or a chunk
/// of rows. (The rows themselves are read when the statements are: a chunk that fails then
/// is an error of the whole table, never fewer rows.)
pub fn check_statement_record(id: &str, data: &serde_json::Value) -> Result<(), String> {
    let read = if id == INDEX {
        serde_json::from_value::<StatementIndex>(data.clone()).map(|_| ())
    } else {
        serde_json::from_value::<Chunk>(data.clone()).map(|_| ())
    };
    read.map_err(|e| e.to_string())
}
