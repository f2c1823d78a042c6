//! The SARIF 2.1.0 report, as GitHub code scanning reads it.
//!
//! One run; `tool.driver.rules` has one rule per check id (in [`CheckId::ALL`] order, so a
//! result's `ruleIndex` is stable) with its description; each finding is a result with its
//! `ruleId`, a `level` (`error`, `warning`, or `note` for info), the message, one physical
//! location (the file as a relative URI, and a `region` with `startLine` where the line is known:
//! see [`super::lines`]) and `partialFingerprints` holding the finding's fingerprint, so that code
//! scanning tracks the same problem across runs. The report's other columns are in the result's
//! `properties`.

use serde_json::{json, Value};

use crate::finding::{CheckId, Finding, Severity};
use crate::report::alignment::Files;
use crate::report::fingerprint::fingerprint;
use crate::report::{lines, rules, Report};

/// The schema the report declares.
pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The key of concord's fingerprint in `partialFingerprints` (written as a literal in [`result`]).
pub const FINGERPRINT_KEY: &str = "concordFingerprint/v1";

pub fn render(report: &Report) -> anyhow::Result<Vec<u8>> {
    let files = Files::of(report.jobs);
    let lines = lines::locate(report.findings, report.alignments);
    let results: Vec<Value> = report
        .findings
        .iter()
        .zip(lines)
        .map(|(f, line)| result(f, files.path(&f.document), line))
        .collect();
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "concord",
                    "version": env!("CARGO_PKG_VERSION"),
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "rules": CheckId::ALL.iter().map(|&c| rule(c)).collect::<Vec<_>>(),
                }
            },
            "results": results,
        }]
    });
    let mut out = serde_json::to_vec_pretty(&log)?;
    out.push(b'\n');
    Ok(out)
}

fn rule(check: CheckId) -> Value {
    let (name, description) = rules::describe(check);
    json!({
        "id": check.as_str(),
        "name": rule_name(check),
        "shortDescription": { "text": name },
        "fullDescription": { "text": description },
        "help": { "text": description },
        "properties": { "tags": ["translation", "localization"] },
    })
}

/// `wrong-language` → `TranslationWrongLanguage`: SARIF's rule names are identifiers readers
/// understand, and must differ from the ids.
fn rule_name(check: CheckId) -> String {
    let words: String = check
        .as_str()
        .split('-')
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_uppercase().chain(chars).collect::<String>()
            })
        })
        .collect();
    format!("Translation{words}")
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn result(f: &Finding, file: &str, line: Option<u32>) -> Value {
    let mut physical = json!({ "artifactLocation": { "uri": uri(file) } });
    if let Some(line) = line {
        physical["region"] = json!({ "startLine": line });
    }
    let rule_index = CheckId::ALL.iter().position(|&c| c == f.check).unwrap_or(0);
    json!({
        "ruleId": f.check.as_str(),
        "ruleIndex": rule_index,
        "level": level(f.severity),
        "message": { "text": message(f) },
        "locations": [{ "physicalLocation": physical }],
        "partialFingerprints": { "concordFingerprint/v1": fingerprint(f) },
        "properties": {
            "document": f.document,
            "segment": f.segment,
            "sourceLang": f.source_lang,
            "targetLang": f.target_lang,
            "severity": f.severity.as_str(),
            "source": f.source,
            "target": f.target,
            "sourceText": f.source_text,
            "targetText": f.target_text,
            "state": f.state,
        },
    })
}

/// The finding's message, with where it is in the source (the segment) when there is one.
fn message(f: &Finding) -> String {
    let text = if f.message.is_empty() {
        rules::describe(f.check).0
    } else {
        f.message.as_str()
    };
    if f.segment.is_empty() {
        text.to_string()
    } else {
        format!("{text} (segment {})", f.segment)
    }
}

/// A file path as a URI reference: relative paths stay relative, absolute ones become `file://`
/// URIs; every byte but the unreserved characters and `/` is percent-encoded.
pub fn uri(path: &str) -> String {
    let mut out = String::new();
    if path.starts_with('/') {
        out.push_str("file://");
    }
    for b in path.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_encoded() {
        assert_eq!(uri("news/a b.de.txt"), "news/a%20b.de.txt");
        assert_eq!(uri("/tmp/x:y.txt"), "file:///tmp/x%3Ay.txt");
        assert_eq!(uri("ü.txt"), "%C3%BC.txt");
    }

    #[test]
    fn rule_names_are_identifiers() {
        assert_eq!(
            rule_name(CheckId::WrongLanguage),
            "TranslationWrongLanguage"
        );
        assert_eq!(rule_name(CheckId::Number), "TranslationNumber");
    }
}
