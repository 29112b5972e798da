//! Reading a source file: size limit, binary and encoding checks, hashing.

use crate::{IngestError, SourceFile};
use sha2::{Digest, Sha256};
use std::path::Path;

/// Largest source file accepted, in bytes. Official documents as text are well under 2 MB.
pub const MAX_SOURCE_BYTES: u64 = 20 * 1024 * 1024;

/// Reads and checks a source file: it must exist, be at most [`MAX_SOURCE_BYTES`], be text
/// (no NUL or control bytes), valid UTF-8 and not empty. A UTF-8 byte-order mark is dropped.
pub fn read_source(path: &Path) -> Result<(SourceFile, String), IngestError> {
    let shown = path.display().to_string();
    let io = |source| IngestError::Io { path: shown.clone(), source };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_SOURCE_BYTES {
        return Err(IngestError::TooLarge { path: shown, size, limit: MAX_SOURCE_BYTES });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    let file_name = path.file_name().map_or_else(|| shown.clone(), |n| n.to_string_lossy().into_owned());
    let text = decode(&shown, &bytes)?;
    Ok((source_of_bytes(&file_name, &shown, &bytes), text))
}

/// Describes bytes as a source (hash and size).
pub(crate) fn source_of_bytes(file_name: &str, path: &str, bytes: &[u8]) -> SourceFile {
    SourceFile {
        file_name: file_name.to_owned(),
        path: path.to_owned(),
        sha256: hex::encode(Sha256::digest(bytes)),
        byte_size: bytes.len() as u64,
    }
}

/// Checks that bytes are non-empty UTF-8 text and decodes them.
pub(crate) fn decode(path: &str, bytes: &[u8]) -> Result<String, IngestError> {
    let line_at = |offset: usize| 1 + bytes[..offset].iter().filter(|&&b| b == b'\n').count() as u32;
    if let Some(offset) = bytes.iter().position(|&b| is_binary_byte(b)) {
        return Err(IngestError::Binary {
            path: path.into(),
            line: line_at(offset),
            offset: offset as u64,
            byte: bytes[offset],
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| match e.error_len() {
        // The bytes stop inside a character: the file was cut off.
        None => IngestError::Malformed {
            path: path.into(),
            line: line_at(e.valid_up_to()),
            message: "the file ends in the middle of a UTF-8 character: it looks truncated".into(),
        },
        Some(_) => {
            IngestError::NotUtf8 { path: path.into(), line: line_at(e.valid_up_to()), offset: e.valid_up_to() as u64 }
        }
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(IngestError::Empty { path: path.into() });
    }
    Ok(text.to_owned())
}

/// Control bytes that never occur in extracted document text (tab, LF, CR and form feed do).
fn is_binary_byte(b: u8) -> bool {
    matches!(b, 0x00..=0x08 | 0x0e..=0x1a | 0x1c..=0x1f | 0x7f)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(bytes: &[u8], expected: Result<&str, &str>) {
        let got = decode("f.txt", bytes).map_err(|e| e.to_string());
        match expected {
            Ok(text) => assert_eq!(got.as_deref(), Ok(text)),
            Err(fragment) => {
                let message = got.expect_err("should fail");
                assert!(message.contains(fragment), "{message:?} lacks {fragment:?}");
            }
        }
    }

    #[test]
    fn decoding() {
        check("مقرر\n".as_bytes(), Ok("مقرر\n"));
        check(b"\xef\xbb\xbfDecision", Ok("Decision"));
        check(b"", Err("f.txt: the file is empty"));
        check(b" \n\t\n", Err("the file is empty"));
        check(b"line one\nline \x00two", Err("f.txt:2: binary content (byte 0x00"));
        check(b"PK\x03\x04zip", Err("f.txt:1: binary content (byte 0x03"));
        check(b"ok\nok\n\xff\xfe bad", Err("f.txt:3: not valid UTF-8"));
        check("caf\u{e9}".as_bytes(), Ok("caf\u{e9}"));
        check(b"caf\xe9 latin-1", Err("f.txt:1: not valid UTF-8 (at byte offset 3)"));
        check(
            "ok\nمقرر".as_bytes().split_last().unwrap().1,
            Err("f.txt:2: the file ends in the middle of a UTF-8 character"),
        );
    }
}
