//! The short summary printed on standard error after a run: findings per check, severity and
//! language.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::finding::{CheckId, Finding, Severity};

/// What was checked, for the summary's first line.
#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    pub documents: usize,
    pub targets: usize,
    pub bilingual_files: usize,
    /// Findings left out because the baseline accepts them.
    pub suppressed: usize,
}

pub fn render(findings: &[Finding], counts: Counts) -> String {
    let mut tally = Tally::default();
    findings.iter().for_each(|f| tally.add(f));
    tally.render(counts)
}

/// The summary's figures, counted one finding at a time (a run whose report is streamed never
/// holds its findings together).
#[derive(Debug, Default, Clone)]
pub struct Tally {
    by_check: BTreeMap<CheckId, [usize; 3]>,
    by_lang: BTreeMap<String, [usize; 3]>,
}

impl Tally {
    pub fn add(&mut self, f: &Finding) {
        let k = match f.severity {
            Severity::Error => 0,
            Severity::Warning => 1,
            Severity::Info => 2,
        };
        self.by_check.entry(f.check).or_default()[k] += 1;
        let lang = if f.target_lang.is_empty() {
            "(source)"
        } else {
            f.target_lang.as_str()
        };
        match self.by_lang.get_mut(lang) {
            Some(counts) => counts[k] += 1,
            None => self.by_lang.entry(lang.to_string()).or_default()[k] += 1,
        }
    }

    pub fn render(&self, counts: Counts) -> String {
        let mut out = String::new();
        let total = |k: usize| self.by_check.values().map(|c| c[k]).sum::<usize>();
        let _ = writeln!(
            out,
            "concord: checked {} document(s) in {} target version(s) and {} bilingual file(s): {} error(s), {} warning(s), {} info",
            counts.documents,
            counts.targets,
            counts.bilingual_files,
            total(0),
            total(1),
            total(2)
        );
        if counts.suppressed > 0 {
            let _ = writeln!(
                out,
                "  {} finding(s) already in the baseline were left out",
                counts.suppressed
            );
        }
        if self.by_check.is_empty() {
            return out;
        }
        let _ = writeln!(
            out,
            "  {:<16} {:>7} {:>8} {:>5}",
            "check", "error", "warning", "info"
        );
        for (check, [e, w, i]) in &self.by_check {
            let _ = writeln!(out, "  {:<16} {e:>7} {w:>8} {i:>5}", check.as_str());
        }
        let _ = writeln!(
            out,
            "  {:<16} {:>7} {:>8} {:>5}",
            "language", "error", "warning", "info"
        );
        for (lang, [e, w, i]) in &self.by_lang {
            let _ = writeln!(out, "  {lang:<16} {e:>7} {w:>8} {i:>5}");
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn says_how_many_findings_the_baseline_left_out() {
        let counts = Counts {
            documents: 1,
            targets: 2,
            bilingual_files: 0,
            suppressed: 3,
        };
        let text = render(&[], counts);
        assert!(
            text.contains("3 finding(s) already in the baseline were left out"),
            "{text}"
        );
        let text = render(&[], Counts::default());
        assert!(!text.contains("baseline"), "{text}");
    }
}
