//! Code that only an action needs (checking every stored record, reading a records file)
//! goes into a module of its own, fetched when the action first happens: the page that
//! offers the action arrives without it.

/// Declares `pub async fn $load() -> Result<$ty, SplitLoaderError>`, giving `$value`.
/// With the `split` feature `$value` and everything only it reaches are cut into the
/// module `split_$name`, fetched on the first call (a failed fetch is an error, not a
/// panic, and is tried again on the next call); without it, the value is at hand.
macro_rules! on_demand {
    ($name:ident, $load:ident: $ty:ty = $value:expr) => {
        #[cfg(feature = "split")]
        #[leptos::wasm_split::wasm_split($name, wasm_split_path = ::leptos::wasm_split, fallible)]
        fn $name() -> Result<$ty, leptos::wasm_split::SplitLoaderError> {
            Ok($value)
        }

        #[cfg(not(feature = "split"))]
        async fn $name() -> Result<$ty, leptos::wasm_split::SplitLoaderError> {
            Ok($value)
        }

        /// The value, once its module is there.
        pub async fn $load() -> Result<$ty, leptos::wasm_split::SplitLoaderError> {
            $name().await
        }
    };
}
