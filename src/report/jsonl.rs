//! The JSON Lines report: one finding a line, each a JSON object keyed by the CSV report's
//! column names (as [`super::json`] writes them); nothing at all for no findings.

use std::io::Write;

use crate::finding::Finding;
use crate::report::json::Row;

pub fn render(findings: &[Finding]) -> anyhow::Result<Vec<u8>> {
    let mut out = Vec::new();
    for f in findings {
        serde_json::to_writer(&mut out, &Row::of(f))?;
        out.write_all(b"\n")?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{CheckId, Severity};

    #[test]
    fn one_object_a_line_even_with_line_breaks_in_the_texts() {
        let f = |source: &str| Finding {
            segment: "1.2".into(),
            check: CheckId::Quote,
            severity: Severity::Warning,
            source_text: "two\nlines\r\n".into(),
            ..Finding::example(source, "")
        };
        let out = String::from_utf8(render(&[f("a"), f("b")]).unwrap()).unwrap();
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 2);
        for (line, source) in lines.iter().zip(["a", "b"]) {
            let value: serde_json::Value = serde_json::from_str(line).unwrap();
            assert_eq!(value["source"], source);
            assert_eq!(value["source_text"], "two\nlines\r\n");
            assert_eq!(value["severity"], "warning");
        }
        assert!(render(&[]).unwrap().is_empty());
    }
}
