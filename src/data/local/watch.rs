//! Noticing changes made in other tabs: localStorage raises `storage` events by itself;
//! IndexedDB does not, so writers announce on a BroadcastChannel.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

/// The channel name writers announce IndexedDB changes on.
pub const CHANNEL: &str = "partner-console-changes";

/// The channel and the handler attached to it.
type ChannelListener = (
    web_sys::BroadcastChannel,
    Closure<dyn Fn(web_sys::MessageEvent)>,
);

/// A live subscription; dropping it removes every listener it added.
pub struct Watch {
    storage_listener: Option<Closure<dyn Fn(web_sys::StorageEvent)>>,
    channel: Option<ChannelListener>,
}

impl Watch {
    /// Calls `on_change` whenever another tab changes the app's stored data.
    pub fn start(on_change: impl Fn() + Clone + 'static) -> Watch {
        let window = web_sys::window();
        let storage_listener = window.as_ref().map(|w| {
            let cb = on_change.clone();
            let closure =
                Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |e: web_sys::StorageEvent| {
                    // `key` is None when another tab cleared all storage.
                    if e.key().is_none_or(|k| k.starts_with("pc/")) {
                        cb();
                    }
                });
            let _ = w.add_event_listener_with_callback("storage", closure.as_ref().unchecked_ref());
            closure
        });
        let channel = web_sys::BroadcastChannel::new(CHANNEL).ok().map(|ch| {
            let closure = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |_| on_change());
            ch.set_onmessage(Some(closure.as_ref().unchecked_ref()));
            (ch, closure)
        });
        Watch {
            storage_listener,
            channel,
        }
    }
}

/// Tells other tabs that IndexedDB data changed.
pub fn announce_change() {
    if let Ok(ch) = web_sys::BroadcastChannel::new(CHANNEL) {
        let _ = ch.post_message(&wasm_bindgen::JsValue::from_str("changed"));
        ch.close();
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        if let (Some(w), Some(closure)) = (web_sys::window(), self.storage_listener.as_ref()) {
            let _ =
                w.remove_event_listener_with_callback("storage", closure.as_ref().unchecked_ref());
        }
        if let Some((ch, _)) = self.channel.take() {
            ch.set_onmessage(None);
            ch.close();
        }
    }
}
