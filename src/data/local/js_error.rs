//! Browser errors as text, without `JsValue`'s `Debug` (which formats numbers as floats
//! and so brings 14 KB of float printing into the wasm).

use wasm_bindgen::{JsCast, JsValue};

/// The message of a thrown value: an exception's name and message, or a string.
pub fn js_message(value: &JsValue) -> String {
    if let Some(dom) = value.dyn_ref::<web_sys::DomException>() {
        return format!("{}: {}", dom.name(), dom.message());
    }
    if let Some(err) = value.dyn_ref::<js_sys::Error>() {
        return String::from(err.message());
    }
    value
        .as_string()
        .unwrap_or_else(|| "unknown browser error".to_string())
}
