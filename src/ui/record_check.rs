//! The check that a stored record reads as its type (`data::shapes::check`) holds every
//! record type's parser: alone it was a third of the settings page's code. It is a module
//! of its own, fetched once the settings page has drawn (for the problem list's sweep) or
//! when a backup is restored, so the page itself arrives without it.

use leptos::wasm_split::SplitLoaderError;

use crate::data::shapes::RecordCheck;

/// The record check, once its module is there.
pub async fn load() -> Result<RecordCheck, SplitLoaderError> {
    check_in_module().await
}

#[cfg(feature = "split")]
#[leptos::wasm_split::wasm_split(record_check, wasm_split_path = ::leptos::wasm_split, fallible)]
fn check_in_module() -> Result<RecordCheck, SplitLoaderError> {
    Ok(crate::data::shapes::check)
}

#[cfg(not(feature = "split"))]
async fn check_in_module() -> Result<RecordCheck, SplitLoaderError> {
    Ok(crate::data::shapes::check)
}
