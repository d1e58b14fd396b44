//! The stored form of statement rows: the texts and ratios a run of rows uses, then each
//! column as little-endian numbers. Reading it back builds the table without parsing a
//! line of text — a million stored rows are read in a fraction of the time their CSV
//! took — and bytes that are not a whole, consistent run of rows are refused whole.

use rust_decimal::Decimal;
use std::ops::Range;

use super::{POSTPAID, SPECIAL, StatementTable};

/// The first byte of the form, so that a later form can be told apart.
const FORM: u8 = 1;

/// Why stored rows could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("stored statement rows are damaged ({0})")]
pub struct Damaged(pub &'static str);

/// Numbers shared in a run: each table number used gets a local number, in first use.
struct Local {
    of: Vec<u32>,
    used: Vec<u32>,
}

impl Local {
    fn new(len: usize) -> Self {
        Local {
            of: vec![u32::MAX; len],
            used: Vec::new(),
        }
    }

    fn number(&mut self, n: u32) -> u32 {
        let slot = &mut self.of[n as usize];
        if *slot == u32::MAX {
            *slot = self.used.len() as u32;
            self.used.push(n);
        }
        *slot
    }
}

fn put_u32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put_text(out: &mut Vec<u8>, text: &str) {
    put_u32(out, text.len() as u32);
    out.extend_from_slice(text.as_bytes());
}

/// Reads the form front to back.
struct Cursor<'b> {
    bytes: &'b [u8],
}

impl<'b> Cursor<'b> {
    fn take(&mut self, n: usize, what: &'static str) -> Result<&'b [u8], Damaged> {
        if self.bytes.len() < n {
            return Err(Damaged(what));
        }
        let (head, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Ok(head)
    }

    fn u32(&mut self, what: &'static str) -> Result<u32, Damaged> {
        let b = self.take(4, what)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn text(&mut self, what: &'static str) -> Result<&'b str, Damaged> {
        let len = self.u32(what)? as usize;
        std::str::from_utf8(self.take(len, what)?).map_err(|_| Damaged(what))
    }

    /// `n` numbers of `N` bytes each, converted.
    fn column<const N: usize, T>(
        &mut self,
        n: usize,
        what: &'static str,
        from: impl Fn([u8; N]) -> T,
    ) -> Result<Vec<T>, Damaged> {
        let bytes = self.take(n.checked_mul(N).ok_or(Damaged(what))?, what)?;
        Ok(bytes
            .chunks_exact(N)
            .map(|c| {
                let mut a = [0u8; N];
                a.copy_from_slice(c);
                from(a)
            })
            .collect())
    }
}

impl StatementTable {
    /// Rows `range` in their stored form.
    pub fn encode(&self, range: Range<usize>) -> Vec<u8> {
        let rows = range.clone();
        let mut texts = Local::new(self.texts.all.len());
        let mut ratios = Local::new(self.ratios.all.len());
        let text_column = |column: &[u32], texts: &mut Local| -> Vec<u32> {
            column[rows.clone()]
                .iter()
                .map(|&n| texts.number(n))
                .collect()
        };
        let uin = text_column(&self.uin, &mut texts);
        let name = text_column(&self.name, &mut texts);
        let product = text_column(&self.product, &mut texts);
        let sub_product = text_column(&self.sub_product, &mut texts);
        let ratio: Vec<u32> = self.ratio[range.clone()]
            .iter()
            .map(|&n| ratios.number(n))
            .collect();
        let mut out = vec![FORM];
        put_u32(&mut out, texts.used.len() as u32);
        for &n in &texts.used {
            put_text(&mut out, &self.texts.all[n as usize]);
        }
        put_u32(&mut out, ratios.used.len() as u32);
        for &n in &ratios.used {
            put_text(&mut out, &self.ratios.all[n as usize].to_string());
        }
        put_u32(&mut out, range.len() as u32);
        out.extend(
            self.month[range.clone()]
                .iter()
                .flat_map(|m| m.to_le_bytes()),
        );
        for column in [&uin, &name, &product, &sub_product, &ratio] {
            out.extend(column.iter().flat_map(|n| n.to_le_bytes()));
        }
        out.extend_from_slice(&self.flags[range.clone()]);
        out.extend(
            self.consumption[range.clone()]
                .iter()
                .flat_map(|a| a.to_le_bytes()),
        );
        out.extend(self.rebate[range].iter().flat_map(|a| a.to_le_bytes()));
        out
    }

    /// Appends rows read from their stored form and returns how many; damaged bytes
    /// append nothing.
    pub fn append_encoded(&mut self, bytes: &[u8]) -> Result<usize, Damaged> {
        let mut at = Cursor { bytes };
        if at.take(1, "form")? != [FORM] {
            return Err(Damaged("form"));
        }
        let count = at.u32("texts")?;
        let mut texts = Vec::new();
        for _ in 0..count {
            texts.push(at.text("texts")?);
        }
        let count = at.u32("ratios")?;
        let mut ratios = Vec::new();
        for _ in 0..count {
            let text = at.text("ratios")?;
            // Written by `Decimal`'s own `to_string`: never in scientific notation, so the
            // exact reader (without `from_str`'s scientific fallback, 2 KB of wasm) reads it.
            ratios.push(Decimal::from_str_exact(text).map_err(|_| Damaged("ratios"))?);
        }
        let n = at.u32("rows")? as usize;
        let month = at.column(n, "months", i32::from_le_bytes)?;
        let mut text_columns = Vec::new();
        for what in [
            "customer UINs",
            "customer names",
            "products",
            "sub-products",
        ] {
            let column = at.column(n, what, u32::from_le_bytes)?;
            if column.iter().any(|&l| l as usize >= texts.len()) {
                return Err(Damaged(what));
            }
            text_columns.push(column);
        }
        let ratio = at.column(n, "ratios", u32::from_le_bytes)?;
        if ratio.iter().any(|&l| l as usize >= ratios.len()) {
            return Err(Damaged("ratios"));
        }
        let flags = at.column(n, "flags", |[b]: [u8; 1]| b)?;
        if flags.iter().any(|f| f & !(POSTPAID | SPECIAL) != 0) {
            return Err(Damaged("flags"));
        }
        let consumption = at.column(n, "consumption", i64::from_le_bytes)?;
        let rebate = at.column(n, "rebate", i64::from_le_bytes)?;
        if !at.bytes.is_empty() {
            return Err(Damaged("length"));
        }
        // Everything is read and checked (every local number below its count, so the
        // indexing below cannot fail): only now does the table change.
        let text_numbers: Vec<u32> = texts.iter().map(|t| self.texts.number(t)).collect();
        let ratio_numbers: Vec<u32> = ratios.iter().map(|r| self.ratios.number(*r)).collect();
        self.month.extend(month);
        for (column, local) in [
            &mut self.uin,
            &mut self.name,
            &mut self.product,
            &mut self.sub_product,
        ]
        .into_iter()
        .zip(&text_columns)
        {
            column.extend(local.iter().map(|&l| text_numbers[l as usize]));
        }
        self.ratio
            .extend(ratio.iter().map(|&l| ratio_numbers[l as usize]));
        self.flags.extend(flags);
        self.consumption.extend(consumption);
        self.rebate.extend(rebate);
        Ok(n)
    }
}
