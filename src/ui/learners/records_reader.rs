//! The learning-records file reader (the CSV parser and the file's rules) is a module of
//! its own (`split_records_csv`), fetched when a file is chosen: most visits to the
//! learners page import nothing.

use crate::domain::learning::learner::{RecordImport, RecordLineProblem};

/// Reads a records file against the known learner ids (`read_records_csv`).
pub type ReadRecords = fn(&str, &[String]) -> Result<RecordImport, RecordLineProblem>;

on_demand!(records_csv, load: ReadRecords = crate::domain::learning::learner::read_records_csv);
