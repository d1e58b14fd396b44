//! The workbench (企业工作台): what needs someone now (to-dos computed from the stored
//! state) and whether the money agrees (self-reconciliation, 主动对账).

pub mod ics;
pub mod month_status;
pub mod reconciliation;
pub mod standing;
pub mod summary;
pub mod todo;
pub mod todos;
