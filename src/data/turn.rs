//! A turn of the page between pieces of long work, for the data layer and the UI alike.

/// Gives the page back to the browser for one turn (paint, input), then continues: long
/// work runs in slices between these so the page never freezes. Outside a browser
/// (native tests) it returns at once.
pub async fn yield_to_page() {
    #[cfg(target_arch = "wasm32")]
    {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            if let Some(w) = web_sys::window() {
                let _ = w.set_timeout_with_callback(&resolve);
            }
        });
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }
}
