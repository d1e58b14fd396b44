//! An image upload (business licence, bank account proof): JPG or PNG by content, at most
//! 2 MiB, with a thumbnail, replace and remove. The file goes to IndexedDB at once, so a
//! reload finds it.

use leptos::prelude::*;

use crate::data::Blob;
use crate::domain::common::file::{FileError, FileKind, MAX_IMAGE_BYTES, check_image};
use crate::i18n::*;
use crate::ui::I18n;
use crate::ui::components::error_message;
use crate::ui::context::AppContext;

/// A size in bytes as people read it: `3.0 MB`, `512 KB`. Integer arithmetic, rounded to
/// one decimal (float formatting would add 14 KB to the wasm).
pub fn human_size(bytes: usize) -> String {
    if bytes >= 1024 * 1024 {
        let tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024);
        format!("{}.{} MB", tenths / 10, tenths % 10)
    } else if bytes >= 1024 {
        format!("{} KB", bytes.div_ceil(1024))
    } else {
        format!("{bytes} B")
    }
}

/// A size to the byte with thousands separators: `2,097,153 B`.
pub fn exact_size(bytes: usize) -> String {
    format!(
        "{} B",
        crate::domain::common::text::group_thousands(&bytes.to_string())
    )
}

/// Why a file was refused, naming the rule, the real type and the real size.
pub fn file_error_message(i18n: I18n, e: &FileError) -> String {
    let kind = |k: &FileKind| match k {
        FileKind::Unknown => t_string!(i18n, upload.unknown_type).to_string(),
        k => k.label().to_string(),
    };
    match e {
        FileError::Empty => t_string!(i18n, upload.empty).to_string(),
        FileError::Damaged { found, size } => t_string!(
            i18n,
            upload.damaged,
            kind = kind(found),
            size = human_size(*size)
        )
        .to_string(),
        FileError::NotAnImage { found, size } => t_string!(
            i18n,
            upload.not_image,
            kind = kind(found),
            size = human_size(*size)
        )
        .to_string(),
        FileError::TooLarge { found, size, max } => {
            // Rounded sizes that read the same ("2.0 MB" over "2.0 MB") say nothing: then
            // both are given to the byte.
            let (size, max) = match (human_size(*size), human_size(*max)) {
                (s, m) if s == m => (exact_size(*size), exact_size(*max)),
                pair => pair,
            };
            t_string!(
                i18n,
                upload.too_large,
                kind = kind(found),
                size = size,
                max = max
            )
            .to_string()
        }
    }
}

/// A URL to show a stored image: only a PNG or JPEG by its bytes, typed as what the bytes
/// are — never the type it was stored with, so nothing else is ever shown inline from the
/// app's origin (an HTML or SVG file dressed as an image would run script there).
fn object_url(blob: &Blob) -> Option<String> {
    let kind = FileKind::sniff(&blob.bytes);
    if !matches!(kind, FileKind::Jpeg | FileKind::Png) {
        return None;
    }
    let b = super::browser::blob_of(&blob.bytes, kind.mime())?;
    web_sys::Url::create_object_url_with_blob(&b).ok()
}

/// A new random-enough id for a stored file.
fn new_blob_id(prefix: &str) -> String {
    format!(
        "{prefix}-{}-{}",
        js_sys::Date::now() as u64,
        (js_sys::Math::random() * 1e9) as u64
    )
}

/// The upload control.
#[component]
pub fn ImageUpload(
    /// The file input's id.
    id: &'static str,
    /// The label text.
    #[prop(into)]
    label: Signal<String>,
    /// The stored file's id, if one is chosen.
    #[prop(into)]
    value: Signal<Option<String>>,
    /// Called with the new file id (or `None` when removed).
    on_change: Callback<Option<String>>,
    /// The form's message for this field (e.g. required).
    #[prop(into)]
    error: Signal<Option<String>>,
    /// Prefix for new file ids.
    prefix: &'static str,
    /// Marks the field as required.
    #[prop(optional)]
    required: bool,
    /// Read-only.
    #[prop(optional, into)]
    disabled: Signal<bool>,
    /// Keep the replaced file: it is still referenced until the form is saved (the
    /// profile's bank proof, whose change history names it).
    #[prop(optional)]
    keep_previous: bool,
    /// Counts uploads in progress, so a form can wait for them (the wizard's "next").
    #[prop(optional)]
    uploading: Option<RwSignal<u32>>,
) -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let refused = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);

    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = crate::ui::components::browser::file_input(&ev) else {
            return;
        };
        busy.set(true);
        if let Some(n) = uploading {
            n.update(|n| *n += 1);
        }
        // Read before waiting: the form may be gone once the file is stored.
        let previous = value.get_untracked();
        leptos::task::spawn_local(async move {
            let outcome = match super::browser::chosen_bytes(&input).await {
                None => Err(t_string!(i18n, error.file_read).to_string()),
                Some(bytes) => match check_image(&bytes) {
                    Err(e) => Err(file_error_message(i18n, &e)),
                    Ok(kind) if !super::browser::decodes_as_image(&bytes, kind.mime()).await => {
                        Err(file_error_message(
                            i18n,
                            &FileError::Damaged {
                                found: kind,
                                size: bytes.len(),
                            },
                        ))
                    }
                    Ok(kind) => {
                        let blob = Blob {
                            id: new_blob_id(prefix),
                            mime: kind.mime().to_string(),
                            bytes,
                        };
                        let backend = ctx.backend();
                        match backend.put_blob(&blob).await {
                            Ok(()) => {
                                if let Some(old) = previous
                                    && !keep_previous
                                {
                                    let _ = backend.delete_blob(&old).await;
                                }
                                Ok(blob.id)
                            }
                            Err(e) => Err(error_message(i18n, &e)),
                        }
                    }
                },
            };
            match outcome {
                Ok(id) => {
                    refused.set(None);
                    // The form may have moved on (the wizard's "next" waits for this
                    // upload, then leaves the step): the file is stored all the same.
                    let _ = on_change.try_run(Some(id));
                }
                // The previous file (if any) stays: a refused upload never loses one.
                Err(msg) => refused.set(Some(msg)),
            }
            input.set_value("");
            let _ = busy.try_set(false);
            if let Some(n) = uploading {
                let _ = n.try_update(|n| *n = n.saturating_sub(1));
            }
        });
    };

    let remove = move |_| {
        if let Some(old) = value.get_untracked()
            && !keep_previous
        {
            let backend = ctx.backend();
            leptos::task::spawn_local(async move {
                let _ = backend.delete_blob(&old).await;
            });
        }
        refused.set(None);
        on_change.run(None);
    };

    let shown_error = Signal::derive(move || refused.get().or_else(|| error.get()));
    view! {
        <div class="pc-field pc-upload">
            <label for=id class="pc-label">
                {move || label.get()}
                {crate::ui::components::field::required_mark(required)}
            </label>
            <p id=format!("{id}-hint") class="pc-hint">{t!(i18n, upload.hint, max = human_size(MAX_IMAGE_BYTES))}</p>
            <StoredImage
                blob_id=value
                alt=Signal::derive(move || t_string!(i18n, upload.preview_alt, name = label.get()).to_string())
            />
            <div class="pc-actions">
                <super::FilePicker id accept="image/png,image/jpeg,.png,.jpg,.jpeg"
                    choose=Signal::derive(move || t_string!(i18n, upload.choose_image).to_string())
                    on_change=on_file
                    described_by=format!("{id}-hint {id}-error")
                    disabled=Signal::derive(move || disabled.get() || busy.get())/>
                {move || (value.with(Option::is_some) && !disabled.get()).then(|| view! {
                    <button type="button" class="pc-button pc-button-quiet" on:click=remove>{crate::ui::tr(i18n, |i| t_string!(i, upload.remove))}</button>
                })}
            </div>
            {move || busy.get().then(|| view! { <p class="pc-muted" role="status">{crate::ui::tr(i18n, |i| t_string!(i, upload.saving))}</p> })}
            <p id=format!("{id}-error") class="pc-field-error" role=move || refused.with(Option::is_some).then_some("alert")>
                {move || shown_error.get()}
            </p>
        </div>
    }
}

/// A stored image shown read-only (review pages).
#[component]
pub fn StoredImage(
    /// The stored file's id.
    #[prop(into)]
    blob_id: Signal<Option<String>>,
    /// The image's text alternative.
    #[prop(into)]
    alt: Signal<String>,
) -> impl IntoView {
    let ctx = AppContext::get();
    let url = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        let id = blob_id.get();
        let backend = ctx.backend();
        leptos::task::spawn_local(async move {
            let new = match id {
                Some(id) => backend
                    .get_blob(&id)
                    .await
                    .ok()
                    .flatten()
                    .and_then(|b| object_url(&b)),
                None => None,
            };
            // The image may have left the page while the file was read.
            if url.is_disposed() {
                if let Some(u) = new {
                    let _ = web_sys::Url::revoke_object_url(&u);
                }
                return;
            }
            if let Some(old) = url.get_untracked() {
                let _ = web_sys::Url::revoke_object_url(&old);
            }
            url.set(new);
        });
    });
    on_cleanup(move || {
        if let Some(old) = url.try_get_untracked().flatten() {
            let _ = web_sys::Url::revoke_object_url(&old);
        }
    });
    move || {
        url.get()
            .map(|u| view! { <img class="pc-thumb" src=u alt=move || alt.get()/> })
    }
}
