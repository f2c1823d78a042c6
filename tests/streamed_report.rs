//! A run with one CSV report to a file writes it from findings spilled to disk and merged (see
//! `concord::spill`); every other run holds its findings in memory. Both must give the same
//! report byte for byte, the same summary and the same exit status, with or without a baseline.

use std::path::Path;

mod common;
use assert_cmd::Command;
use common::{concord, path};

/// (report bytes, summary, exit status) of one run streamed and one held in memory.
fn both_ways(inputs: &[&str], extra: &[&str], dir: &Path) -> [(Vec<u8>, String, Option<i32>); 2] {
    let streamed = dir.join("streamed.csv");
    let mut args = vec!["check", "-o", path(&streamed)];
    args.extend(extra);
    args.extend(inputs);
    let one = concord(&args);
    // A second report (JSON Lines) makes the run keep its findings in memory.
    let held = dir.join("held.csv");
    let csv_report = format!("csv={}", path(&held));
    let jsonl_report = format!("jsonl={}", path(&dir.join("held.jsonl")));
    let mut args = vec!["check", "--report", &csv_report, "--report", &jsonl_report];
    args.extend(extra);
    args.extend(inputs);
    let two = concord(&args);
    [(streamed, one), (held, two)].map(|(path, run)| {
        (
            std::fs::read(path).unwrap(),
            String::from_utf8(run.stderr).unwrap(),
            run.status.code(),
        )
    })
}

#[test]
fn a_streamed_report_is_the_report_held_in_memory() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.tmx");
    let inputs = [
        "corpora/russia-osce",
        "corpora/russia-osce-mt",
        path(&missing),
    ];
    let [streamed, held] = both_ways(&inputs, &[], dir.path());
    assert_eq!(streamed.2, Some(1));
    let rows = String::from_utf8_lossy(&streamed.0).lines().count();
    assert!(rows > 20, "{rows} rows");
    assert!(String::from_utf8_lossy(&streamed.0).contains("input-error"));
    assert!(streamed.0 == held.0, "the reports differ");
    assert_eq!(streamed.1, held.1);
    assert_eq!(streamed.2, held.2);

    // A baseline of half the findings: the same rows are left out either way, and counted.
    let baseline = dir.path().join("baseline.csv");
    let text = String::from_utf8(streamed.0).unwrap();
    let half: Vec<&str> = text.split("\r\n").step_by(2).collect();
    std::fs::write(&baseline, half.join("\r\n") + "\r\n").unwrap();
    let extra = ["--baseline", path(&baseline), "--fail-on", "never"];
    let [streamed, held] = both_ways(&inputs, &extra, dir.path());
    assert!(streamed.0 == held.0, "the reports differ with a baseline");
    assert!(
        streamed.1.contains("already in the baseline were left out"),
        "{}",
        streamed.1
    );
    assert_eq!(streamed.1, held.1);
    assert_eq!(streamed.2, Some(0));
}

#[test]
fn without_a_temporary_folder_the_findings_are_held_in_memory() {
    let dir = tempfile::tempdir().unwrap();
    let run = |tmpdir: Option<&Path>, out: &Path| {
        let mut cmd = Command::cargo_bin("concord").unwrap();
        if let Some(t) = tmpdir {
            cmd.env("TMPDIR", t);
        }
        let run = cmd
            .args([
                "check",
                "--quiet",
                "-o",
                path(out),
                "corpora/russia-osce-mt",
            ])
            .output()
            .unwrap();
        (run.status.code(), std::fs::read(out).unwrap())
    };
    let usual = run(None, &dir.path().join("usual.csv"));
    let missing = dir.path().join("no-such-folder");
    let without = run(Some(&missing), &dir.path().join("without.csv"));
    assert_eq!(usual.0, Some(1));
    assert_eq!(without.0, usual.0);
    assert!(without.1 == usual.1, "the reports differ");
}
