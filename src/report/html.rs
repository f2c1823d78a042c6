//! The HTML report: one self-contained page a reviewer opens (inline CSS and JavaScript, nothing
//! fetched).
//!
//! At the top, the counts (per severity, check and language) and the filters (language, check,
//! severity, and whether to show only the segments with findings). Then each document: its
//! aligned segments side by side, source and target, every one of them (the pipeline hands over
//! the whole alignment, see [`super::alignment`]), each finding under its segment, and the items
//! each finding is about highlighted in both texts. Findings that belong to no aligned segment
//! (unreadable inputs, the source's own problems) are listed at the end.
//!
//! Everything that comes from the inputs is escaped ([`super::markup`]): it is text, never markup.
//! As a second line of defence the page carries a Content Security Policy that fetches nothing
//! and runs only its own script and style, named by their SHA-256 hashes: even markup that got
//! through would not run. The page is the same bytes for the same input (no timestamps).

use std::collections::BTreeMap;
use std::fmt::Write;
use std::ops::Range;

use sha2::{Digest, Sha256};

use crate::finding::{CheckId, Finding, Severity};
use crate::report::alignment::{self, DocumentAlignment};
use crate::report::markup::{attr, text};
use crate::report::{rules, Report};

const STYLE: &str = r#"
:root { --error: #c62828; --warning: #b26a00; --info: #1565c0; --line: #ddd; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "Noto Sans", sans-serif; margin: 0; color: #222; background: #fafafa; }
header { background: #fff; padding: 12px 20px 4px; }
h1 { font-size: 20px; margin: 0 0 4px; }
h2 { font-size: 15px; margin: 0; display: inline; }
main { padding: 12px 20px 40px; }
.summary { margin: 0 0 8px; }
.tables { display: flex; gap: 24px; flex-wrap: wrap; align-items: flex-start; }
table.counts { border-collapse: collapse; font-size: 12px; }
table.counts th, table.counts td { border: 1px solid var(--line); padding: 1px 8px; text-align: right; }
table.counts th:first-child, table.counts td:first-child { text-align: left; }
#filters { background: #fff; border-bottom: 1px solid var(--line); padding: 8px 20px; display: flex; gap: 16px; flex-wrap: wrap; align-items: center; position: sticky; top: 0; z-index: 2; }
#filters select { font: inherit; }
#shown { color: #555; }
details.doc, section.other { background: #fff; border: 1px solid var(--line); border-radius: 4px; margin: 10px 0; }
details.doc > summary { padding: 8px 12px; cursor: pointer; }
section.other h2 { display: block; padding: 8px 12px; }
.langs { color: #555; margin-left: 6px; }
.tally { margin-left: 10px; font-size: 12px; }
table.pairs { border-collapse: collapse; width: 100%; table-layout: fixed; }
table.pairs th, table.pairs td { border-top: 1px solid var(--line); padding: 4px 8px; vertical-align: top; text-align: start; white-space: pre-wrap; overflow-wrap: anywhere; }
table.pairs th { background: #f3f3f3; font-weight: 600; white-space: normal; }
table.pairs col.label { width: 7.5em; }
table.pairs col.meta { width: 16em; }
td.label { color: #666; font-size: 12px; }
tr.seg.unsure td.label::after { content: " ≈"; }
tr.finding td { border-top: none; padding-top: 0; font-size: 13px; }
tr.finding td.msg { white-space: normal; }
.badge { display: inline-block; min-width: 4.5em; text-align: center; border-radius: 3px; color: #fff; font-size: 11px; padding: 0 4px; margin-right: 6px; }
.badge.error { background: var(--error); } .badge.warning { background: var(--warning); } .badge.info { background: var(--info); }
.check { font-weight: 600; margin-right: 6px; }
section.grid { background: #fff; border: 1px solid var(--line); border-radius: 4px; margin: 10px 0; padding: 8px 12px; overflow-x: auto; }
section.grid table { border-collapse: collapse; font-size: 12px; }
section.grid th, section.grid td { border: 1px solid var(--line); padding: 1px 6px; text-align: center; }
section.grid td.same { color: #999; } section.grid td.error { color: var(--error); font-weight: 600; }
section.grid td.warning { color: var(--warning); } section.grid td.info { color: var(--info); }
.items { color: #555; margin-left: 6px; }
mark { border-radius: 2px; padding: 0 1px; }
mark.error { background: #ffcdd2; box-shadow: inset 0 -2px var(--error); }
mark.warning { background: #ffe0b2; box-shadow: inset 0 -2px var(--warning); }
mark.info { background: #bbdefb; box-shadow: inset 0 -2px var(--info); }
mark.off { background: none; box-shadow: none; }
.error-text { color: var(--error); } .warning-text { color: var(--warning); } .info-text { color: var(--info); }
[hidden] { display: none !important; }
"#;

const SCRIPT: &str = r#"
(function () {
  "use strict";
  var lang = document.getElementById("f-lang");
  var check = document.getElementById("f-check");
  var severity = document.getElementById("f-severity");
  var flagged = document.getElementById("f-flagged");
  var shown = document.getElementById("shown");
  var findings = Array.prototype.slice.call(document.querySelectorAll("tr.finding"));
  var ids = function (el) { return el.getAttribute("data-f") ? el.getAttribute("data-f").split(" ") : []; };
  function apply() {
    var on = {};
    var count = 0;
    findings.forEach(function (f) {
      var ok = (!lang.value || f.getAttribute("data-lang") === lang.value)
        && (!check.value || f.getAttribute("data-check") === check.value)
        && (!severity.value || f.getAttribute("data-severity") === severity.value);
      f.hidden = !ok;
      if (ok) { on[f.getAttribute("data-f")] = true; count += 1; }
    });
    document.querySelectorAll("mark[data-f]").forEach(function (m) {
      m.classList.toggle("off", !ids(m).some(function (id) { return on[id]; }));
    });
    document.querySelectorAll("tr.seg").forEach(function (row) {
      row.hidden = flagged.checked && !ids(row).some(function (id) { return on[id]; });
    });
    document.querySelectorAll("details.doc").forEach(function (doc) {
      var any = doc.querySelector("tr.finding:not([hidden])") !== null;
      doc.hidden = (lang.value !== "" && doc.getAttribute("data-lang") !== lang.value) || (flagged.checked && !any);
    });
    document.querySelectorAll("section.other").forEach(function (section) {
      section.hidden = section.querySelector("tr.finding:not([hidden])") === null;
    });
    shown.textContent = count + " of " + findings.length + " findings shown";
  }
  [lang, check, severity, flagged].forEach(function (el) { el.addEventListener("change", apply); });
  apply();
})();
"#;

pub fn render(report: &Report) -> anyhow::Result<Vec<u8>> {
    let findings = report.findings;
    // Which findings go under which segment of which alignment; the rest are listed at the end.
    let mut placed: Vec<BTreeMap<usize, Vec<usize>>> =
        vec![BTreeMap::new(); report.alignments.len()];
    let mut unplaced = Vec::new();
    for (i, at) in alignment::place(findings, report.alignments)
        .into_iter()
        .enumerate()
    {
        match at {
            Some((a, s)) => placed[a].entry(s).or_default().push(i),
            None => unplaced.push(i),
        }
    }

    let mut out = String::new();
    let _ = write!(
        out,
        concat!(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ",
            "style-src '{style}'; script-src '{script}'; base-uri 'none'; form-action 'none'\">\n",
            "<meta name=\"referrer\" content=\"no-referrer\">\n",
            "<title>concord report</title>\n<style>{style_text}</style>\n</head>\n<body>\n"
        ),
        style = csp_hash(STYLE),
        script = csp_hash(SCRIPT),
        style_text = STYLE,
    );
    header(&mut out, report);
    out.push_str("<main>\n");
    super::grid::write_grids(&mut out, report.alignments, findings);
    for (a, alignment) in report.alignments.iter().enumerate() {
        document(&mut out, alignment, &placed[a], findings);
    }
    if !unplaced.is_empty() {
        others(&mut out, &unplaced, findings);
    }
    if report.alignments.is_empty() && findings.is_empty() {
        out.push_str("<p>No documents and no findings.</p>\n");
    }
    let _ = write!(
        out,
        "</main>\n<script>{SCRIPT}</script>\n</body>\n</html>\n"
    );
    Ok(out.into_bytes())
}

/// `sha256-…` of a script or style, as a Content Security Policy names it.
fn csp_hash(content: &str) -> String {
    format!("sha256-{}", base64(&Sha256::digest(content.as_bytes())))
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | (u32::from(b) << (16 - 8 * i)));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i)) as usize & 63] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn severity_counts<'a>(findings: impl Iterator<Item = &'a Finding>) -> [usize; 3] {
    let mut counts = [0; 3];
    for f in findings {
        counts[severity_index(f.severity)] += 1;
    }
    counts
}

fn severity_index(severity: Severity) -> usize {
    match severity {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
    }
}

const SEVERITIES: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

fn header(out: &mut String, report: &Report) {
    let findings = report.findings;
    let c = report.counts;
    let [e, w, i] = severity_counts(findings.iter());
    let _ = write!(
        out,
        "<header>\n<h1>concord report</h1>\n<p class=\"summary\">Checked {} document(s) in {} target version(s) and {} bilingual file(s): \
         <b class=\"error-text\" id=\"count-error\">{e} error(s)</b>, <b class=\"warning-text\" id=\"count-warning\">{w} warning(s)</b>, \
         <b class=\"info-text\" id=\"count-info\">{i} info</b>.",
        c.documents, c.targets, c.bilingual_files
    );
    if c.suppressed > 0 {
        let _ = write!(
            out,
            " {} finding(s) already in the baseline are left out.",
            c.suppressed
        );
    }
    out.push_str("</p>\n<div class=\"tables\">\n");
    let mut by_check: BTreeMap<CheckId, Vec<&Finding>> = BTreeMap::new();
    let mut by_lang: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
    for f in findings {
        by_check.entry(f.check).or_default().push(f);
        by_lang.entry(language_of(f)).or_default().push(f);
    }
    let table = |out: &mut String, title: &str, rows: Vec<(String, String, [usize; 3])>| {
        let _ = write!(
            out,
            "<table class=\"counts\"><thead><tr><th>{title}</th><th>error</th><th>warning</th><th>info</th></tr></thead><tbody>"
        );
        for (name, tip, [e, w, i]) in rows {
            let _ = write!(
                out,
                "<tr><td title=\"{}\">{}</td><td>{e}</td><td>{w}</td><td>{i}</td></tr>",
                attr(&tip),
                text(&name)
            );
        }
        out.push_str("</tbody></table>\n");
    };
    let check_rows = by_check
        .iter()
        .map(|(c, fs)| {
            let tip = rules::describe(*c).1.to_string();
            (
                c.as_str().to_string(),
                tip,
                severity_counts(fs.iter().copied()),
            )
        })
        .collect();
    table(out, "check", check_rows);
    let lang_rows = by_lang
        .iter()
        .map(|(l, fs)| {
            (
                l.to_string(),
                String::new(),
                severity_counts(fs.iter().copied()),
            )
        })
        .collect();
    table(out, "language", lang_rows);
    out.push_str("</div>\n</header>\n");

    // Filters: every language, check and severity that occurs.
    let mut langs: Vec<&str> = report
        .alignments
        .iter()
        .map(|a| a.target_lang.as_str())
        .chain(findings.iter().map(language_of))
        .collect();
    langs.sort_unstable();
    langs.dedup();
    let select = |out: &mut String, id: &str, label: &str, options: Vec<(String, String)>| {
        let _ = write!(
            out,
            "<label>{label} <select id=\"{id}\"><option value=\"\">all</option>"
        );
        for (value, shown) in options {
            let _ = write!(
                out,
                "<option value=\"{}\">{}</option>",
                attr(&value),
                text(&shown)
            );
        }
        out.push_str("</select></label>\n");
    };
    out.push_str("<form id=\"filters\">\n");
    select(
        out,
        "f-lang",
        "Language",
        langs
            .iter()
            .map(|l| (l.to_string(), l.to_string()))
            .collect(),
    );
    select(
        out,
        "f-check",
        "Check",
        by_check
            .keys()
            .map(|c| (c.as_str().to_string(), c.as_str().to_string()))
            .collect(),
    );
    select(
        out,
        "f-severity",
        "Severity",
        SEVERITIES
            .iter()
            .map(|s| (s.as_str().to_string(), s.as_str().to_string()))
            .collect(),
    );
    out.push_str(
        "<label><input type=\"checkbox\" id=\"f-flagged\"> only segments with findings</label>\n<output id=\"shown\"></output>\n</form>\n",
    );
}

/// The language a finding is filtered by: its target's, or its source's for a finding on the
/// source itself.
fn language_of(f: &Finding) -> &str {
    if f.target_lang.is_empty() {
        &f.source_lang
    } else {
        &f.target_lang
    }
}

fn document(
    out: &mut String,
    alignment: &DocumentAlignment,
    placed: &BTreeMap<usize, Vec<usize>>,
    findings: &[Finding],
) {
    let mine = placed.values().flatten().map(|&i| &findings[i]);
    let [e, w, i] = severity_counts(mine);
    let open = if e + w + i > 0 { " open" } else { "" };
    let _ = write!(
        out,
        "<details class=\"doc\" data-lang=\"{}\"{open}>\n<summary><h2>{}</h2><span class=\"langs\">{} → {}</span>\
         <span class=\"tally\"><span class=\"error-text\">{e} error(s)</span>, <span class=\"warning-text\">{w} warning(s)</span>, \
         <span class=\"info-text\">{i} info</span></span></summary>\n",
        attr(&alignment.target_lang),
        text(&alignment.document),
        text(&alignment.source_lang),
        text(&alignment.target_lang),
    );
    let _ = write!(
        out,
        "<table class=\"pairs\"><colgroup><col class=\"label\"><col><col></colgroup>\
         <thead><tr><th>segment</th><th>source ({})</th><th>target ({})</th></tr></thead>\n<tbody>\n",
        text(&alignment.source_lang),
        text(&alignment.target_lang)
    );
    for (s, segment) in alignment.segments.iter().enumerate() {
        let here = placed.get(&s).map(Vec::as_slice).unwrap_or(&[]);
        let ids = here
            .iter()
            .map(|i| i.to_string())
            .collect::<Vec<_>>()
            .join(" ");
        let unsure = if segment.confidence < 0.5 {
            " unsure"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "<tr class=\"seg{unsure}\" data-f=\"{ids}\"><td class=\"label\" title=\"alignment confidence {:.2}\">{}</td>\
             <td lang=\"{}\" dir=\"auto\">{}</td><td lang=\"{}\" dir=\"auto\">{}</td></tr>",
            segment.confidence,
            text(&segment.label),
            attr(&alignment.source_lang),
            highlighted(&segment.source_text, here, findings, |f| &f.source),
            attr(&alignment.target_lang),
            highlighted(&segment.target_text, here, findings, |f| &f.target),
        );
        for &i in here {
            let _ = writeln!(
                out,
                "<tr class=\"finding\" {}><td></td><td colspan=\"2\" class=\"msg\">{}</td></tr>",
                finding_attrs(i, &findings[i]),
                finding_line(&findings[i])
            );
        }
    }
    out.push_str("</tbody></table>\n</details>\n");
}

/// Findings outside the aligned documents: unreadable inputs, the source's own problems.
fn others(out: &mut String, unplaced: &[usize], findings: &[Finding]) {
    out.push_str(
        "<section class=\"other\"><h2>Other findings</h2>\n<table class=\"pairs\">\
         <colgroup><col class=\"meta\"><col><col></colgroup>\
         <thead><tr><th>document</th><th>source</th><th>target</th></tr></thead>\n<tbody>\n",
    );
    for &i in unplaced {
        let f = &findings[i];
        let one = [i];
        let _ = writeln!(
            out,
            "<tr class=\"seg\" data-f=\"{i}\"><td class=\"label\">{}<br>{}</td><td lang=\"{}\" dir=\"auto\">{}</td><td lang=\"{}\" dir=\"auto\">{}</td></tr>",
            text(&f.document),
            text(&f.segment),
            attr(&f.source_lang),
            highlighted(&f.source_text, &one, findings, |f| &f.source),
            attr(&f.target_lang),
            highlighted(&f.target_text, &one, findings, |f| &f.target),
        );
        let _ = writeln!(
            out,
            "<tr class=\"finding\" {}><td></td><td colspan=\"2\" class=\"msg\">{}</td></tr>",
            finding_attrs(i, f),
            finding_line(f)
        );
    }
    out.push_str("</tbody></table>\n</section>\n");
}

fn finding_attrs(i: usize, f: &Finding) -> String {
    format!(
        "id=\"f{i}\" data-f=\"{i}\" data-lang=\"{}\" data-check=\"{}\" data-severity=\"{}\"",
        attr(language_of(f)),
        attr(f.check.as_str()),
        f.severity.as_str()
    )
}

fn finding_line(f: &Finding) -> String {
    let mut line = format!(
        "<span class=\"badge {sev}\">{sev}</span><span class=\"check\" title=\"{}\">{}</span>{}",
        attr(rules::describe(f.check).1),
        text(f.check.as_str()),
        text(&f.message),
        sev = f.severity.as_str(),
    );
    if !f.source.is_empty() || !f.target.is_empty() {
        let _ = write!(
            line,
            "<span class=\"items\">(<bdi>{}</bdi> → <bdi>{}</bdi>)</span>",
            text(&short(&f.source)),
            text(&short(&f.target))
        );
    }
    line
}

/// The text, escaped, with every occurrence of each finding's item (the source or the target
/// item, as `item` picks) in a `<mark>` naming the findings it belongs to. Where an item occurs
/// as a whole word (not inside a longer number or word), only those occurrences are marked.
fn highlighted(
    content: &str,
    here: &[usize],
    findings: &[Finding],
    item: impl Fn(&Finding) -> &String,
) -> String {
    let mut marks: Vec<(Range<usize>, usize)> = Vec::new();
    for &i in here {
        let needle = item(&findings[i]).as_str();
        if needle.trim().is_empty() {
            continue;
        }
        let all: Vec<Range<usize>> = content
            .match_indices(needle)
            .map(|(at, m)| at..at + m.len())
            .collect();
        let whole: Vec<Range<usize>> = all
            .iter()
            .filter(|r| {
                let before = content[..r.start].chars().next_back();
                let after = content[r.end..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            })
            .cloned()
            .collect();
        let chosen = if whole.is_empty() { all } else { whole };
        marks.extend(chosen.into_iter().map(|r| (r, i)));
    }
    if marks.is_empty() {
        return text(content);
    }
    let mut cuts: Vec<usize> = vec![0, content.len()];
    for (r, _) in &marks {
        cuts.push(r.start);
        cuts.push(r.end);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = String::new();
    for pair in cuts.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let piece = text(&content[a..b]);
        let mut on: Vec<usize> = marks
            .iter()
            .filter(|(r, _)| r.start <= a && b <= r.end)
            .map(|(_, i)| *i)
            .collect();
        on.sort_unstable();
        on.dedup();
        match on.iter().map(|&i| findings[i].severity).max() {
            None => out.push_str(&piece),
            Some(worst) => {
                let ids = on.iter().map(|i| i.to_string()).collect::<Vec<_>>();
                let _ = write!(
                    out,
                    "<mark class=\"{}\" data-f=\"{}\">{piece}</mark>",
                    worst.as_str(),
                    ids.join(" ")
                );
            }
        }
    }
    out
}

/// An item cut for the line under its segment (it is highlighted in full above): its first 60
/// characters and `…`.
fn short(item: &str) -> String {
    const MAX: usize = 60;
    match item.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}…", &item[..cut]),
        None => item.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(source: &str, target: &str, severity: Severity) -> Finding {
        Finding {
            severity,
            ..Finding::example(source, target)
        }
    }

    #[test]
    fn base64_matches_the_standard_alphabet_and_padding() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64(&[0xff, 0xfe, 0xfd]), "//79");
    }

    #[test]
    fn marks_whole_items_and_escapes_around_them() {
        let findings = [
            finding("5", "", Severity::Warning),
            finding("<b>5 km</b>", "", Severity::Error),
        ];
        let out = highlighted("1950 <b>5 km</b> & 5", &[0, 1], &findings, |f| &f.source);
        assert_eq!(
            out,
            "1950 <mark class=\"error\" data-f=\"1\">&lt;b&gt;</mark><mark class=\"error\" data-f=\"0 1\">5</mark>\
             <mark class=\"error\" data-f=\"1\"> km&lt;/b&gt;</mark> &amp; <mark class=\"warning\" data-f=\"0\">5</mark>"
        );
    }

    #[test]
    fn an_item_not_in_the_text_marks_nothing() {
        let findings = [finding("Lavrov", "", Severity::Error)];
        assert_eq!(
            highlighted("<x>", &[0], &findings, |f| &f.source),
            "&lt;x&gt;"
        );
    }
}
