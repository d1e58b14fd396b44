//! What every subject uses: roles and permissions, languages, contacts and the USCC,
//! keys for choices, state-machine histories, CSV cells, files and text, the glossary's
//! synonyms.

pub mod contact;
pub mod contact_and_bank;
pub mod csv;
pub mod file;
pub mod glossary;
pub mod iso;
pub mod keyed;
pub mod lang;
pub mod order;
pub mod role;
pub mod text;
pub mod transition;
pub mod uscc;
