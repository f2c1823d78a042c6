//! Decoding: turns a file's bytes into text, once, before any parser sees it.
//!
//! Order of evidence: a byte-order mark wins (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE); then the encoding the caller
//! found declared in the file (XML prolog `encoding="…"`, PO header `charset=`), except that bytes
//! which are valid UTF-8 with non-ASCII characters are read as UTF-8 whatever the declaration (a
//! file saved as UTF-8 by an editor that kept an old `charset=ISO-8859-1` is common; legacy text
//! that happens to be valid UTF-8 is not); then UTF-8, strictly.
//! A file with NUL bytes is UTF-16 (declared, or recognised by the pattern of its zero bytes) or
//! else binary. Line ends are normalised to `\n`. Nothing here panics, whatever the bytes.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

use super::LoadError;

/// Decodes `bytes` to a `String` with `\n` line ends. `declared` is an encoding label found in the
/// file itself (`"ISO-8859-1"`, `"windows-1251"`, `"Shift_JIS"`…); an unknown label (such as the
/// PO template placeholder `CHARSET`) is ignored.
pub fn decode(bytes: &[u8], declared: Option<&str>) -> Result<String, LoadError> {
    let text = decode_raw(bytes, declared)?;
    Ok(normalize_line_ends(text))
}

fn decode_raw(bytes: &[u8], declared: Option<&str>) -> Result<String, LoadError> {
    if let Some(text) = utf32_with_bom(bytes) {
        return text;
    }
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return decode_with(encoding, &bytes[bom_len..]);
    }
    let declared = declared.and_then(|label| Encoding::for_label(label.trim().as_bytes()));
    let is_utf16 = |e: &'static Encoding| e == UTF_16LE || e == UTF_16BE;
    if bytes.contains(&0) {
        let binary = || LoadError("binary file (it contains NUL bytes)".into());
        if let Some(encoding) = declared.filter(|e| is_utf16(e)) {
            return decode_with(encoding, bytes);
        }
        let encoding = sniff_utf16(bytes).ok_or_else(binary)?;
        // Guessed, not declared: text with control characters was not UTF-16 text after all.
        let text = decode_with(encoding, bytes).map_err(|_| binary())?;
        if text
            .chars()
            .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{C}'))
        {
            return Err(binary());
        }
        return Ok(text);
    }
    match declared {
        // A UTF-16 declaration on a file without any NUL byte is wrong: the bytes are 8-bit.
        Some(encoding) if encoding != UTF_8 && !is_utf16(encoding) => {
            match std::str::from_utf8(bytes) {
                Ok(utf8) if !bytes.is_ascii() => Ok(utf8.to_owned()),
                _ => decode_with(encoding, bytes),
            }
        }
        _ => decode_utf8(bytes),
    }
}

fn decode_utf8(bytes: &[u8]) -> Result<String, LoadError> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_owned()),
        Err(e) => {
            let at = e.valid_up_to();
            let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            Err(LoadError(format!(
                "not valid UTF-8 at byte {at} (line {line}); save the file as UTF-8 or declare its encoding"
            )))
        }
    }
}

fn decode_with(encoding: &'static Encoding, bytes: &[u8]) -> Result<String, LoadError> {
    if encoding == UTF_8 {
        return decode_utf8(bytes);
    }
    encoding
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|s| s.into_owned())
        .ok_or_else(|| LoadError(format!("not valid {}", encoding.name())))
}

/// UTF-32 after its byte-order mark (`FF FE 00 00` little-endian, `00 00 FE FF` big-endian), which
/// `encoding_rs` leaves out as the WHATWG Encoding Standard does; `None` without such a mark.
fn utf32_with_bom(bytes: &[u8]) -> Option<Result<String, LoadError>> {
    let big_endian = match bytes {
        [0xFF, 0xFE, 0, 0, ..] => false,
        [0, 0, 0xFE, 0xFF, ..] => true,
        _ => return None,
    };
    let body = &bytes[4..];
    if body.len() % 4 != 0 {
        return Some(Err(LoadError(
            "not valid UTF-32: its length is not a multiple of 4 bytes".into(),
        )));
    }
    let text = body
        .chunks_exact(4)
        .map(|c| {
            let unit = [c[0], c[1], c[2], c[3]];
            char::from_u32(if big_endian {
                u32::from_be_bytes(unit)
            } else {
                u32::from_le_bytes(unit)
            })
        })
        .collect::<Option<String>>()
        .ok_or_else(|| LoadError("not valid UTF-32: a code beyond Unicode".into()));
    Some(text)
}

/// Recognises UTF-16 without a byte-order mark: text that is mostly Latin has a zero high byte in
/// most code units, all on the same side.
fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 2 || bytes.len() % 2 != 0 {
        return None;
    }
    let units = bytes.len() / 2;
    let zeros_at = |parity: usize| {
        bytes
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zeros_at(0), zeros_at(1));
    if odd * 4 >= units && even * 10 <= odd {
        Some(UTF_16LE)
    } else if even * 4 >= units && odd * 10 <= even {
        Some(UTF_16BE)
    } else {
        None
    }
}

fn normalize_line_ends(text: String) -> String {
    let text = match text.strip_prefix('\u{FEFF}') {
        Some(rest) => rest.to_owned(),
        None => text,
    };
    if !text.contains('\r') {
        return text;
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// The `encoding` of an XML declaration (`<?xml version="1.0" encoding="ISO-8859-1"?>`), read from
/// the raw bytes; `None` when there is no declaration or it names no encoding.
pub fn xml_declared_encoding(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(1024)];
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    if !head.starts_with(b"<?xml") {
        return None;
    }
    let end = find(head, b"?>")?;
    let decl = &head[..end];
    let after = &decl[find(decl, b"encoding")? + b"encoding".len()..];
    let after = trim_ascii_start(after).strip_prefix(b"=")?;
    let after = trim_ascii_start(after);
    let quote = *after.first().filter(|&&q| q == b'"' || q == b'\'')?;
    let value = &after[1..];
    let value = &value[..value.iter().position(|&b| b == quote)?];
    label(value)
}

/// The `charset=` of a PO header's `Content-Type`, read from the raw bytes (the header is ASCII).
pub fn po_declared_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(64 * 1024)];
    let start = find(head, b"charset=")? + b"charset=".len();
    let value = &head[start..];
    let len = value
        .iter()
        .position(|&b| !(b.is_ascii_alphanumeric() || b"-_:.".contains(&b)))
        .unwrap_or(value.len());
    label(&value[..len])
}

fn label(value: &[u8]) -> Option<String> {
    let value = std::str::from_utf8(value).ok()?.trim();
    (!value.is_empty()).then(|| value.to_owned())
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn trim_ascii_start(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    &bytes[start..]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(s: &str, bom: bool) -> Vec<u8> {
        let mut out = if bom { vec![0xFF, 0xFE] } else { vec![] };
        out.extend(s.encode_utf16().flat_map(|u| u.to_le_bytes()));
        out
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode(b"\xEF\xBB\xBFab\r\nc\rd", None).unwrap(), "ab\nc\nd");
        assert_eq!(decode("Ünïcödé".as_bytes(), None).unwrap(), "Ünïcödé");
    }

    #[test]
    fn utf16_with_bom_and_sniffed() {
        assert_eq!(
            decode(&utf16le("Grüße\r\n", true), None).unwrap(),
            "Grüße\n"
        );
        let mut be = vec![0xFE, 0xFF];
        be.extend("Grüße".encode_utf16().flat_map(|u| u.to_be_bytes()));
        assert_eq!(decode(&be, None).unwrap(), "Grüße");
        assert_eq!(
            decode(&utf16le("<?xml version", false), None).unwrap(),
            "<?xml version"
        );
    }

    #[test]
    fn declared_legacy_encodings() {
        assert_eq!(decode(b"Gr\xFC\xDFe", Some("ISO-8859-1")).unwrap(), "Grüße");
        assert_eq!(
            decode(b"\xCF\xF0\xE8", Some("windows-1251")).unwrap(),
            "При"
        );
        // A placeholder label is ignored: the bytes must then be UTF-8.
        assert_eq!(decode(b"abc", Some("CHARSET")).unwrap(), "abc");
        // A BOM wins over the declaration, and so does text that is valid UTF-8.
        assert_eq!(decode("\u{FEFF}ß".as_bytes(), Some("latin1")).unwrap(), "ß");
        assert_eq!(
            decode("Grüße".as_bytes(), Some("ISO-8859-1")).unwrap(),
            "Grüße"
        );
    }

    #[test]
    fn invalid_utf8_and_binary() {
        let e = decode(b"ab\ncd\xFFef", None).unwrap_err();
        assert!(e.0.starts_with("not valid UTF-8 at byte 5 (line 2)"), "{e}");
        let e = decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\x01", None).unwrap_err();
        assert!(e.0.starts_with("binary file"), "{e}");
        assert!(decode(&[0xFF, 0xFE, 0x00], None).is_err()); // odd UTF-16 length
    }

    #[test]
    fn sniffs_declarations() {
        let xml = b"<?xml version='1.0' encoding = 'windows-1252' ?><a/>";
        assert_eq!(xml_declared_encoding(xml).as_deref(), Some("windows-1252"));
        assert_eq!(xml_declared_encoding(b"<?xml version=\"1.0\"?><a/>"), None);
        assert_eq!(xml_declared_encoding(b"<a encoding=\"x\"/>"), None);
        let po = b"msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=ISO-8859-2\\n\"\n";
        assert_eq!(po_declared_charset(po).as_deref(), Some("ISO-8859-2"));
    }
}
