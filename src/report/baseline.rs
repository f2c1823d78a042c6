//! Baselines: an accepted CSV report whose findings are not reported again.
//!
//! A baseline is simply a CSV report written by an earlier run (`-o baseline.csv`). Its
//! `fingerprint` column names the accepted findings; a finding of this run with one of those
//! fingerprints is dropped before any report is written and before the exit status is decided.
//! Fingerprints do not depend on line or segment positions (see [`super::fingerprint`]), so edits
//! elsewhere in a document do not bring accepted findings back.

use std::collections::HashSet;
use std::path::Path;

use anyhow::{bail, Context};

use crate::finding::Finding;
use crate::report::fingerprint::{self, fingerprint};

/// The fingerprints of an accepted report.
#[derive(Debug, Default, Clone)]
pub struct Baseline {
    fingerprints: HashSet<String>,
}

impl Baseline {
    /// Reads a CSV report. A file that is missing, unreadable, not CSV, or has no `fingerprint`
    /// column is an error that says which: the run cannot do what it was asked.
    pub fn load(path: &Path) -> anyhow::Result<Baseline> {
        let bytes = std::fs::read(path)
            .with_context(|| format!("cannot read the baseline {}", path.display()))?;
        Baseline::parse(&bytes).with_context(|| {
            format!(
                "the baseline {} is not a concord CSV report",
                path.display()
            )
        })
    }

    /// Reads the fingerprints of a CSV report held in memory.
    pub fn parse(bytes: &[u8]) -> anyhow::Result<Baseline> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
        let headers = reader.headers().context("cannot read its header row")?;
        let Some(column) = headers.iter().position(|h| h == fingerprint::COLUMN) else {
            bail!(
                "it has no `{}` column (reports written by this version of concord have one)",
                fingerprint::COLUMN
            );
        };
        let mut fingerprints = HashSet::new();
        for (i, record) in reader.records().enumerate() {
            let record = record.with_context(|| format!("cannot read row {}", i + 2))?;
            let value = record.get(column).unwrap_or("").trim();
            if !fingerprint::is_fingerprint(value) {
                bail!("row {} has no fingerprint ({value:?})", i + 2);
            }
            fingerprints.insert(value.to_string());
        }
        Ok(Baseline { fingerprints })
    }

    pub fn len(&self) -> usize {
        self.fingerprints.len()
    }

    pub fn is_empty(&self) -> bool {
        self.fingerprints.is_empty()
    }

    pub fn contains(&self, finding: &Finding) -> bool {
        self.fingerprints.contains(&fingerprint(finding))
    }

    /// Drops the findings the baseline accepts; returns how many were dropped.
    pub fn suppress(&self, findings: &mut Vec<Finding>) -> usize {
        let before = findings.len();
        findings.retain(|f| !self.contains(f));
        before - findings.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(source: &str) -> Finding {
        Finding {
            source_text: "s".into(),
            target_text: "t".into(),
            ..Finding::example(source, "x")
        }
    }

    #[test]
    fn a_written_report_is_a_baseline_for_its_own_findings() {
        let accepted = vec![finding("1"), finding("2")];
        let report = crate::report::csv::render(&accepted).unwrap();
        let baseline = Baseline::parse(&report).unwrap();
        assert_eq!(baseline.len(), 2);
        let mut now = vec![finding("1"), finding("2"), finding("3")];
        assert_eq!(baseline.suppress(&mut now), 2);
        assert_eq!(now, vec![finding("3")]);
    }

    #[test]
    fn an_empty_report_accepts_nothing() {
        let report = crate::report::csv::render(&[]).unwrap();
        let baseline = Baseline::parse(&report).unwrap();
        assert!(baseline.is_empty());
        let mut now = vec![finding("1")];
        assert_eq!(baseline.suppress(&mut now), 0);
        assert_eq!(now.len(), 1);
    }

    #[test]
    fn a_report_without_fingerprints_is_refused() {
        let old = b"document,segment,source_lang,target_lang,check,severity,source,target,message,source_text,target_text\r\n";
        let err = Baseline::parse(old).unwrap_err().to_string();
        assert!(err.contains("no `fingerprint` column"), "{err}");
        let broken = b"document,fingerprint\r\na.de.txt,not-a-hash\r\n";
        let err = Baseline::parse(broken).unwrap_err().to_string();
        assert!(err.contains("row 2"), "{err}");
    }

    #[test]
    fn a_missing_file_is_an_error_that_names_it() {
        let err = Baseline::load(Path::new("/nonexistent/baseline.csv")).unwrap_err();
        assert!(format!("{err:#}").contains("/nonexistent/baseline.csv"));
    }
}
