//! The CSV report: the contract's eleven columns, RFC 4180 quoting, UTF-8.

use crate::finding::Finding;

/// The contract's columns, in order.
pub const COLUMNS: [&str; 11] = [
    "document",
    "segment",
    "source_lang",
    "target_lang",
    "check",
    "severity",
    "source",
    "target",
    "message",
    "source_text",
    "target_text",
];

pub fn render(findings: &[Finding]) -> anyhow::Result<Vec<u8>> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    w.write_record(COLUMNS)?;
    for f in findings {
        w.write_record([
            f.document.as_str(),
            &f.segment,
            &f.source_lang,
            &f.target_lang,
            f.check.as_str(),
            f.severity.as_str(),
            &f.source,
            &f.target,
            &f.message,
            &f.source_text,
            &f.target_text,
        ])?;
    }
    Ok(w.into_inner()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{CheckId, Position, Severity};

    #[test]
    fn quotes_fields_as_rfc_4180_requires() {
        let f = Finding {
            document: "a.de.txt".into(),
            segment: "1.2".into(),
            position: Position::default(),
            source_lang: "en".into(),
            target_lang: "de".into(),
            check: CheckId::Number,
            severity: Severity::Error,
            source: "100,000".into(),
            target: "10.000".into(),
            message: "number 100000 (\"100,000\") became 10000 (\"10.000\")".into(),
            source_text: "line one\nline two".into(),
            target_text: "x".into(),
        };
        let out = String::from_utf8(render(&[f]).unwrap()).unwrap();
        let mut lines = out.split("\r\n");
        assert_eq!(lines.next().unwrap(), COLUMNS.join(","));
        assert!(out.contains("\"100,000\""));
        assert!(out.contains("\"number 100000 (\"\"100,000\"\") became 10000 (\"\"10.000\"\")\""));
        assert!(out.contains("\"line one\nline two\""));
    }
}
