//! The CSV report: the contract's eleven columns, then the finding's fingerprint and the unit's
//! workflow state (XLIFF `state`/`approved`, PO `fuzzy`; empty for other inputs); RFC 4180
//! quoting, UTF-8, CRLF line ends.
//!
//! Reports are opened in spreadsheets, and a cell such as `=HYPERLINK(…)` or
//! `@SUM(1+1)*cmd|' /C calc'!A0` taken from a hostile document would run as a formula there. So,
//! as OWASP advises against CSV injection, a cell that begins with `=`, `+`, `-`, `@`, a tab or a
//! carriage return is written with a single quote `'` in front ([`neutralise`]).
//!
//! One exception, on purpose: a cell that is a plain number (`-5`, `+3.2`, `-1,000.50`: a sign,
//! digits, and `.`/`,` between digit groups, nothing else) is left as it is. Such a cell cannot
//! call a function, refer to another cell or reach DDE: a spreadsheet reads it as the number it
//! is. And the `source` and `target` columns hold numbers as written in the documents, which
//! pipelines compare with their own data; a quote in front of every negative number would corrupt
//! those values for no safety gained. Anything more (`-2+3`, `+1E5`, `-A1`) is neutralised.
//!
//! The other formats are not read by spreadsheets and carry the values as they are.

use std::borrow::Cow;

use crate::finding::Finding;
use crate::report::fingerprint;

/// The contract's columns, in order.
pub const COLUMNS: [&str; 11] = [
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
    "target_text",
];

/// The column after the fingerprint: the unit's workflow state in its bilingual file.
pub const STATE_COLUMN: &str = "state";

/// The header: the contract's columns, then the fingerprint and the state.
pub fn header() -> [&'static str; 13] {
    let mut header = [fingerprint::COLUMN; 13];
    header[..11].copy_from_slice(&COLUMNS);
    header[12] = STATE_COLUMN;
    header
}

pub fn render(findings: &[Finding]) -> anyhow::Result<Vec<u8>> {
    let mut out = Vec::new();
    write(findings, &mut out)?;
    Ok(out)
}

/// Writes the report to `out` row by row: a large run's report goes to its file without being
/// held whole in memory beside the findings.
pub fn write<W: std::io::Write>(findings: &[Finding], out: W) -> anyhow::Result<()> {
    let mut rows = RowWriter::new(out)?;
    for f in findings {
        rows.row(f)?;
    }
    rows.finish()
}

/// The report written one finding at a time, header first.
pub struct RowWriter<W: std::io::Write> {
    w: csv::Writer<W>,
}

impl<W: std::io::Write> RowWriter<W> {
    pub fn new(out: W) -> anyhow::Result<RowWriter<W>> {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(out);
        w.write_record(header())?;
        Ok(RowWriter { w })
    }

    pub fn row(&mut self, f: &Finding) -> anyhow::Result<()> {
        let fingerprint = fingerprint::fingerprint(f);
        let cells: [&str; 13] = [
            f.document.as_str(),
            &f.segment,
            &f.source_lang,
            &f.target_lang,
            f.check.as_str(),
            f.severity.as_str(),
            &f.source,
            &f.target,
            &f.message,
            &f.source_text,
            &f.target_text,
            &fingerprint,
            &f.state,
        ];
        self.w
            .write_record(cells.map(neutralise).iter().map(|c| c.as_bytes()))?;
        Ok(())
    }

    pub fn finish(mut self) -> anyhow::Result<()> {
        self.w.flush()?;
        Ok(())
    }
}

/// The cell, with a `'` in front if a spreadsheet would take it for a formula (see the module's
/// documentation for the rule and its one exception).
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    let starts_like_formula = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if starts_like_formula && !is_plain_number(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// A sign, then digit groups separated by single `.` or `,`: `-5`, `+3.2`, `-1,000.50`.
fn is_plain_number(cell: &str) -> bool {
    let digits = cell.strip_prefix(['+', '-']).unwrap_or(cell);
    !digits.is_empty()
        && digits
            .split(['.', ','])
            .all(|group| !group.is_empty() && group.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_fields_as_rfc_4180_requires() {
        let f = Finding {
            segment: "1.2".into(),
            message: "number 100000 (\"100,000\") became 10000 (\"10.000\")".into(),
            source_text: "line one\nline two".into(),
            target_text: "x".into(),
            ..Finding::example("100,000", "10.000")
        };
        let out = String::from_utf8(render(&[f]).unwrap()).unwrap();
        let mut lines = out.split("\r\n");
        assert_eq!(lines.next().unwrap(), header().join(","));
        assert!(header().join(",").starts_with(&COLUMNS.join(",")));
        assert!(out.contains("\"100,000\""));
        assert!(out.contains("\"number 100000 (\"\"100,000\"\") became 10000 (\"\"10.000\"\")\""));
        assert!(out.contains("\"line one\nline two\""));
    }

    fn finding_with(source: &str, target: &str, document: &str) -> Finding {
        Finding {
            document: document.into(),
            source_text: "s".into(),
            target_text: "t".into(),
            ..Finding::example(source, target)
        }
    }

    #[test]
    fn neutralises_cells_that_a_spreadsheet_would_run() {
        for hostile in [
            "=HYPERLINK(\"http://x\",\"y\")",
            "+1+1",
            "-2+3+cmd|' /C calc'!A0",
            "@SUM(1+1)",
            "\t=1",
            "\r=1",
            "-",
            "+",
            "-A1",
            "+1E5",
            "-1..2",
            "-1,",
        ] {
            assert_eq!(neutralise(hostile), format!("'{hostile}"), "{hostile:?}");
        }
    }

    #[test]
    fn leaves_plain_numbers_and_ordinary_text_alone() {
        for cell in [
            "-5",
            "+3.2",
            "-1,000.50",
            "1962",
            "",
            "Lavrov",
            "a = b",
            " =1",
            "'quoted",
        ] {
            assert_eq!(neutralise(cell), cell, "{cell:?}");
        }
    }

    #[test]
    fn a_report_with_hostile_cells_reads_back_neutralised() {
        let f = finding_with("-5", "=1+1", "@evil.de.txt");
        let out = render(&[f]).unwrap();
        let mut reader = csv::Reader::from_reader(out.as_slice());
        let row = reader.records().next().unwrap().unwrap();
        assert_eq!(&row[0], "'@evil.de.txt");
        assert_eq!(&row[6], "-5");
        assert_eq!(&row[7], "'=1+1");
        assert!(crate::report::fingerprint::is_fingerprint(&row[11]));
    }
}
