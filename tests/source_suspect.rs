//! End-to-end: comparing all versions of a document with each other (issue 9).
//!
//! Each test copies `corpora/russia-osce/` (an English source and 12 faithful translations)
//! into a temporary folder, injects errors into some versions, and runs the binary on it: errors
//! in the source alone are reported once, on the source, as `source-suspect`, and no translation
//! is blamed for them; an error in one translation alone stays an error there, with the other
//! versions' evidence; a change shared by half the translations splits the versions.

use std::path::Path;

use assert_cmd::Command;

const CORPUS: &str = "corpora/russia-osce";
const SOURCE: &str = "russia-osce.en.txt";

#[derive(Debug, Clone, PartialEq)]
struct Row {
    document: String,
    segment: String,
    target_lang: String,
    check: String,
    severity: String,
    source: String,
    target: String,
    message: String,
}

/// A copy of the corpus with `(file, from, to)` replacements made, each exactly once.
fn corpus_with(changes: &[(&str, &str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(CORPUS).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        let mut text = std::fs::read_to_string(&path).unwrap();
        for &(file, from, to) in changes.iter().filter(|c| c.0 == name) {
            assert_eq!(text.matches(from).count(), 1, "{from:?} once in {file}");
            text = text.replace(from, to);
        }
        std::fs::write(dir.path().join(&name), text).unwrap();
    }
    for &(file, _, _) in changes {
        assert!(dir.path().join(file).exists(), "{file} is in the corpus");
    }
    dir
}

fn report(dir: &Path, threads: &str) -> Vec<u8> {
    let out = Command::cargo_bin("concord")
        .unwrap()
        .args([
            "check",
            "--quiet",
            "--fail-on",
            "never",
            "--threads",
            threads,
        ])
        .arg(dir)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn rows(csv_bytes: &[u8]) -> Vec<Row> {
    csv::Reader::from_reader(csv_bytes)
        .records()
        .map(|r| {
            let r = r.unwrap();
            Row {
                document: r[0].to_string(),
                segment: r[1].to_string(),
                target_lang: r[3].to_string(),
                check: r[4].to_string(),
                severity: r[5].to_string(),
                source: r[6].to_string(),
                target: r[7].to_string(),
                message: r[8].to_string(),
            }
        })
        .collect()
}

fn check(dir: impl AsRef<Path>) -> Vec<Row> {
    rows(&report(dir.as_ref(), "2"))
}

/// The rows about the translations (not about the source itself).
fn target_rows(rows: &[Row]) -> Vec<Row> {
    rows.iter()
        .filter(|r| r.document != SOURCE)
        .cloned()
        .collect()
}

fn suspects(rows: &[Row]) -> Vec<Row> {
    rows.iter()
        .filter(|r| r.check == "source-suspect")
        .cloned()
        .collect()
}

/// Three errors a pivot translation makes: a number, a name, a year.
const PIVOT_ERRORS: [(&str, &str, &str); 3] = [
    (
        SOURCE,
        "unites 57 European states",
        "unites 75 European states",
    ),
    (SOURCE, "” Lukashevich tweeted.", "” Lukashenko tweeted."),
    (
        SOURCE,
        "Cuban Missile Crisis of 1962",
        "Cuban Missile Crisis of 1926",
    ),
];

#[test]
fn errors_in_the_source_alone_are_reported_once_on_the_source() {
    let intact = check(corpus_with(&[]));
    let found = check(corpus_with(&PIVOT_ERRORS));

    let mut suspected: Vec<(String, String, String)> = suspects(&found)
        .into_iter()
        .map(|r| {
            assert_eq!(r.document, SOURCE);
            assert_eq!(r.target_lang, "");
            assert_eq!(r.severity, "error", "{r:?}");
            assert!(
                r.message.contains("; 12 of 12 versions have"),
                "the message gives the count: {r:?}"
            );
            (r.segment, r.source, r.target)
        })
        .collect();
    suspected.sort();
    assert_eq!(
        suspected,
        [
            ("3.1".to_string(), "75".to_string(), "57".to_string()),
            (
                "3.6".to_string(),
                "Lukashenko".to_string(),
                "Lukashevich".to_string()
            ),
            ("6.5".to_string(), "1926".to_string(), "1962".to_string()),
        ]
    );
    let year = suspects(&found)
        .into_iter()
        .find(|r| r.source == "1926")
        .unwrap();
    assert!(
        year.message.starts_with(
            "source has 1926; 12 of 12 versions have 1962 \
             (ar, de, el, es, fr, ja, nl, pl, ru, tr, uk, zh)"
        ),
        "{}",
        year.message
    );

    // No translation is blamed: the translations' rows are those of the intact source.
    let key = |r: &Row| {
        (
            r.document.clone(),
            r.check.clone(),
            r.severity.clone(),
            r.target.clone(),
            r.message.clone(),
        )
    };
    assert_eq!(
        target_rows(&found).iter().map(key).collect::<Vec<_>>(),
        target_rows(&intact).iter().map(key).collect::<Vec<_>>(),
    );
}

#[test]
fn a_date_in_the_source_alone_is_suspect_too() {
    let found = check(corpus_with(&[(
        SOURCE,
        "On Thursday, the Russians",
        "On Tuesday, the Russians",
    )]));
    let suspected = suspects(&found);
    assert_eq!(suspected.len(), 1, "{found:#?}");
    assert_eq!(
        (suspected[0].source.as_str(), suspected[0].target.as_str()),
        ("Tuesday", "Thursday")
    );
    assert!(
        !found.iter().any(|r| r.check == "date"),
        "no translation is blamed: {found:#?}"
    );
}

#[test]
fn an_intact_source_changes_nothing() {
    let found = check(CORPUS);
    assert!(suspects(&found).is_empty(), "{found:#?}");
    assert!(
        found
            .iter()
            .all(|r| !r.message.contains("versions have") && !r.message.contains("versions split")),
        "{found:#?}"
    );
}

#[test]
fn a_translation_wrong_alone_is_an_error_with_the_evidence() {
    let found = check(corpus_with(&[(
        "russia-osce.de.txt",
        "in der 57 europäische Staaten",
        "in der 75 europäische Staaten",
    )]));
    assert!(suspects(&found).is_empty(), "{found:#?}");
    let de: Vec<&Row> = found
        .iter()
        .filter(|r| r.target_lang == "de" && r.check == "number")
        .collect();
    assert_eq!(de.len(), 1, "{de:#?}");
    assert_eq!(de[0].severity, "error");
    assert_eq!((de[0].source.as_str(), de[0].target.as_str()), ("57", "75"));
    assert!(
        de[0].message.ends_with("; 11 of 12 versions have 57"),
        "{}",
        de[0].message
    );
}

#[test]
fn a_pivot_error_followed_by_a_few_translations_is_still_the_sources() {
    // Two translations were made from the wrong pivot without checking: they agree with it.
    let mut changes = PIVOT_ERRORS.to_vec();
    changes.push(("russia-osce.ru.txt", "1962", "1926"));
    changes.push(("russia-osce.uk.txt", "1962", "1926"));
    let found = check(corpus_with(&changes));
    let year = suspects(&found)
        .into_iter()
        .find(|r| r.source == "1926")
        .expect("the year is suspect");
    assert_eq!(year.severity, "error");
    assert!(
        year.message.contains("10 of 12 versions have 1962")
            && year.message.contains("2 agree with the source (ru, uk)"),
        "{}",
        year.message
    );
    assert!(
        !found
            .iter()
            .any(|r| r.check == "number" && r.message.contains("1926")),
        "{found:#?}"
    );
}

#[test]
fn when_the_versions_split_the_severity_says_so() {
    // Half the translations have another year than the source: neither side has the majority.
    let langs = ["de", "es", "fr", "nl", "pl", "ru"];
    let changes: Vec<(String, &str, &str)> = langs
        .iter()
        .map(|l| (format!("russia-osce.{l}.txt"), "1962", "1926"))
        .collect();
    let changes: Vec<(&str, &str, &str)> = changes
        .iter()
        .map(|(f, a, b)| (f.as_str(), *a, *b))
        .collect();
    let found = check(corpus_with(&changes));
    let split = suspects(&found);
    assert_eq!(split.len(), 1, "{split:#?}");
    assert_eq!(split[0].severity, "warning");
    assert_eq!(
        split[0].message,
        "versions split: source has 1962; 6 of 12 versions have 1926 (de, es, fr, nl, pl, ru), \
         6 agree with the source (ar, el, ja, tr, uk, zh)"
    );
    let lowered: Vec<&Row> = found
        .iter()
        .filter(|r| r.check == "number" && r.target == "1926")
        .collect();
    assert_eq!(lowered.len(), 6, "{found:#?}");
    for r in lowered {
        assert_eq!(r.severity, "warning", "{r:?}");
        assert!(
            r.message.contains("versions split: 6 of 12"),
            "{}",
            r.message
        );
    }
}

#[test]
fn the_report_is_the_same_whatever_the_number_of_threads() {
    let dir = corpus_with(&PIVOT_ERRORS);
    let one = report(dir.path(), "1");
    assert!(!suspects(&rows(&one)).is_empty());
    assert_eq!(one, report(dir.path(), "2"));
    assert_eq!(one, report(dir.path(), "3"));
}

#[test]
fn a_quotation_the_source_lost_is_suspect() {
    let found = check(corpus_with(&[(
        SOURCE,
        "He called the negotiations “a moment of truth.”",
        "He called the negotiations a moment of truth.",
    )]));
    let suspected = suspects(&found);
    assert_eq!(suspected.len(), 1, "{found:#?}");
    assert!(
        suspected[0]
            .message
            .starts_with("source has no quotation; 12 of 12 versions have a quotation"),
        "{}",
        suspected[0].message
    );
    assert!(
        !found.iter().any(|r| r.check == "quote"),
        "no translation is blamed: {found:#?}"
    );
}

#[test]
fn a_pivot_error_repeated_through_the_document_is_still_found() {
    // The document twice over: each target's name check sees the swapped name twice, learns the
    // translations' Lukashevich as its rendering and reports nothing in most languages.
    let dir = corpus_with(&PIVOT_ERRORS);
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, format!("{text}\n\n{text}")).unwrap();
    }
    let found = check(&dir);
    let names: Vec<Row> = suspects(&found)
        .into_iter()
        .filter(|r| r.source == "Lukashenko")
        .collect();
    assert_eq!(names.len(), 2, "{found:#?}");
    for r in &names {
        assert_eq!(r.target, "Lukashevich");
        assert!(
            r.message.contains("12 of 12 versions have Lukashevich"),
            "{}",
            r.message
        );
    }
    assert!(
        !found
            .iter()
            .any(|r| r.check == "name" && r.source == "Lukashenko"),
        "no translation is blamed: {found:#?}"
    );
}

/// The HTML report shows the comparison as a grid: the source's suspect items down, the twelve
/// languages across, each agreeing with the others and not with the source.
#[test]
fn the_html_report_shows_the_versions_as_a_grid() {
    let dir = corpus_with(&PIVOT_ERRORS);
    let out = Command::cargo_bin("concord")
        .unwrap()
        .args(["check", "--quiet", "--fail-on", "never", "--format", "html"])
        .arg(dir.path())
        .output()
        .unwrap();
    let html = String::from_utf8(out.stdout).unwrap();
    let start = html.find("<section class=\"grid\"").expect("a grid");
    let grid = &html[start..start + html[start..].find("</section>").unwrap()];
    let header: String = [
        "ar", "de", "el", "es", "fr", "ja", "nl", "pl", "ru", "tr", "uk", "zh",
    ]
    .iter()
    .map(|l| format!("<th>{l}</th>"))
    .collect();
    assert!(grid.contains(&header), "{grid}");
    let year_row = grid
        .lines()
        .find(|l| l.contains("<td>1926</td>"))
        .expect("a row for the source's 1926");
    assert!(year_row.contains("source suspect"), "{year_row}");
    assert_eq!(year_row.matches(">1962</td>").count(), 12, "{year_row}");
}
