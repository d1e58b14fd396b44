//! One HTTP exchange, as plain data, so the remote backend's logic runs the same over the
//! browser's `fetch` and over an in-memory server in native tests.

use async_trait::async_trait;

use crate::data::error::DataError;

/// The HTTP methods the contract uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// Reads.
    Get,
    /// Creates.
    Post,
    /// Replaces.
    Put,
    /// Removes.
    Delete,
}

impl Method {
    /// Reads may be retried; writes never are (a retried POST could create twice).
    pub fn idempotent_read(self) -> bool {
        self == Method::Get
    }

    /// The method's name on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Delete => "DELETE",
        }
    }
}

/// A request to the backend. The token is added by the transport, never kept here, so a
/// request can be logged or shown without leaking it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HttpRequest {
    /// The method.
    pub method: Method,
    /// The full URL.
    pub url: String,
    /// The `If-Match` revision, for guarded writes.
    pub if_match: Option<String>,
    /// The JSON body.
    pub body: Option<String>,
}

impl HttpRequest {
    /// A request without body or guard.
    pub fn new(method: Method, url: String) -> Self {
        HttpRequest {
            method,
            url,
            if_match: None,
            body: None,
        }
    }
}

/// What the server answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HttpResponse {
    /// The status code.
    pub status: u16,
    /// The body as text.
    pub body: String,
}

/// Sends requests. `Err` means the server was not reached at all (offline, timed out,
/// refused): [`DataError::Offline`].
#[async_trait(?Send)]
pub trait Transport {
    /// Sends one request and reads the whole answer.
    async fn send(&self, request: &HttpRequest) -> Result<HttpResponse, DataError>;

    /// Waits before a retry (the browser's timer; tests return at once).
    async fn sleep(&self, ms: u32);
}

/// A transport that reports each request's start (+1) and end (−1), so the UI can show
/// that it is waiting for the server.
pub struct Observed {
    inner: std::rc::Rc<dyn Transport>,
    on_change: std::rc::Rc<dyn Fn(i32)>,
}

impl Observed {
    /// Wraps `inner`, calling `on_change` around every request.
    pub fn new(inner: std::rc::Rc<dyn Transport>, on_change: std::rc::Rc<dyn Fn(i32)>) -> Self {
        Observed { inner, on_change }
    }
}

#[async_trait(?Send)]
impl Transport for Observed {
    async fn send(&self, request: &HttpRequest) -> Result<HttpResponse, DataError> {
        (self.on_change)(1);
        let result = self.inner.send(request).await;
        (self.on_change)(-1);
        result
    }

    async fn sleep(&self, ms: u32) {
        // Waiting to retry is waiting for the server too.
        (self.on_change)(1);
        self.inner.sleep(ms).await;
        (self.on_change)(-1);
    }
}
