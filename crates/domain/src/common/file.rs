//! Uploaded images (business licence, bank account proof), judged by content (RULES §Files).

use serde::{Deserialize, Serialize};

/// The largest upload accepted: 2 MiB.
pub const MAX_IMAGE_BYTES: usize = 2 * 1024 * 1024;

/// What a file really is, from its first bytes. Only JPEG and PNG are accepted; the rest
/// exist so a refusal can say what the file actually was.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FileKind {
    /// JPEG image.
    Jpeg,
    /// PNG image.
    Png,
    /// GIF image.
    Gif,
    /// WebP image.
    Webp,
    /// BMP image.
    Bmp,
    /// PDF document.
    Pdf,
    /// ZIP container (also DOCX, XLSX).
    Zip,
    /// Anything else.
    Unknown,
}

impl FileKind {
    /// Detects the kind from magic bytes; the file name's extension is never trusted.
    pub fn sniff(bytes: &[u8]) -> FileKind {
        match bytes {
            [0xFF, 0xD8, 0xFF, ..] => FileKind::Jpeg,
            [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, ..] => FileKind::Png,
            [b'G', b'I', b'F', b'8', ..] => FileKind::Gif,
            [
                b'R',
                b'I',
                b'F',
                b'F',
                _,
                _,
                _,
                _,
                b'W',
                b'E',
                b'B',
                b'P',
                ..,
            ] => FileKind::Webp,
            [b'B', b'M', ..] => FileKind::Bmp,
            [b'%', b'P', b'D', b'F', ..] => FileKind::Pdf,
            [b'P', b'K', 0x03, 0x04, ..] => FileKind::Zip,
            _ => FileKind::Unknown,
        }
    }

    /// The MIME type to store and serve the file with.
    pub fn mime(self) -> &'static str {
        match self {
            FileKind::Jpeg => "image/jpeg",
            FileKind::Png => "image/png",
            FileKind::Gif => "image/gif",
            FileKind::Webp => "image/webp",
            FileKind::Bmp => "image/bmp",
            FileKind::Pdf => "application/pdf",
            FileKind::Zip => "application/zip",
            FileKind::Unknown => "application/octet-stream",
        }
    }

    /// A short name for messages ("PDF", "PNG" …).
    pub fn label(self) -> &'static str {
        match self {
            FileKind::Jpeg => "JPEG",
            FileKind::Png => "PNG",
            FileKind::Gif => "GIF",
            FileKind::Webp => "WebP",
            FileKind::Bmp => "BMP",
            FileKind::Pdf => "PDF",
            FileKind::Zip => "ZIP",
            FileKind::Unknown => "?",
        }
    }
}

/// Why an upload was refused; each carries the file's real type and size.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FileError {
    /// An empty file.
    #[error("the file is empty")]
    Empty,
    /// Not a JPEG or PNG by content.
    #[error("only JPG or PNG; this file is {found:?} ({size} bytes)")]
    NotAnImage {
        /// What the content really is.
        found: FileKind,
        /// Its size in bytes.
        size: usize,
    },
    /// Larger than 2 MiB.
    #[error("at most {max} bytes; this {found:?} is {size} bytes")]
    TooLarge {
        /// What the content really is.
        found: FileKind,
        /// Its size in bytes.
        size: usize,
        /// The limit.
        max: usize,
    },
    /// Starts like a JPEG or PNG but does not open as an image (damaged, or another file
    /// dressed up with an image's first bytes). Decoding is the browser's: the check
    /// that finds it is outside this module.
    #[error("this {found:?} ({size} bytes) does not open as an image")]
    Damaged {
        /// What the first bytes claim.
        found: FileKind,
        /// Its size in bytes.
        size: usize,
    },
}

/// Accepts a JPEG or PNG of at most 2 MiB and returns its real kind. The type rule is
/// checked first: a 3 MiB PDF is refused for being a PDF.
pub fn check_image(bytes: &[u8]) -> Result<FileKind, FileError> {
    if bytes.is_empty() {
        return Err(FileError::Empty);
    }
    let kind = FileKind::sniff(bytes);
    if !matches!(kind, FileKind::Jpeg | FileKind::Png) {
        return Err(FileError::NotAnImage {
            found: kind,
            size: bytes.len(),
        });
    }
    if bytes.len() > MAX_IMAGE_BYTES {
        return Err(FileError::TooLarge {
            found: kind,
            size: bytes.len(),
            max: MAX_IMAGE_BYTES,
        });
    }
    Ok(kind)
}
