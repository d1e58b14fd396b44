//! The browser's transport: `fetch` through `gloo-net`, with the bearer token as a header
//! and a timeout by `AbortController`.

use async_trait::async_trait;
use gloo_net::http::RequestBuilder;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use super::transport::{HttpRequest, HttpResponse, Method, Transport};
use crate::data::error::DataError;

/// `fetch` with a token and a timeout.
pub struct FetchTransport {
    /// Sent as `Authorization: Bearer …`; kept in memory only, never logged or stored.
    token: Option<String>,
    timeout_ms: u32,
}

impl FetchTransport {
    /// A transport sending this token (if any), giving up on a request after
    /// `timeout_ms`.
    pub fn new(token: Option<String>, timeout_ms: u32) -> Self {
        FetchTransport {
            token: token.filter(|t| !t.is_empty()),
            timeout_ms,
        }
    }
}

impl std::fmt::Debug for FetchTransport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never print the token.
        f.debug_struct("FetchTransport")
            .field("token", &self.token.as_ref().map(|_| "…"))
            .finish()
    }
}

/// Resolves after `ms` milliseconds.
async fn delay(ms: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms as i32);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

#[async_trait(?Send)]
impl Transport for FetchTransport {
    async fn send(&self, request: &HttpRequest) -> Result<HttpResponse, DataError> {
        let controller = web_sys::AbortController::new().map_err(|_| DataError::Offline)?;
        let abort = {
            let controller = controller.clone();
            Closure::once_into_js(move || controller.abort())
        };
        let timer = web_sys::window().and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(
                abort.unchecked_ref(),
                self.timeout_ms as i32,
            )
            .ok()
        });
        let mut builder = match request.method {
            Method::Get => RequestBuilder::new(&request.url).method(gloo_net::http::Method::GET),
            Method::Post => RequestBuilder::new(&request.url).method(gloo_net::http::Method::POST),
            Method::Put => RequestBuilder::new(&request.url).method(gloo_net::http::Method::PUT),
            Method::Delete => {
                RequestBuilder::new(&request.url).method(gloo_net::http::Method::DELETE)
            }
        }
        .header("Accept", "application/json")
        .abort_signal(Some(&controller.signal()));
        if let Some(token) = &self.token {
            builder = builder.header("Authorization", &format!("Bearer {token}"));
        }
        if let Some(rev) = &request.if_match {
            builder = builder.header("If-Match", rev);
        }
        let built = match &request.body {
            Some(body) => builder
                .header("Content-Type", "application/json")
                .body(body.as_str()),
            None => builder.build(),
        };
        let outcome = async {
            let response = built
                .map_err(|e| DataError::Storage(e.to_string()))?
                .send()
                .await
                .map_err(|_| DataError::Offline)?;
            let status = response.status();
            let body = response.text().await.map_err(|_| DataError::Offline)?;
            Ok(HttpResponse { status, body })
        }
        .await;
        if let (Some(id), Some(w)) = (timer, web_sys::window()) {
            w.clear_timeout_with_handle(id);
        }
        outcome
    }

    async fn sleep(&self, ms: u32) {
        delay(ms).await;
    }
}
