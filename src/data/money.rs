//! Storage of the money pages' data over the one [`Backend`] interface.
//!
//! Statements can reach a million rows, so they are not one record per row: they are
//! stored as chunks of [`CHUNK_ROWS`] rows in the table's stored form
//! (`StatementTable::encode`, base64 in the record), listed by an index record. Chunks
//! written as CSV (before that form) are still read, by the import's reader — which the
//! caller hands over only when such a chunk is there ([`StoredStatements::WrittenAsCsv`]):
//! the statements page then fetches it with the import tools. A new set of rows is written as a new
//! generation of chunks first and becomes visible only when the index is switched to it,
//! so a full quota half-way leaves the previous statements whole.

use serde::{Deserialize, Serialize};

use super::backend::Backend;
use super::error::DataError;
use super::model::Collection;
use super::typed::{load, load_all, save};
use crate::domain::money::customer::Customer;
use crate::domain::money::month::YearMonth;
use crate::domain::money::settlement::SettlementSheet;
use crate::domain::money::special_rebate::SpecialRebate;
use crate::domain::money::statement_csv::FileProblem;
use crate::domain::money::statement_table::StatementTable;
use crate::domain::money::statement_view::{RebateOnBothBases, rebate_by_month};
use crate::domain::sample::SampleData;

pub use crate::domain::records::statements::CHUNK_ROWS;
pub use crate::domain::records::statements::check_statement_record;
use crate::domain::records::statements::{
    Chunk, INDEX, StatementIndex, chunk_at, generation_records,
};

/// Every statement month's rebate on both bases, oldest first, from the index alone:
/// empty when nothing is stored, `None` when the index was written before it carried
/// them (see [`remember_month_rebates`]).
pub async fn load_month_rebates(
    backend: &dyn Backend,
) -> Result<Option<Vec<(YearMonth, RebateOnBothBases)>>, DataError> {
    Ok(
        match load::<StatementIndex>(backend, Collection::Statements, INDEX).await? {
            None => Some(Vec::new()),
            Some(index) => index.value.months,
        },
    )
}

/// Adds the month rebates of `rows` — the rows the index names, just read — to an index an
/// earlier version wrote without them. Best effort: a failure leaves the index as it was
/// (the workbench then keeps pointing to the statements).
pub async fn remember_month_rebates(backend: &dyn Backend, rows: &StatementTable) {
    let Ok(Some(mut index)) = load::<StatementIndex>(backend, Collection::Statements, INDEX).await
    else {
        return;
    };
    if index.value.months.is_some() || index.value.rows != rows.len() {
        return;
    }
    index.value.months = Some(rebate_by_month(rows));
    let _ = save(
        backend,
        Collection::Statements,
        INDEX,
        &index.value,
        Some(index.rev),
    )
    .await;
}

/// The index as the rows' reads and writes need it (its month rebates skipped unread:
/// reading them would bring their reader into the statements page's module).
#[derive(Deserialize)]
struct Generation {
    generation: u64,
    chunks: Vec<String>,
}

/// Reads the rows of a chunk written as CSV, appended to the rows given
/// (`statement_csv::read_stored_csv`).
pub type CsvReader = fn(&str, StatementTable) -> Result<StatementTable, FileProblem>;

/// What [`load_statements`] found.
// Returned once per read and unpacked at once: boxing the table would buy nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, PartialEq)]
pub enum StoredStatements {
    /// Every stored row.
    Read(StatementTable),
    /// A chunk was written as CSV and no reader was given: ask again with one.
    WrittenAsCsv,
}

/// Every stored statement row. A chunk that cannot be read is an error (never silently
/// fewer rows, which would make every total wrong).
pub async fn load_statements(
    backend: &dyn Backend,
    csv: Option<CsvReader>,
) -> Result<StoredStatements, DataError> {
    let Some(index) = load::<Generation>(backend, Collection::Statements, INDEX).await? else {
        return Ok(StoredStatements::Read(StatementTable::default()));
    };
    let mut rows = StatementTable::default();
    for id in &index.value.chunks {
        let chunk = load::<Chunk>(backend, Collection::Statements, id)
            .await?
            .ok_or_else(|| DataError::Storage(format!("statements/{id} is missing")))?;
        let damaged = |e: String| DataError::Storage(format!("statements/{id}: {e}"));
        if chunk.value.rows.is_empty() {
            let Some(read_csv) = csv else {
                return Ok(StoredStatements::WrittenAsCsv);
            };
            rows = read_csv(&chunk.value.csv, rows).map_err(|e| damaged(format!("{e:?}")))?;
        } else {
            let bytes = chunk.value.bytes().map_err(damaged)?;
            rows.append_encoded(&bytes)
                .map_err(|e| damaged(e.to_string()))?;
        }
    }
    Ok(StoredStatements::Read(rows))
}

/// The bytes `rows` take in storage (their chunks' text), for a refusal for want of
/// space to say how much is needed.
pub fn stored_bytes(rows: &StatementTable) -> usize {
    (0..rows.len())
        .step_by(CHUNK_ROWS)
        .map(|start| chunk_at(rows, start).rows.len())
        .sum()
}

/// Replaces the stored statements with `rows` (all or nothing).
pub async fn save_statements(
    backend: &dyn Backend,
    rows: &StatementTable,
) -> Result<(), DataError> {
    let old = load::<Generation>(backend, Collection::Statements, INDEX).await?;
    let (generation, old_chunks, rev) = match &old {
        Some(v) => (v.value.generation + 1, v.value.chunks.clone(), v.rev),
        None => (1, Vec::new(), 0),
    };
    let (chunks, index) = generation_records(rows, generation);
    let mut written: Vec<String> = Vec::new();
    for (id, chunk) in chunks {
        if let Err(e) = save(backend, Collection::Statements, &id, &chunk, None).await {
            for id in &written {
                let _ = backend.delete(Collection::Statements, id).await;
            }
            return Err(e);
        }
        written.push(id);
    }
    // The switch: a concurrent import in another tab makes this a conflict, not a mix.
    if let Err(e) = save(backend, Collection::Statements, INDEX, &index, Some(rev)).await {
        for id in &written {
            let _ = backend.delete(Collection::Statements, id).await;
        }
        return Err(e);
    }
    for id in old_chunks {
        let _ = backend.delete(Collection::Statements, &id).await;
    }
    Ok(())
}

/// Every record of a small collection as `T` (records that no longer fit are skipped).
async fn all<T: serde::de::DeserializeOwned>(
    backend: &dyn Backend,
    collection: Collection,
) -> Result<Vec<T>, DataError> {
    Ok(load_all::<T>(backend, collection)
        .await?
        .0
        .into_iter()
        .map(|(_, v)| v.value)
        .collect())
}

/// Every associated customer.
pub async fn load_customers(backend: &dyn Backend) -> Result<Vec<Customer>, DataError> {
    all(backend, Collection::Customers).await
}

/// Saves one customer.
pub async fn save_customer(backend: &dyn Backend, customer: &Customer) -> Result<(), DataError> {
    save(
        backend,
        Collection::Customers,
        &customer.uin,
        customer,
        None,
    )
    .await
    .map(|_| ())
}

/// Every special rebate (main account only: the data layer refuses other roles).
pub async fn load_special_rebates(backend: &dyn Backend) -> Result<Vec<SpecialRebate>, DataError> {
    all(backend, Collection::SpecialRebates).await
}

/// Every settlement sheet, oldest first.
pub async fn load_settlements(backend: &dyn Backend) -> Result<Vec<SettlementSheet>, DataError> {
    let mut sheets: Vec<SettlementSheet> = all(backend, Collection::Settlements).await?;
    crate::domain::common::order::sort_by_key(&mut sheets, |s| s.month);
    Ok(sheets)
}

/// Saves a settlement sheet.
pub async fn save_settlement(
    backend: &dyn Backend,
    sheet: &SettlementSheet,
) -> Result<(), DataError> {
    save(backend, Collection::Settlements, &sheet.id, sheet, None)
        .await
        .map(|_| ())
}

/// Records written between two turns of the page.
const WRITES_PER_TURN: usize = 500;

/// Replaces a small collection's records with `items`: new ones are written first, the
/// ones no longer present removed after.
async fn replace<T: Serialize>(
    backend: &dyn Backend,
    collection: Collection,
    items: &[T],
    id_of: impl Fn(&T) -> &str,
) -> Result<(), DataError> {
    let old: Vec<String> = backend
        .list(collection)
        .await?
        .into_iter()
        .map(|r| r.id)
        .collect();
    for (i, item) in items.iter().enumerate() {
        save(backend, collection, id_of(item), item, None).await?;
        // A browser store's small records are written synchronously: 20,000 customers in
        // one go froze the page for most of a second.
        if i % WRITES_PER_TURN == WRITES_PER_TURN - 1 {
            crate::data::turn::yield_to_page().await;
        }
    }
    let keep: std::collections::HashSet<&str> = items.iter().map(&id_of).collect();
    for (i, id) in old
        .iter()
        .filter(|id| !keep.contains(id.as_str()))
        .enumerate()
    {
        backend.delete(collection, id).await?;
        if i % WRITES_PER_TURN == WRITES_PER_TURN - 1 {
            crate::data::turn::yield_to_page().await;
        }
    }
    Ok(())
}

/// Replaces customers, statements, settlements and special rebates with a sample set.
/// Statements go first and atomically; the small collections follow. A company that is
/// not a partner yet becomes the sample's partner (its profile and bank proof, and the
/// session's company name), so that every page agrees it is one; a partner keeps its own
/// profile.
pub async fn save_sample(
    backend: &dyn Backend,
    data: &SampleData<StatementTable>,
) -> Result<(), DataError> {
    save_statements(backend, &data.statements).await?;
    if super::partner::load_identity(backend).await?.is_none() {
        use crate::domain::sample::{SAMPLE_PROOF_ID, SAMPLE_PROOF_PNG, sample_profile};
        backend
            .put_blob(&super::model::Blob {
                id: SAMPLE_PROOF_ID.into(),
                mime: "image/png".into(),
                bytes: SAMPLE_PROOF_PNG.to_vec(),
            })
            .await?;
        let profile = sample_profile();
        save(
            backend,
            Collection::Profiles,
            super::partner::PROFILE,
            &profile,
            None,
        )
        .await?;
        // The header's company name (local mode; a backend derives its session).
        if let Ok(mut s) = backend.session().await {
            s.company_name = Some(profile.company_name.clone());
            let _ = backend.save_session(&s).await;
        }
    }
    replace(backend, Collection::Customers, &data.customers, |c| &c.uin).await?;
    replace(backend, Collection::Settlements, &data.settlements, |s| {
        &s.id
    })
    .await?;
    replace(
        backend,
        Collection::SpecialRebates,
        &data.special_rebates,
        |r| &r.id,
    )
    .await?;
    Ok(())
}

/// The partner's current company name (profile, else none) and the profile's change
/// history, from which the name valid in any month follows
/// (`domain::partner::profile::company_name_in`).
pub async fn company_names(
    backend: &dyn Backend,
) -> Result<
    (
        Option<String>,
        Vec<crate::domain::partner::profile::ChangeRecord>,
    ),
    DataError,
> {
    let profile = super::partner::load_identity(backend)
        .await?
        .map(|p| p.value.company_name)
        .filter(|n| !n.is_empty());
    let history = load::<Vec<crate::domain::partner::profile::ChangeRecord>>(
        backend,
        Collection::Profiles,
        PROFILE_HISTORY,
    )
    .await?
    .map(|h| h.value)
    .unwrap_or_default();
    Ok((profile, history))
}

/// Where the profile's change history is kept (`profiles/history`).
pub use crate::domain::records::ids::PROFILE_HISTORY;
