//! Small browser interactions several features share: reading the chosen file, asking for
//! confirmation.

use wasm_bindgen::JsCast;

/// The file input an event came from.
pub fn file_input(ev: &leptos::ev::Event) -> Option<web_sys::HtmlInputElement> {
    ev.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()
}

/// Bytes of a file read at a time: a 100 MB statements file is copied into the page in
/// pieces, each a short task, instead of one that freezes the page for a second.
const READ_SLICE: f64 = 4.0 * 1024.0 * 1024.0;

/// The first chosen file, read a piece at a time.
pub struct FilePieces {
    file: web_sys::File,
    size: f64,
    at: f64,
}

impl FilePieces {
    /// The input's first chosen file.
    pub fn of(input: &web_sys::HtmlInputElement) -> Option<Self> {
        let file = input.files()?.get(0)?;
        let size = file.size();
        Some(FilePieces {
            file,
            size,
            at: 0.0,
        })
    }

    /// The file's size in bytes.
    pub fn size(&self) -> usize {
        self.size as usize
    }

    /// No piece is left.
    pub fn done(&self) -> bool {
        self.at >= self.size
    }

    /// The next piece's bytes (empty once all are read); `None` if the browser cannot
    /// read the file.
    pub async fn next(&mut self) -> Option<Vec<u8>> {
        let end = (self.at + READ_SLICE).min(self.size);
        let part = self.file.slice_with_f64_and_f64(self.at, end).ok()?;
        let buffer = wasm_bindgen_futures::JsFuture::from(part.array_buffer())
            .await
            .ok()?;
        self.at = end;
        Some(js_sys::Uint8Array::new(&buffer).to_vec())
    }
}

/// The first chosen file's bytes.
pub async fn chosen_bytes(input: &web_sys::HtmlInputElement) -> Option<Vec<u8>> {
    let mut pieces = FilePieces::of(input)?;
    let mut bytes = Vec::with_capacity(pieces.size());
    while !pieces.done() {
        bytes.extend_from_slice(&pieces.next().await?);
    }
    Some(bytes)
}

/// The bytes as a browser `Blob` of this MIME type.
pub fn blob_of(bytes: &[u8], mime: &str) -> Option<web_sys::Blob> {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()
}

/// Whether the browser can decode the bytes as an image of this type (its own decoder,
/// the one that would draw it): a file that only starts like a PNG fails here.
pub async fn decodes_as_image(bytes: &[u8], mime: &str) -> bool {
    let (Some(window), Some(blob)) = (web_sys::window(), blob_of(bytes, mime)) else {
        return false;
    };
    match window.create_image_bitmap_with_blob(&blob) {
        Ok(promise) => wasm_bindgen_futures::JsFuture::from(promise).await.is_ok(),
        Err(_) => false,
    }
}

/// Why a chosen file gave no text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoText {
    /// The browser could not read it.
    Unreadable,
    /// Its bytes are not UTF-8 text (a spreadsheet, an image, a GBK-encoded CSV).
    NotUtf8,
}

/// The first chosen file as text, as `domain::common::text::file_text` reads it (not the
/// browser's lenient `text()`).
pub async fn chosen_text(input: &web_sys::HtmlInputElement) -> Result<String, NoText> {
    let bytes = chosen_bytes(input).await.ok_or(NoText::Unreadable)?;
    crate::domain::common::text::file_text(bytes).map_err(|_| NoText::NotUtf8)
}

/// Asks the user to confirm; `false` if they decline or the browser cannot ask.
pub fn confirm(message: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.confirm_with_message(message).ok())
        .unwrap_or(false)
}

/// Puts text on the clipboard; `false` when the browser refuses (no permission, no
/// secure context) so the caller can say so.
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

pub use crate::data::turn::yield_to_page;

/// Marks the start of a measured operation (see [`measure_end`]).
pub fn measure_start(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(&format!("{name}:start"));
    }
}

/// Records a `performance.measure` entry from [`measure_start`] to now, which the
/// benchmark reads (the app itself shows no timings).
pub fn measure_end(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.measure_with_start_mark(name, &format!("{name}:start"));
    }
}
