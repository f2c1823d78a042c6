//! The JUnit XML report, for CI systems that show test results: one `<testsuite>` per document,
//! one `<testcase>` per finding. A finding that reaches the `--fail-on` level is a `<failure>`
//! (its type the check id, its message the finding's, the rest in the body); one below it is a
//! passing test case with its message in `<system-out>`, so it stays visible without failing. A
//! document checked with no finding has one passing test case, so every document checked is
//! counted.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::discover::Job;
use crate::finding::Finding;
use crate::report::fingerprint::fingerprint;
use crate::report::markup::{attr, text};
use crate::report::Report;

pub fn render(report: &Report) -> anyhow::Result<Vec<u8>> {
    let mut suites: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
    for job in report.jobs {
        match job {
            Job::Documents(group) => {
                for target in &group.targets {
                    suites.entry(&target.display).or_default();
                }
            }
            Job::Bilingual(input) => {
                suites.entry(&input.display).or_default();
            }
        }
    }
    for f in report.findings {
        suites.entry(&f.document).or_default().push(f);
    }
    let tests: usize = suites.values().map(|fs| fs.len().max(1)).sum();
    let failures = report.findings.iter().filter(|f| report.fails(f)).count();
    let mut out = String::new();
    let _ = writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    let _ = writeln!(
        out,
        r#"<testsuites name="concord" tests="{tests}" failures="{failures}" errors="0">"#
    );
    for (document, findings) in &suites {
        let suite_failures = findings.iter().filter(|f| report.fails(f)).count();
        let _ = writeln!(
            out,
            r#"  <testsuite name="{}" tests="{}" failures="{suite_failures}" errors="0" skipped="0">"#,
            attr(document),
            findings.len().max(1)
        );
        if findings.is_empty() {
            let _ = writeln!(
                out,
                r#"    <testcase classname="{}" name="no findings"/>"#,
                attr(document)
            );
        }
        for f in findings {
            testcase(&mut out, f, report.fails(f));
        }
        let _ = writeln!(out, "  </testsuite>");
    }
    let _ = writeln!(out, "</testsuites>");
    Ok(out.into_bytes())
}

fn testcase(out: &mut String, f: &Finding, fails: bool) {
    let mut name = String::new();
    if !f.segment.is_empty() {
        let _ = write!(name, "{} ", f.segment);
    }
    let _ = write!(name, "{}", f.check);
    if !f.target_lang.is_empty() {
        let _ = write!(name, " ({})", f.target_lang);
    }
    if !f.source.is_empty() || !f.target.is_empty() {
        let _ = write!(name, ": {} → {}", short(&f.source), short(&f.target));
    }
    let _ = writeln!(
        out,
        r#"    <testcase classname="{}" name="{}">"#,
        attr(&f.document),
        attr(&name)
    );
    let details = format!(
        "{}: {}\nsegment: {}\nsource ({}): {}\ntarget ({}): {}\nfingerprint: {}",
        f.severity,
        f.message,
        f.segment,
        f.source_lang,
        f.source_text,
        f.target_lang,
        f.target_text,
        fingerprint(f)
    );
    if fails {
        let _ = writeln!(
            out,
            r#"      <failure type="{}" message="{}">{}</failure>"#,
            attr(f.check.as_str()),
            attr(&f.message),
            text(&details)
        );
    } else {
        let _ = writeln!(out, "      <system-out>{}</system-out>", text(&details));
    }
    let _ = writeln!(out, "    </testcase>");
}

/// An item cut to a test case name's length: its first 40 characters and `…`.
fn short(item: &str) -> String {
    const MAX: usize = 40;
    match item.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}…", &item[..cut]),
        None => item.to_string(),
    }
}
