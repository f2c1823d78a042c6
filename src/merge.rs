//! `concord merge`: the CSV reports of `check --shard K/N` runs combined into exactly the report
//! one whole run would write, and the exit status it would give.
//!
//! The whole run orders its rows by [`Finding::sort_key`](crate::finding::Finding::sort_key):
//! document first, then target language, position in the source, check and the rest. Sharding
//! gives every input, and so every document, to exactly one share, and a shard's report is
//! already in that order. So the merged report is the shards' reports merged by document, each
//! document's rows kept in the order its shard wrote them: nothing has to be reconstructed from
//! the `segment` labels (which for bilingual files are unit ids that say nothing about the order)
//! and no further column is needed. A document found in two reports means the reports are not
//! shares of one run (the same shard twice, or runs over different inputs) and is refused, as is
//! a report not in report order; either would make the result differ from a whole run.
//!
//! The header must be the same in every report and begin with the contract's columns; rows are
//! written back as they were read, with the CSV writer's settings, so the bytes are the whole
//! run's. Cells that the CSV writer neutralised (a `'` before `=`, `+`, `-`, `@`, …) are compared
//! without it, as the pipeline compared the values.

use std::cmp::Ordering;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context};

use crate::cli::MergeArgs;
use crate::finding::Severity;
use crate::report;

/// One report read: its header and rows, in its order.
#[derive(Debug)]
pub struct ShardReport {
    pub path: PathBuf,
    pub header: csv::StringRecord,
    pub rows: Vec<csv::StringRecord>,
}

pub fn run(args: &MergeArgs) -> anyhow::Result<ExitCode> {
    let reports = args
        .reports
        .iter()
        .map(|p| read(p))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let merged = merge(&reports)?;
    let bytes = render(&reports[0].header, &merged)?;
    report::write(&bytes, Some(&args.output))?;
    let severity = severity_column(&reports[0].header)?;
    let severities = merged
        .iter()
        .map(|row| parse_severity(row.get(severity).unwrap_or("")))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let fails = severities.iter().any(|&s| report::fails(s, args.fail_on));
    Ok(if fails {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Reads a CSV report; an unreadable file, or one that is not a concord CSV report, is an error
/// that names it.
pub fn read(path: &Path) -> anyhow::Result<ShardReport> {
    let bytes = std::fs::read(path)
        .with_context(|| format!("cannot read the report {}", path.display()))?;
    parse(path, &bytes).with_context(|| format!("{} is not a concord CSV report", path.display()))
}

/// Reads a CSV report held in memory.
pub fn parse(path: &Path, bytes: &[u8]) -> anyhow::Result<ShardReport> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new().from_reader(bytes);
    let header = reader
        .headers()
        .context("cannot read its header row")?
        .clone();
    let columns = report::csv::COLUMNS;
    if header.len() < columns.len() || header.iter().zip(columns).any(|(h, c)| h != c) {
        bail!(
            "its header does not begin with the report's columns ({})",
            columns.join(",")
        );
    }
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        rows.push(record.with_context(|| format!("cannot read row {}", i + 2))?);
    }
    for (i, pair) in rows.windows(2).enumerate() {
        if document(&pair[0]).cmp(document(&pair[1])) == Ordering::Greater {
            bail!("row {} is out of report order (by document)", i + 3);
        }
    }
    Ok(ShardReport {
        path: path.to_path_buf(),
        header,
        rows,
    })
}

/// The rows of every report in whole-run order (see the module's documentation).
pub fn merge(reports: &[ShardReport]) -> anyhow::Result<Vec<csv::StringRecord>> {
    let Some(first) = reports.first() else {
        bail!("no reports to merge");
    };
    for r in &reports[1..] {
        if r.header != first.header {
            bail!(
                "{} and {} have different columns",
                first.path.display(),
                r.path.display()
            );
        }
    }
    // Which report each document was found in, to refuse reports that overlap.
    let mut owner: std::collections::HashMap<&str, usize> = Default::default();
    for (i, r) in reports.iter().enumerate() {
        for row in &r.rows {
            let doc = document(row);
            if let Some(&j) = owner.get(doc) {
                if j != i {
                    bail!(
                        "the document {doc} is in both {} and {}: the reports are not shares of one run",
                        reports[j].path.display(),
                        r.path.display()
                    );
                }
            }
            owner.insert(doc, i);
        }
    }
    let mut next = vec![0usize; reports.len()];
    let total = reports.iter().map(|r| r.rows.len()).sum();
    let mut merged = Vec::with_capacity(total);
    while merged.len() < total {
        // The report whose next row has the least document (ties cannot happen: no overlap).
        let (i, _) = reports
            .iter()
            .enumerate()
            .filter_map(|(i, r)| r.rows.get(next[i]).map(|row| (i, document(row))))
            .min_by(|a, b| a.1.cmp(b.1).then(a.0.cmp(&b.0)))
            .expect("rows remain");
        // The whole of that document, in its report's order.
        let doc = document(&reports[i].rows[next[i]]);
        while let Some(row) = reports[i].rows.get(next[i]).filter(|r| document(r) == doc) {
            merged.push(row.clone());
            next[i] += 1;
        }
    }
    Ok(merged)
}

/// The `document` cell as the pipeline compared it: without the `'` the CSV writer puts before a
/// formula-like cell.
fn document(row: &csv::StringRecord) -> &str {
    deneutralise(row.get(0).unwrap_or(""))
}

/// A cell without the `'` that [`report::csv::neutralise`] would have put in front of it.
pub fn deneutralise(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if report::csv::neutralise(rest).len() > rest.len() => rest,
        _ => cell,
    }
}

/// The merged report, written as the CSV report is.
pub fn render(header: &csv::StringRecord, rows: &[csv::StringRecord]) -> anyhow::Result<Vec<u8>> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    w.write_record(header)?;
    for row in rows {
        w.write_record(row)?;
    }
    Ok(w.into_inner()?)
}

fn severity_column(header: &csv::StringRecord) -> anyhow::Result<usize> {
    header
        .iter()
        .position(|h| h == "severity")
        .context("the reports have no severity column")
}

fn parse_severity(cell: &str) -> anyhow::Result<Severity> {
    Ok(match cell {
        "error" => Severity::Error,
        "warning" => Severity::Warning,
        "info" => Severity::Info,
        other => bail!("unknown severity {other:?} in a report"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(name: &str, documents: &[&str]) -> ShardReport {
        let mut text = report::csv::header().join(",") + "\r\n";
        for (i, d) in documents.iter().enumerate() {
            text += &format!("{d},1.{i},en,de,number,error,1,2,m,s,t,0123456789abcdef,\r\n");
        }
        parse(Path::new(name), text.as_bytes()).unwrap()
    }

    #[test]
    fn merges_by_document_keeping_each_reports_order() {
        let a = report("a.csv", &["a.de.txt", "a.de.txt", "c.de.txt"]);
        let b = report("b.csv", &["b.de.txt", "d.de.txt"]);
        let merged = merge(&[a, b]).unwrap();
        let got: Vec<(&str, &str)> = merged.iter().map(|r| (&r[0], &r[1])).collect();
        assert_eq!(
            got,
            [
                ("a.de.txt", "1.0"),
                ("a.de.txt", "1.1"),
                ("b.de.txt", "1.0"),
                ("c.de.txt", "1.2"),
                ("d.de.txt", "1.1"),
            ]
        );
    }

    #[test]
    fn refuses_overlapping_or_unsorted_reports() {
        let a = report("a.csv", &["a.de.txt"]);
        let b = report("b.csv", &["a.de.txt"]);
        let err = merge(&[a, b]).unwrap_err().to_string();
        assert!(err.contains("a.de.txt") && err.contains("b.csv"), "{err}");
        let text = report::csv::header().join(",")
            + "\r\nb,1,en,de,number,error,,,m,,,x,\r\na,1,en,de,number,error,,,m,,,x,\r\n";
        let err = parse(Path::new("u.csv"), text.as_bytes()).unwrap_err();
        assert!(err.to_string().contains("row 3"), "{err}");
        let err = parse(Path::new("h.csv"), b"a,b\r\n").unwrap_err();
        assert!(err.to_string().contains("header"), "{err}");
    }

    #[test]
    fn compares_neutralised_documents_as_written() {
        assert_eq!(deneutralise("'=a.de.txt"), "=a.de.txt");
        assert_eq!(deneutralise("'quoted"), "'quoted");
        assert_eq!(deneutralise("'-5"), "'-5");
        assert_eq!(deneutralise("plain"), "plain");
        // `(` sorts before `=`, though the neutralised cell `'=…` sorts before `(`.
        let a = report("a.csv", &["'=b.de.txt"]);
        let b = report("b.csv", &["(a.de.txt"]);
        let merged = merge(&[a, b]).unwrap();
        assert_eq!(&merged[0][0], "(a.de.txt");
    }

    #[test]
    fn writes_rows_back_byte_for_byte() {
        let text = report::csv::header().join(",")
            + "\r\na,1.1,en,de,quote,error,\"\"\"x\"\"\",,\"a, b\",\"l1\nl2\",,0123456789abcdef,translated\r\n";
        let r = parse(Path::new("a.csv"), text.as_bytes()).unwrap();
        let header = r.header.clone();
        let bytes = render(&header, &merge(&[r]).unwrap()).unwrap();
        assert_eq!(String::from_utf8(bytes).unwrap(), text);
    }
}
