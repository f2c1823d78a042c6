//! The JSON report: one array of objects, keyed by the CSV report's column names (the contract's
//! eleven, then `fingerprint` and `state`), in that order. Values are as they are: JSON is not opened by
//! spreadsheets, so no cell is neutralised as in the CSV.

use serde::Serialize;

use crate::finding::Finding;
use crate::report::fingerprint::fingerprint;

/// One finding as the JSON formats write it.
#[derive(Debug, Serialize)]
pub struct Row<'a> {
    pub document: &'a str,
    pub segment: &'a str,
    pub source_lang: &'a str,
    pub target_lang: &'a str,
    pub check: &'static str,
    pub severity: &'static str,
    pub source: &'a str,
    pub target: &'a str,
    pub message: &'a str,
    pub source_text: &'a str,
    pub target_text: &'a str,
    pub fingerprint: String,
    pub state: &'a str,
}

impl<'a> Row<'a> {
    pub fn of(f: &'a Finding) -> Row<'a> {
        Row {
            document: &f.document,
            segment: &f.segment,
            source_lang: &f.source_lang,
            target_lang: &f.target_lang,
            check: f.check.as_str(),
            severity: f.severity.as_str(),
            source: &f.source,
            target: &f.target,
            message: &f.message,
            source_text: &f.source_text,
            target_text: &f.target_text,
            fingerprint: fingerprint(f),
            state: &f.state,
        }
    }
}

pub fn render(findings: &[Finding]) -> anyhow::Result<Vec<u8>> {
    let rows: Vec<Row> = findings.iter().map(Row::of).collect();
    let mut out = serde_json::to_vec_pretty(&rows)?;
    out.push(b'\n');
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn sample() -> Finding {
        Finding {
            segment: "1.2".into(),
            message: "number \"-5\" became \"=1+1\"".into(),
            source_text: "line\none".into(),
            target_text: "x".into(),
            ..Finding::example("-5", "=1+1")
        }
    }

    #[test]
    fn keys_are_the_csv_columns_in_order_and_values_are_raw() {
        let out = String::from_utf8(render(&[sample()]).unwrap()).unwrap();
        let header = crate::report::csv::header();
        let positions: Vec<usize> = header
            .iter()
            .map(|k| out.find(&format!("\"{k}\":")).expect(k))
            .collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "{out}");
        let value: serde_json::Value = serde_json::from_str(&out).unwrap();
        let row = &value.as_array().unwrap()[0];
        assert_eq!(row["target"], "=1+1");
        assert_eq!(row["source_text"], "line\none");
        assert_eq!(row["check"], "number");
        assert_eq!(row.as_object().unwrap().len(), 13);
    }

    #[test]
    fn no_findings_is_an_empty_array() {
        let out = render(&[]).unwrap();
        let value: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(value, serde_json::json!([]));
    }
}
