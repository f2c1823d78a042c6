//! End-to-end: the binary on the shipped corpus. The faithful translations must raise no error;
//! every entry of the broken set's answer key must be reported; the report must be the same
//! bytes whatever the number of threads.

use std::path::Path;
use std::process::Output;

use assert_cmd::Command;

fn concord(args: &[&str]) -> Output {
    Command::cargo_bin("concord")
        .unwrap()
        .args(args)
        .output()
        .unwrap()
}

#[derive(Debug)]
struct Row {
    document: String,
    check: String,
    severity: String,
    source: String,
    target: String,
    source_text: String,
    target_text: String,
    message: String,
}

fn rows(stdout: &[u8]) -> Vec<Row> {
    let mut reader = csv::Reader::from_reader(stdout);
    let headers = reader.headers().unwrap().clone();
    assert_eq!(
        headers.iter().take(11).collect::<Vec<_>>(),
        [
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
            "target_text"
        ]
    );
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            Row {
                document: r[0].to_string(),
                check: r[4].to_string(),
                severity: r[5].to_string(),
                source: r[6].to_string(),
                target: r[7].to_string(),
                message: r[8].to_string(),
                source_text: r[9].to_string(),
                target_text: r[10].to_string(),
            }
        })
        .collect()
}

#[test]
fn faithful_translations_raise_no_error() {
    let out = concord(&["check", "corpora/russia-osce", "--quiet"]);
    let errors: Vec<Row> = rows(&out.stdout)
        .into_iter()
        .filter(|r| r.severity == "error")
        .collect();
    assert!(
        errors.is_empty(),
        "errors on faithful translations:\n{errors:#?}"
    );
    assert_eq!(out.status.code(), Some(0));
}

#[derive(Debug, serde::Deserialize)]
struct KeyEntry {
    document: String,
    check: String,
    severity: String,
    source: String,
    target: String,
    note: String,
}

/// Answer-key entries concord does not find yet, each with the reason. Every other entry must be
/// reported; these are printed so that they stay in sight.
const KNOWN_MISSES: &[(&str, &str, &str)] = &[
    // None. (The Greek dropped sentence "Both demands are unacceptable to the US and NATO.",
    // merged by the aligner into the previous sentence's bead and too short for its length to
    // show, is now split off by its missing anchors: see `align::support`.)
];

#[test]
fn every_answer_key_entry_is_reported() {
    let out = concord(&["check", "corpora/russia-osce-mt", "--quiet"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "the broken set must fail the run"
    );
    let found = rows(&out.stdout);
    let key = std::fs::read_to_string("corpora/russia-osce-mt/answer-key.jsonl").unwrap();
    let mut missed = Vec::new();
    let mut total = 0;
    for line in key.lines().filter(|l| !l.trim().is_empty()) {
        total += 1;
        let entry: KeyEntry = serde_json::from_str(line).unwrap();
        let hit = found.iter().any(|r| {
            r.document.ends_with(&entry.document)
                && r.check == entry.check
                && (entry.severity != "error" || r.severity == "error")
                && (entry.source.is_empty()
                    || r.source.contains(&entry.source)
                    || r.source_text.contains(&entry.source))
                && (entry.target.is_empty()
                    || r.target.contains(&entry.target)
                    || r.target_text.contains(&entry.target))
        });
        let known = KNOWN_MISSES
            .iter()
            .any(|&(d, c, src)| d == entry.document && c == entry.check && src == entry.source);
        if !hit && known {
            eprintln!(
                "known miss: {} {} {:?}",
                entry.document, entry.check, entry.source
            );
        } else if !hit {
            missed.push(format!(
                "{} {} {:?} → {:?} ({})",
                entry.document, entry.check, entry.source, entry.target, entry.note
            ));
        }
    }
    assert!(
        missed.is_empty(),
        "{} of {total} answer-key entries not reported:\n{}",
        missed.len(),
        missed.join("\n")
    );
}

#[test]
fn the_report_is_the_same_whatever_the_number_of_threads() {
    let one = concord(&["check", "corpora", "--quiet", "--threads", "1"]);
    let two = concord(&["check", "corpora", "--quiet", "--threads", "2"]);
    assert!(!one.stdout.is_empty());
    assert_eq!(one.stdout, two.stdout);
}

#[test]
fn exit_codes_follow_fail_on() {
    assert_eq!(
        concord(&[
            "check",
            "corpora/russia-osce-mt",
            "--quiet",
            "--fail-on",
            "never"
        ])
        .status
        .code(),
        Some(0)
    );
    assert_eq!(
        concord(&[
            "check",
            "corpora/russia-osce",
            "--quiet",
            "--fail-on",
            "warning"
        ])
        .status
        .code(),
        Some(1)
    );
    assert_eq!(
        concord(&["check", "--quiet"]).status.code(),
        Some(2),
        "no path is bad usage"
    );
    let empty = tempfile::tempdir().unwrap();
    assert_eq!(
        concord(&["check", empty.path().to_str().unwrap()])
            .status
            .code(),
        Some(2),
        "no input at all"
    );
}

#[test]
fn a_missing_input_is_a_finding_and_the_rest_is_still_checked() {
    let out = concord(&[
        "check",
        "corpora/russia-osce-mt",
        "no/such/folder",
        "--quiet",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let found = rows(&out.stdout);
    assert!(found
        .iter()
        .any(|r| r.check == "input-error" && r.document == "no/such/folder"));
    assert!(found.iter().any(|r| r.check == "number"));
}

#[test]
fn an_unreadable_target_is_an_input_error() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(
        root.join("story.en.txt"),
        "The meeting took place on 5 May with 57 states.",
    )
    .unwrap();
    std::fs::write(root.join("story.de.txt"), [0xff, 0xfe, 0x00, 0xd8, 0x00]).unwrap();
    std::fs::write(
        root.join("story.fr.txt"),
        "La réunion a eu lieu le 5 mai avec 75 États.",
    )
    .unwrap();
    let out = concord(&["check", root.to_str().unwrap(), "--quiet"]);
    let found = rows(&out.stdout);
    assert!(
        found
            .iter()
            .any(|r| r.check == "input-error" && r.document == "story.de.txt"),
        "{found:#?}"
    );
    assert!(
        found
            .iter()
            .any(|r| r.check == "number" && r.document == "story.fr.txt" && r.target == "75"),
        "{found:#?}"
    );
}

#[test]
fn the_output_file_is_written_whole() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.csv");
    let out = concord(&[
        "check",
        "corpora/russia-osce-mt",
        "--quiet",
        "-o",
        report.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let written = std::fs::read(&report).unwrap();
    assert!(rows(&written).len() >= 60);
    assert!(Path::new(&report).exists());
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary file left behind"
    );
}

#[test]
fn messages_name_both_values() {
    let out = concord(&["check", "corpora/russia-osce-mt", "--quiet"]);
    let found = rows(&out.stdout);
    let m = found
        .iter()
        .find(|r| r.check == "number" && r.target == "1926")
        .expect("1962 → 1926");
    assert!(
        m.message.contains("1962") && m.message.contains("1926"),
        "{}",
        m.message
    );
}
