//! The `github` report: GitHub Actions workflow commands, one annotation a finding
//! (`::error file=…,line=…,title=…::message`; `warning` for warnings, `notice` for info), which the
//! Actions runner shows on the files of a pull request when the report is printed in a step.
//!
//! Escaping is GitHub's own (as its Actions toolkit does it): in the message, `%`, `\r` and `\n`
//! become `%25`, `%0D` and `%0A`; in a property value, `:` and `,` also become `%3A` and `%2C`. So
//! no document text can end the command or start another one.

use std::fmt::Write;

use crate::finding::{Finding, Severity};
use crate::report::alignment::Files;
use crate::report::{lines, Report};

pub fn render(report: &Report) -> anyhow::Result<Vec<u8>> {
    let files = Files::of(report.jobs);
    let lines = lines::locate(report.findings, report.alignments);
    let mut out = String::new();
    for (f, line) in report.findings.iter().zip(lines) {
        let _ = writeln!(out, "{}", command(f, files.path(&f.document), line));
    }
    Ok(out.into_bytes())
}

/// One workflow command for a finding in `file`, at `line` where known.
pub fn command(f: &Finding, file: &str, line: Option<u32>) -> String {
    let kind = match f.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    };
    let mut properties = vec![format!("file={}", property(file))];
    if let Some(line) = line {
        properties.push(format!("line={line}"));
    }
    let lang = if f.target_lang.is_empty() {
        f.source_lang.as_str()
    } else {
        f.target_lang.as_str()
    };
    let title = if lang.is_empty() {
        format!("concord {}", f.check)
    } else {
        format!("concord {} ({lang})", f.check)
    };
    properties.push(format!("title={}", property(&title)));
    let mut message = f.message.clone();
    if !f.segment.is_empty() {
        let _ = write!(message, " [segment {}]", f.segment);
    }
    format!("::{kind} {}::{}", properties.join(","), data(&message))
}

/// Escapes a command's message.
pub fn data(value: &str) -> String {
    value
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command's property value.
pub fn property(value: &str) -> String {
    data(value).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{CheckId, Position};

    #[test]
    fn hostile_text_cannot_break_out_of_the_command() {
        let f = Finding {
            document: "a,b:c%.de.txt".into(),
            segment: "2.1".into(),
            position: Position::default(),
            source_lang: "en".into(),
            target_lang: "de".into(),
            check: CheckId::Number,
            severity: Severity::Warning,
            source: "5".into(),
            target: "6".into(),
            message: "50% off\n::error::fake\r\nend".into(),
            source_text: String::new(),
            target_text: String::new(),
            state: String::new(),
        };
        let line = command(&f, &f.document, Some(7));
        assert_eq!(
            line,
            "::warning file=a%2Cb%3Ac%25.de.txt,line=7,title=concord number (de)::50%25 off%0A::error::fake%0D%0Aend [segment 2.1]"
        );
        assert!(!line.contains('\n') && !line.contains('\r'));
    }

    #[test]
    fn info_is_a_notice_and_a_line_is_left_out_when_unknown() {
        let f = Finding {
            document: "x.po".into(),
            segment: String::new(),
            position: Position::default(),
            source_lang: "en".into(),
            target_lang: String::new(),
            check: CheckId::SourceHygiene,
            severity: Severity::Info,
            source: String::new(),
            target: String::new(),
            message: "m".into(),
            source_text: String::new(),
            target_text: String::new(),
            state: String::new(),
        };
        assert_eq!(
            command(&f, "x.po", None),
            "::notice file=x.po,title=concord source-hygiene (en)::m"
        );
    }
}
