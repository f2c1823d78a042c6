//! The cross-version grid of the HTML report: for a source document with several translations,
//! every item some version disagrees on (a number, a date, a name, a quotation) down the side and
//! the languages across, so that a reviewer sees at a glance whether one translation or the source
//! is the odd one out (issue 9; the verdicts themselves are `source-suspect` findings, made in
//! `crosscheck`).
//!
//! The grid is drawn from the findings: a cell holds what that language's finding says the target
//! has (or `missing`), the suspect's value for the languages a `source-suspect` finding names,
//! and `=` where the language has no finding on the item, that is, agrees with the source.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::alignment::DocumentAlignment;
use super::markup;
use crate::finding::{CheckId, Finding, Position};

/// The checks whose items are compared across versions.
const COMPARED: [CheckId; 4] = [
    CheckId::Number,
    CheckId::Date,
    CheckId::Name,
    CheckId::Quote,
];

/// Fewer targets than this make no useful grid (the cross-check itself needs three).
const MIN_TARGETS: usize = 3;

/// One row: an item of the source at one place.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct ItemKey {
    position: Position,
    segment: String,
    check: CheckId,
    source: String,
}

/// Appends a grid for each source document with at least [`MIN_TARGETS`] translations and some
/// item they disagree on.
pub fn write_grids(out: &mut String, alignments: &[DocumentAlignment], findings: &[Finding]) {
    let mut targets: BTreeMap<&str, Vec<(&str, &str)>> = BTreeMap::new();
    for a in alignments {
        if a.source_document != a.document {
            targets
                .entry(a.source_document.as_str())
                .or_default()
                .push((a.document.as_str(), a.target_lang.as_str()));
        }
    }
    for (source, versions) in targets {
        if versions.len() >= MIN_TARGETS {
            grid(out, source, &versions, findings);
        }
    }
}

fn grid(out: &mut String, source: &str, versions: &[(&str, &str)], findings: &[Finding]) {
    let lang_of: BTreeMap<&str, &str> = versions.iter().copied().collect();
    let mut rows: BTreeMap<ItemKey, BTreeMap<&str, &Finding>> = BTreeMap::new();
    let mut suspects: BTreeMap<(Position, String), &Finding> = BTreeMap::new();
    for f in findings {
        if f.check == CheckId::SourceSuspect && f.document == source {
            suspects.insert((f.position, f.source.clone()), f);
            continue;
        }
        let Some(&lang) = lang_of.get(f.document.as_str()) else {
            continue;
        };
        if !COMPARED.contains(&f.check) || f.source.is_empty() {
            continue;
        }
        let key = ItemKey {
            position: f.position,
            segment: f.segment.clone(),
            check: f.check,
            source: f.source.clone(),
        };
        rows.entry(key).or_default().insert(lang, f);
    }
    // The source-suspect items too, though no translation keeps a finding on them.
    for ((position, item), f) in &suspects {
        let known = rows
            .keys()
            .any(|k| k.position == *position && &k.source == item);
        if !known {
            let key = ItemKey {
                position: *position,
                segment: f.segment.clone(),
                check: CheckId::SourceSuspect,
                source: item.clone(),
            };
            rows.entry(key).or_default();
        }
    }
    if rows.is_empty() {
        return;
    }
    let mut langs: Vec<&str> = versions.iter().map(|(_, l)| *l).collect();
    langs.sort_unstable();
    langs.dedup();
    let _ = write!(
        out,
        "<section class=\"grid\" data-source=\"{}\">\n<h2>Across the versions of {}</h2>\n\
         <p>Items down, languages across: what each translation has where it differs from the \
         source; <code>=</code> where it agrees.</p>\n<table>\n<thead><tr><th>segment</th>\
         <th>check</th><th>source</th><th>verdict</th>",
        markup::attr(source),
        markup::text(source)
    );
    for lang in &langs {
        let _ = write!(out, "<th>{}</th>", markup::text(lang));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for (key, cells) in &rows {
        let suspect = suspects.get(&(key.position, key.source.clone()));
        let verdict = match suspect {
            Some(f) => format!(
                "<td class=\"{}\">source suspect</td>",
                markup::attr(f.severity.as_str())
            ),
            None => "<td></td>".to_string(),
        };
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td>{verdict}",
            markup::text(&key.segment),
            markup::text(key.check.as_str()),
            markup::text(&key.source),
        );
        // The languages a source-suspect finding names as having its value: their findings were
        // folded into it, so their cells show that value.
        let with_suspect_value = suspect
            .map(|f| languages_having(&f.message))
            .unwrap_or_default();
        for lang in &langs {
            if let (Some(f), None) = (suspect, cells.get(lang)) {
                if with_suspect_value.iter().any(|l| l == lang) {
                    let _ = write!(
                        out,
                        "<td class=\"{}\" title=\"{}\">{}</td>",
                        markup::attr(f.severity.as_str()),
                        markup::attr(&f.message),
                        markup::text(&f.target)
                    );
                    continue;
                }
            }
            match cells.get(lang) {
                Some(f) => {
                    let shown = if f.target.is_empty() {
                        "missing"
                    } else {
                        &f.target
                    };
                    let _ = write!(
                        out,
                        "<td class=\"{}\" title=\"{}\">{}</td>",
                        markup::attr(f.severity.as_str()),
                        markup::attr(&f.message),
                        markup::text(shown)
                    );
                }
                None => out.push_str("<td class=\"same\">=</td>"),
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

/// The languages listed after "versions have VALUE (" in a `source-suspect` message, the ones
/// that have the value the finding reports (`crosscheck` writes "source has 1926; 12 of 12
/// versions have 1962 (ar, de, …)").
fn languages_having(message: &str) -> Vec<String> {
    let Some(at) = message.find(" versions have ") else {
        return Vec::new();
    };
    let rest = &message[at..];
    let (Some(open), Some(close)) = (rest.find('('), rest.find(')')) else {
        return Vec::new();
    };
    if close < open {
        return Vec::new();
    }
    rest[open + 1..close]
        .split(',')
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Severity;
    use std::path::PathBuf;

    fn alignment(lang: &str) -> DocumentAlignment {
        DocumentAlignment {
            document: format!("a.{lang}.txt"),
            path: PathBuf::from(format!("a.{lang}.txt")),
            source_document: "a.en.txt".into(),
            source_path: PathBuf::from("a.en.txt"),
            source_lang: "en".into(),
            target_lang: lang.into(),
            segments: Vec::new(),
        }
    }

    #[test]
    fn one_row_per_item_and_one_column_per_language() {
        let alignments: Vec<DocumentAlignment> =
            ["de", "fr", "ru"].iter().map(|l| alignment(l)).collect();
        let wrong_de = Finding {
            document: "a.de.txt".into(),
            ..Finding::example("57", "75")
        };
        let suspect = Finding {
            document: "a.en.txt".into(),
            check: CheckId::SourceSuspect,
            message: "source has 1926; 2 of 3 versions have 1962 (de, ru), 1 agrees with the \
                      source (fr)"
                .into(),
            ..Finding::example("1926", "1962")
        };
        let hostile = Finding {
            document: "a.fr.txt".into(),
            severity: Severity::Warning,
            ..Finding::example("<b>", "<script>x</script>")
        };
        let mut out = String::new();
        write_grids(&mut out, &alignments, &[wrong_de, suspect, hostile]);
        let header = "<th>de</th><th>fr</th><th>ru</th>";
        assert!(out.contains(header), "{out}");
        assert_eq!(out.matches("<tr><td>").count(), 3, "{out}");
        // de differs on 57, fr and ru agree.
        assert!(out.contains(">75</td><td class=\"same\">=</td><td class=\"same\">=</td>"));
        assert!(out.contains("source suspect"));
        // The suspect's row: de and ru have its value, fr agrees with the source.
        let row = out.lines().find(|l| l.contains("<td>1926</td>")).unwrap();
        assert_eq!(row.matches(">1962</td>").count(), 2, "{row}");
        assert_eq!(row.matches("class=\"same\">=</td>").count(), 1, "{row}");
        assert!(!out.contains("<script>") && out.contains("&lt;script&gt;"));
    }

    #[test]
    fn no_grid_for_fewer_than_three_translations() {
        let alignments: Vec<DocumentAlignment> =
            ["de", "fr"].iter().map(|l| alignment(l)).collect();
        let f = Finding {
            document: "a.de.txt".into(),
            ..Finding::example("57", "75")
        };
        let mut out = String::new();
        write_grids(&mut out, &alignments, &[f]);
        assert!(out.is_empty());
    }
}
