//! Money: the CNY amount, months and working days, customers, rebate statements and
//! their CSV, special rebates, settlement sheets, the invoice and its tax.

pub mod calendar;
pub mod cny;
pub mod customer;
pub mod invoice;
pub mod month;
pub mod settlement;
pub mod special_rebate;
pub mod statement;
pub mod statement_csv;
pub mod statement_export;
pub mod statement_view;
pub mod tax;
