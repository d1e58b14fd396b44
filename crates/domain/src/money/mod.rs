//! Money: the CNY amount, months and working days, customers, rebate statements and
//! their CSV, special rebates, settlement sheets, the invoice and its tax.

pub mod calendar;
pub mod cny;
pub mod customer;
pub mod customer_judge;
pub mod invoice_details;
pub mod invoice_preview;
pub mod month;
pub mod settlement;
pub mod special_rebate;
pub mod statement;
pub mod statement_csv;
pub mod statement_table;
pub mod statement_view;
