//! The check that a stored record reads as its type (`data::shapes::check`) holds every
//! record type's parser: alone it was half of the settings page's code. It is a module
//! of its own (`split_record_check`), fetched once the settings page has drawn (for the
//! problem list's sweep) or when a backup is restored, so the page arrives without it.

on_demand!(record_check, load: crate::data::shapes::RecordCheck = crate::data::shapes::check);
