//! Escaping for the XML and HTML reports: every character of a finding or a document is written
//! as text, never as markup.
//!
//! `&`, `<`, `>`, `"` and `'` become character references everywhere (so one function serves
//! text and quoted attribute values alike). Characters XML 1.0 does not allow at all (C0 controls
//! other than tab, line feed and carriage return; U+FFFE and U+FFFF) become U+FFFD, so a hostile
//! document cannot make the report ill-formed. In attribute values, tab, line feed and carriage
//! return are written as references, which keeps them through attribute-value normalisation.

use std::fmt::Write;

/// Escapes text for an element's content.
pub fn text(value: &str) -> String {
    escape(value, false)
}

/// Escapes text for a quoted attribute value.
pub fn attr(value: &str) -> String {
    escape(value, true)
}

fn escape(value: &str, in_attribute: bool) -> String {
    let mut out = String::with_capacity(value.len() + value.len() / 8);
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' if in_attribute => {
                let _ = write!(out, "&#{};", c as u32);
            }
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_stays_markup() {
        assert_eq!(
            text(r#"<script>alert("x")</script> & 'y'"#),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;"
        );
        assert_eq!(attr("a\"b\nc\td"), "a&quot;b&#10;c&#9;d");
        assert_eq!(text("a\nb"), "a\nb");
    }

    #[test]
    fn characters_xml_forbids_are_replaced() {
        assert_eq!(
            text("a\u{0}b\u{1b}c\u{FFFF}"),
            "a\u{FFFD}b\u{FFFD}c\u{FFFD}"
        );
    }
}
