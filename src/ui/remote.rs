//! Remote mode's code (HTTP transport, retries, drafts of failed saves) is a module of its
//! own, fetched only when the console talks to a server: a console in local mode — the
//! default, and most visits — never downloads it.

use leptos::wasm_split::SplitLoaderError;
use std::rc::Rc;

use crate::data::Backend;

/// What remote mode is opened with.
pub struct RemoteArgs {
    /// The server's base URL (already checked).
    pub base_url: String,
    /// The bearer token, kept in memory only.
    pub token: Option<String>,
    /// Hears of every request's start (+1) and end (−1).
    pub activity: Rc<dyn Fn(i32)>,
}

/// Remote mode over `fetch`, once its module is there. Boxed on both sides: a split
/// point's arguments and result cross a plain function-call boundary between modules.
pub async fn open(args: RemoteArgs) -> Result<Rc<dyn Backend>, SplitLoaderError> {
    open_in_module(Box::new(args)).await.map(|b| *b)
}

#[cfg(feature = "split")]
#[leptos::wasm_split::wasm_split(remote, wasm_split_path = ::leptos::wasm_split, fallible)]
fn open_in_module(args: Box<RemoteArgs>) -> Result<Box<Rc<dyn Backend>>, SplitLoaderError> {
    Ok(Box::new(build(*args)))
}

#[cfg(not(feature = "split"))]
async fn open_in_module(args: Box<RemoteArgs>) -> Result<Box<Rc<dyn Backend>>, SplitLoaderError> {
    Ok(Box::new(build(*args)))
}

fn build(args: RemoteArgs) -> Rc<dyn Backend> {
    Rc::new(crate::data::remote::open_remote(
        &args.base_url,
        args.token,
        args.activity,
    ))
}
