//! Scale-out end to end: `check --shard K/N` runs merged with `concord merge` give the whole
//! run's report byte for byte and its exit status; and `concord checks` lists every check.

use std::path::{Path, PathBuf};

mod common;
use common::{concord, path};
use concord::finding::CheckId;
use concord::shard::Shard;

/// Runs `check` on `inputs` whole and in `shards` shares (with `extra` options), merges the
/// shares (named in reverse order, to show the order given does not matter), and asserts that the
/// merged report and exit status are the whole run's. Returns the shares' reports.
fn whole_equals_merged(inputs: &[&str], shards: u64, extra: &[&str], out: &Path) -> Vec<String> {
    let whole = out.join("whole.csv");
    let mut args = vec!["check", "--quiet", "-o", path(&whole)];
    args.extend(extra);
    args.extend(inputs);
    let whole_run = concord(&args);
    let whole_code = whole_run.status.code();
    assert!(matches!(whole_code, Some(0 | 1)), "{whole_run:?}");
    let mut parts = Vec::new();
    for k in 1..=shards {
        let part = out.join(format!("part-{k}.csv"));
        let shard = format!("{k}/{shards}");
        let mut args = vec!["check", "--quiet", "--shard", &shard, "-o", path(&part)];
        args.extend(extra);
        args.extend(inputs);
        let run = concord(&args);
        assert!(matches!(run.status.code(), Some(0 | 1)), "{run:?}");
        parts.push(part);
    }
    let merged = out.join("merged.csv");
    let mut args = vec!["merge", "--output", path(&merged)];
    let fail_on: Vec<&str> = extra
        .windows(2)
        .filter(|w| w[0] == "--fail-on")
        .flat_map(|w| w.iter().copied())
        .collect();
    args.extend(&fail_on);
    args.extend(parts.iter().rev().map(|p| path(p)));
    let merge = concord(&args);
    let whole_bytes = std::fs::read(&whole).unwrap();
    assert!(
        std::fs::read(&merged).unwrap() == whole_bytes,
        "merged report differs from the whole run's ({extra:?}):\n{}\n---\n{}",
        String::from_utf8_lossy(&whole_bytes),
        std::fs::read_to_string(&merged).unwrap()
    );
    assert_eq!(merge.status.code(), whole_code, "{merge:?}");
    parts
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

#[test]
fn three_shards_of_the_corpora_merge_into_the_whole_report() {
    let out = tempfile::tempdir().unwrap();
    for threads in [None, Some("1")] {
        let extra: Vec<&str> = threads.map_or(vec![], |t| vec!["--threads", t]);
        let parts = whole_equals_merged(&["corpora"], 3, &extra, out.path());
        assert_eq!(parts.len(), 3);
    }
    // The corpus has findings: the comparison above is not of two empty reports.
    let whole = std::fs::read_to_string(out.path().join("whole.csv")).unwrap();
    assert!(whole.lines().count() > 10, "{whole}");
    // With a baseline accepting the first findings, each share leaves out its own.
    let baseline = out.path().join("accepted.csv");
    let accepted: String = whole.split_inclusive("\r\n").take(10).collect();
    std::fs::write(&baseline, accepted).unwrap();
    whole_equals_merged(
        &["corpora"],
        3,
        &["--baseline", path(&baseline)],
        out.path(),
    );
    let rest = std::fs::read_to_string(out.path().join("whole.csv")).unwrap();
    assert!(rest.lines().count() < whole.lines().count() - 5, "{rest}");
}

/// A folder of many small documents, bilingual files and broken inputs, so that every share
/// gets something and input errors are spread too.
fn mixed_inputs(root: &Path) -> PathBuf {
    let dir = root.join("inputs");
    std::fs::create_dir_all(dir.join("bilingual")).unwrap();
    for i in 0..12 {
        let en = format!(
            "Report {i}.\n\nThe committee met on 3 May 2021 with {} delegates. \
             Lavrov said \"we will not leave\" and left.\n",
            100 + i
        );
        let de = format!(
            "Bericht {i}.\n\nDer Ausschuss traf sich am 3. Mai 2021 mit {} Delegierten. \
             Lawrow sagte und ging.\n",
            100 + i + (i % 3)
        );
        let fr = format!(
            "Rapport {i}.\n\nLe comité s'est réuni le 3 mai 2021 avec {} délégués. \
             Lavrov a dit « nous ne partirons pas » et est parti.\n",
            100 + i
        );
        std::fs::write(dir.join(format!("doc{i}.en.txt")), en).unwrap();
        std::fs::write(dir.join(format!("doc{i}.de.txt")), de).unwrap();
        std::fs::write(dir.join(format!("doc{i}.fr.txt")), fr).unwrap();
    }
    // Versions without a source: input errors found while discovering, one per version.
    for i in 0..4 {
        std::fs::write(dir.join(format!("orphan{i}.de.txt")), "Nur Deutsch.\n").unwrap();
        std::fs::write(dir.join(format!("orphan{i}.fr.txt")), "Rien que ça.\n").unwrap();
    }
    // Units whose ids do not sort as the units stand: the report keeps the file's order.
    let mut units = String::from("id\ten\tde\n");
    for (i, id) in ["zeta", "alpha", "10", "9", "mid"].iter().enumerate() {
        units += &format!(
            "{id}\tThe budget grew by {} percent in 2020.\tDer Haushalt wuchs 2020 um {} Prozent.\n",
            10 + i,
            20 + i
        );
    }
    std::fs::write(dir.join("bilingual/units.tsv"), units).unwrap();
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/load");
    for name in [
        "app.xlf",
        "messages.po",
        "memory.utf16.tmx",
        "strings.tsv",
        "not_xml.tmx",
        "truncated.tmx",
        "site.xliff",
    ] {
        std::fs::copy(data.join(name), dir.join("bilingual").join(name)).unwrap();
    }
    dir
}

#[test]
fn shards_of_mixed_inputs_merge_into_the_whole_report_at_every_fail_on_level() {
    let out = tempfile::tempdir().unwrap();
    let inputs = mixed_inputs(out.path());
    let inputs = path(&inputs);
    for extra in [
        vec![],
        vec!["--threads", "1"],
        vec!["--fail-on", "warning"],
        vec!["--fail-on", "never"],
    ] {
        let parts = whole_equals_merged(&[inputs], 4, &extra, out.path());
        let non_empty = parts.iter().filter(|p| p.lines().count() > 1).count();
        assert!(non_empty >= 3, "the inputs did not spread over the shares");
    }
    // Each input error is in the share of its path, and only there.
    let parts = whole_equals_merged(&[inputs], 4, &[], out.path());
    let whole = std::fs::read_to_string(out.path().join("whole.csv")).unwrap();
    let unit_rows: Vec<&str> = whole
        .lines()
        .filter_map(|l| l.strip_prefix("bilingual/units.tsv,"))
        .map(|l| l.split(',').next().unwrap())
        .collect();
    assert_eq!(unit_rows, ["zeta", "alpha", "10", "9", "mid"], "{whole}");
    for orphan in (0..4).flat_map(|i| ["de", "fr"].map(|l| format!("orphan{i}.{l}.txt"))) {
        for (k, part) in parts.iter().enumerate() {
            let shard = Shard {
                index: k as u64 + 1,
                count: 4,
            };
            let here = part
                .lines()
                .any(|l| l.starts_with(&orphan) && l.contains("input-error"));
            assert_eq!(here, shard.owns(&orphan), "{orphan} in shard {}", k + 1);
        }
    }
    // More shares than inputs: the empty shares write a header-only report.
    whole_equals_merged(&[inputs], 64, &[], out.path());
}

#[test]
fn the_same_share_checks_the_same_inputs_every_time() {
    let out = tempfile::tempdir().unwrap();
    let inputs = mixed_inputs(out.path());
    let run = || concord(&["check", "-q", "--shard", "2/3", path(&inputs)]).stdout;
    let first = run();
    assert!(first.len() > 200);
    assert_eq!(run(), first);
}

#[test]
fn bad_shards_and_bad_reports_are_usage_errors() {
    for bad in ["0/3", "4/3", "3", "1/0", "x/y", "1/3/5"] {
        let run = concord(&["check", "-q", "--shard", bad, "corpora"]);
        assert_eq!(run.status.code(), Some(2), "--shard {bad}: {run:?}");
    }
    let out = tempfile::tempdir().unwrap();
    let dir = out.path();
    let merged = dir.join("merged.csv");
    let missing = concord(&["merge", "-o", path(&merged), "/nonexistent/part.csv"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("/nonexistent/part.csv"));
    let not_a_report = dir.join("notes.csv");
    std::fs::write(&not_a_report, "a,b\r\n1,2\r\n").unwrap();
    let run = concord(&["merge", "-o", path(&merged), path(&not_a_report)]);
    assert_eq!(run.status.code(), Some(2));
    assert!(!merged.exists(), "no report is written when merging fails");
    // The same share twice is not a whole run.
    let part = dir.join("part.csv");
    let run = concord(&["check", "-q", "-o", path(&part), "corpora"]);
    assert_eq!(run.status.code(), Some(1));
    let run = concord(&["merge", "-o", path(&merged), path(&part), path(&part)]);
    assert_eq!(run.status.code(), Some(2), "{run:?}");
    assert!(String::from_utf8_lossy(&run.stderr).contains("not shares of one run"));
    assert!(!merged.exists());
}

#[test]
fn checks_lists_every_check_with_what_why_and_an_example() {
    let run = concord(&["checks"]);
    assert_eq!(run.status.code(), Some(0));
    let text = String::from_utf8(run.stdout).unwrap();
    for id in CheckId::ALL {
        let entry = text
            .split("\n\n")
            .find(|e| e.lines().next() == Some(id.as_str()))
            .unwrap_or_else(|| panic!("{id} is not listed:\n{text}"));
        for field in ["finds:", "why:", "example:"] {
            assert!(entry.contains(field), "{id} has no {field}");
        }
    }
    let run = concord(&["checks", "--format", "json"]);
    assert_eq!(run.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    let ids: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, CheckId::ALL.map(CheckId::as_str));
}
