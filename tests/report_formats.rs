//! End-to-end: the report formats, fingerprints and baselines, several reports from one run, and
//! the HTML report in a real headless browser (Debian's `chromium`; skipped, saying so, where it
//! is absent).
//!
//! `tests/data/sarif-schema-2.1.0.json` is the official SARIF 2.1.0 schema as Microsoft's SARIF
//! SDK ships it (npm `@microsoft/sarif-multitool-linux` 5.7.0, MIT); the SARIF report is
//! validated against it with Python's `jsonschema` where that is installed.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command as StdCommand, Output};

use assert_cmd::Command;

const CONTRACT_COLUMNS: [&str; 11] = [
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

const BROKEN: &str = "corpora/russia-osce-mt";

fn concord(args: &[&str]) -> Output {
    Command::cargo_bin("concord")
        .unwrap()
        .args(args)
        .output()
        .unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).to_string()
}

/// The rows of a CSV report, each as (column name → value) in column order.
fn csv_rows(bytes: &[u8]) -> Vec<Vec<(String, String)>> {
    let mut reader = csv::Reader::from_reader(bytes);
    let headers: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            headers
                .iter()
                .cloned()
                .zip(r.iter().map(str::to_string))
                .collect()
        })
        .collect()
}

fn field<'a>(row: &'a [(String, String)], name: &str) -> &'a str {
    &row.iter().find(|(k, _)| k == name).expect(name).1
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let dest = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &dest);
        } else {
            std::fs::copy(entry.path(), dest).unwrap();
        }
    }
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn the_csv_report_keeps_the_contract_columns_then_a_stable_fingerprint() {
    let one = concord(&["check", BROKEN, "--quiet", "--threads", "1"]);
    let three = concord(&["check", BROKEN, "--quiet", "--threads", "3"]);
    assert_eq!(one.status.code(), Some(1));
    let mut reader = csv::Reader::from_reader(one.stdout.as_slice());
    let headers: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(headers[..11], CONTRACT_COLUMNS);
    assert_eq!(headers[11], "fingerprint");
    let fingerprints = |out: &Output| -> Vec<String> {
        csv_rows(&out.stdout)
            .iter()
            .map(|r| field(r, "fingerprint").to_string())
            .collect()
    };
    let fps = fingerprints(&one);
    assert!(fps.len() > 20);
    for fp in &fps {
        assert!(
            fp.len() == 16 && fp.bytes().all(|b| b.is_ascii_hexdigit()),
            "{fp}"
        );
    }
    assert_eq!(fps, fingerprints(&three));
}

#[test]
fn a_report_used_as_baseline_leaves_nothing_and_a_changed_finding_comes_back() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("broken");
    copy_dir(Path::new(BROKEN), &corpus);
    let baseline = dir.path().join("baseline.csv");
    let first = concord(&["check", p(&corpus), "--quiet", "-o", p(&baseline)]);
    assert_eq!(first.status.code(), Some(1), "{}", stderr(&first));
    let accepted = csv_rows(&std::fs::read(&baseline).unwrap());
    assert!(accepted.len() > 20);

    let second = concord(&["check", p(&corpus), "--baseline", p(&baseline)]);
    assert_eq!(second.status.code(), Some(0), "{}", stderr(&second));
    assert!(csv_rows(&second.stdout).is_empty());
    assert!(
        stderr(&second).contains(&format!(
            "{} finding(s) already in the baseline were left out",
            accepted.len()
        )),
        "{}",
        stderr(&second)
    );

    // The Russian version's wrong year (1962 → 1926) is accepted; make it another wrong year.
    let ru = corpus.join("russia-osce.ru.txt");
    let text = std::fs::read_to_string(&ru).unwrap();
    assert_eq!(text.matches("1926").count(), 1);
    std::fs::write(&ru, text.replace("1926", "1925")).unwrap();
    let third = concord(&["check", p(&corpus), "--quiet", "--baseline", p(&baseline)]);
    assert_eq!(third.status.code(), Some(1), "{}", stderr(&third));
    let back = csv_rows(&third.stdout);
    assert_eq!(back.len(), 1, "{back:#?}");
    assert_eq!(field(&back[0], "document"), "russia-osce.ru.txt");
    assert_eq!(field(&back[0], "check"), "number");
    assert_eq!(field(&back[0], "target"), "1925");
}

#[test]
fn fingerprints_do_not_depend_on_where_the_finding_is() {
    let dir = tempfile::tempdir().unwrap();
    let en = "The committee met in Geneva on Monday.\n\nThe budget was raised to 250 million dollars last year.\n";
    let de = "Der Ausschuss trat am Montag in Genf zusammen.\n\nDas Budget wurde im letzten Jahr auf 520 Millionen Dollar erhöht.\n";
    std::fs::write(dir.path().join("report.en.txt"), en).unwrap();
    std::fs::write(dir.path().join("report.de.txt"), de).unwrap();
    let baseline = dir.path().join("baseline.csv");
    let first = concord(&["check", p(dir.path()), "--quiet", "-o", p(&baseline)]);
    let accepted = csv_rows(&std::fs::read(&baseline).unwrap());
    assert_eq!(first.status.code(), Some(1));
    assert!(accepted.iter().any(|r| field(r, "check") == "number"));

    // Two paragraphs before, in both versions: every segment moves.
    let en_before =
        "A new introduction opens the text.\n\nIt explains what follows in some detail.\n\n";
    let de_before =
        "Eine neue Einleitung eröffnet den Text.\n\nSie erklärt ausführlich, was folgt.\n\n";
    std::fs::write(dir.path().join("report.en.txt"), format!("{en_before}{en}")).unwrap();
    std::fs::write(dir.path().join("report.de.txt"), format!("{de_before}{de}")).unwrap();
    let moved = concord(&["check", p(dir.path()), "--quiet"]);
    let moved_rows = csv_rows(&moved.stdout);
    assert_eq!(moved_rows.len(), accepted.len(), "{moved_rows:#?}");
    assert_ne!(
        field(&moved_rows[0], "segment"),
        field(&accepted[0], "segment")
    );
    let suppressed = concord(&[
        "check",
        p(dir.path()),
        "--quiet",
        "--baseline",
        p(&baseline),
    ]);
    assert_eq!(suppressed.status.code(), Some(0));
    assert!(csv_rows(&suppressed.stdout).is_empty());
}

#[test]
fn a_missing_or_unusable_baseline_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.csv");
    let missing = dir.path().join("nope.csv");
    let out = concord(&["check", BROKEN, "--baseline", p(&missing), "-o", p(&report)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("cannot read the baseline") && stderr(&out).contains("nope.csv"),
        "{}",
        stderr(&out)
    );
    assert!(!report.exists(), "no report is written on a usage error");

    let old = dir.path().join("old.csv");
    std::fs::write(&old, format!("{}\r\n", CONTRACT_COLUMNS.join(","))).unwrap();
    let out = concord(&["check", BROKEN, "--baseline", p(&old)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no `fingerprint` column"),
        "{}",
        stderr(&out)
    );
}

/// One run writing every format, and the CSV of a run that writes only it.
struct AllFormats {
    dir: tempfile::TempDir,
    status: Option<i32>,
    stdout: Vec<u8>,
    csv_alone: Vec<u8>,
}

impl AllFormats {
    fn run(paths: &[&str], extra: &[&str]) -> AllFormats {
        let dir = tempfile::tempdir().unwrap();
        let at = |name: &str| dir.path().join(name).to_str().unwrap().to_string();
        let mut args: Vec<String> = vec!["check".into()];
        args.extend(paths.iter().map(|s| s.to_string()));
        args.extend(extra.iter().map(|s| s.to_string()));
        args.extend(["--quiet".into(), "-o".into(), at("r.csv")]);
        for (format, name) in [
            ("json", "r.json"),
            ("jsonl", "r.jsonl"),
            ("sarif", "r.sarif"),
            ("junit", "r.xml"),
            ("github", "r.github"),
            ("html", "r.html"),
        ] {
            args.push("--report".into());
            args.push(format!("{format}={}", at(name)));
        }
        let out = Command::cargo_bin("concord")
            .unwrap()
            .args(&args)
            .output()
            .unwrap();
        let mut alone: Vec<&str> = vec!["check"];
        alone.extend(paths);
        alone.extend(extra);
        alone.push("--quiet");
        let csv_alone = concord(&alone).stdout;
        AllFormats {
            status: out.status.code(),
            stdout: out.stdout,
            dir,
            csv_alone,
        }
    }

    fn read(&self, name: &str) -> Vec<u8> {
        std::fs::read(self.dir.path().join(name)).unwrap()
    }

    fn text(&self, name: &str) -> String {
        String::from_utf8(self.read(name)).unwrap()
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
}

#[test]
fn one_run_writes_every_format_and_they_agree() {
    let all = AllFormats::run(&[BROKEN], &[]);
    assert_eq!(all.status, Some(1));
    assert!(
        all.stdout.is_empty(),
        "-o sends the CSV to its file, not to standard output"
    );
    // The CSV is the same bytes as when it is the only report.
    assert_eq!(all.read("r.csv"), all.csv_alone);
    let rows = csv_rows(&all.read("r.csv"));
    assert!(rows.len() > 20);

    // JSON: one array, keys and values as the CSV's.
    let json: serde_json::Value = serde_json::from_slice(&all.read("r.json")).unwrap();
    let objects = json.as_array().unwrap();
    assert_eq!(objects.len(), rows.len());
    for (object, row) in objects.iter().zip(&rows) {
        let object = object.as_object().unwrap();
        assert_eq!(object.len(), row.len());
        for (key, value) in row {
            assert_eq!(
                object[key],
                serde_json::Value::from(value.as_str()),
                "{key}"
            );
        }
    }
    // JSON Lines: the same objects, one a line.
    let jsonl = all.text("r.jsonl");
    let lines: Vec<serde_json::Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(&lines, objects);

    // GitHub annotations: one command a finding, on one line each, errors as `::error`.
    let github = all.text("r.github");
    let commands: Vec<&str> = github.lines().collect();
    assert_eq!(commands.len(), rows.len());
    for (command, row) in commands.iter().zip(&rows) {
        let kind = match field(row, "severity") {
            "error" => "error",
            "warning" => "warning",
            _ => "notice",
        };
        assert!(command.starts_with(&format!("::{kind} file=")), "{command}");
        assert!(
            command.contains(&format!("title=concord {} (", field(row, "check"))),
            "{command}"
        );
        let (properties, message) = command[2..].split_once("::").unwrap();
        assert!(
            !message.contains('\n') && message.starts_with(field(row, "message")),
            "{message}"
        );
        if !field(row, "target_lang").is_empty() {
            assert!(properties.contains(",line="), "{command}");
        }
    }
}

#[test]
fn several_reports_need_distinct_destinations() {
    let dir = tempfile::tempdir().unwrap();
    let same = dir.path().join("same.out");
    let out = concord(&[
        "check",
        BROKEN,
        "-o",
        p(&same),
        "--report",
        &format!("html={}", p(&same)),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("two reports would be written to"));
    assert!(!same.exists());

    let out = concord(&["check", BROKEN, "--report", "csv=-", "--report", "json=-"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("only one report can be written to standard output"));

    let out = concord(&["check", BROKEN, "--report", "pdf=x.pdf"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("unknown report format"),
        "{}",
        stderr(&out)
    );

    // --report alone: nothing on standard output; with --format too, that report goes there.
    let html = dir.path().join("r.html");
    let spec = format!("html={}", p(&html));
    let out = concord(&["check", BROKEN, "--quiet", "--report", &spec]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(std::fs::read_to_string(&html)
        .unwrap()
        .starts_with("<!DOCTYPE html>"));
    let out = concord(&[
        "check", BROKEN, "--quiet", "--format", "jsonl", "--report", &spec,
    ]);
    let first = out.stdout.split(|&b| b == b'\n').next().unwrap();
    serde_json::from_slice::<serde_json::Value>(first).unwrap();
}

#[test]
fn sarif_has_what_github_code_scanning_reads() {
    let all = AllFormats::run(&[BROKEN], &[]);
    let rows = csv_rows(&all.read("r.csv"));
    let log: serde_json::Value = serde_json::from_slice(&all.read("r.sarif")).unwrap();
    assert_eq!(log["version"], "2.1.0");
    assert!(log["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
    let run = &log["runs"][0];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "concord");
    let rules = driver["rules"].as_array().unwrap();
    let rule_ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    for check in [
        "input-error",
        "omission",
        "addition",
        "untranslated",
        "wrong-language",
        "number",
        "date",
        "name",
        "quote",
    ] {
        assert!(rule_ids.contains(&check), "no rule for {check}");
    }
    for rule in rules {
        assert!(!rule["shortDescription"]["text"]
            .as_str()
            .unwrap()
            .is_empty());
        assert!(!rule["fullDescription"]["text"].as_str().unwrap().is_empty());
        assert_ne!(rule["name"], rule["id"]);
    }
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), rows.len());
    let mut located = 0;
    let mut item_on_line = 0;
    for (result, row) in results.iter().zip(&rows) {
        let rule_id = result["ruleId"].as_str().unwrap();
        assert_eq!(rule_id, field(row, "check"));
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rule_ids[index], rule_id);
        let level = result["level"].as_str().unwrap();
        let expected = match field(row, "severity") {
            "error" => "error",
            "warning" => "warning",
            _ => "note",
        };
        assert_eq!(level, expected);
        assert!(result["message"]["text"]
            .as_str()
            .unwrap()
            .starts_with(field(row, "message")));
        assert_eq!(
            result["partialFingerprints"]["concordFingerprint/v1"],
            field(row, "fingerprint")
        );
        let location = &result["locations"][0]["physicalLocation"];
        let uri = location["artifactLocation"]["uri"].as_str().unwrap();
        // The URI is the file, relative to where concord ran (a repository's root in CI).
        assert!(Path::new(uri).is_file(), "{uri}");
        if let Some(line) = location["region"]["startLine"].as_u64() {
            located += 1;
            assert!(line >= 1);
            let target = field(row, "target");
            let text = std::fs::read_to_string(uri).unwrap();
            let lines: Vec<&str> = text.lines().collect();
            if !target.is_empty() && text.contains(target) {
                let at = (line as usize - 1)..(line as usize + 2).min(lines.len());
                if lines[at].iter().any(|l| l.contains(target)) {
                    item_on_line += 1;
                }
            }
        }
    }
    // Every finding in a document has a line, and a finding's target item is on (or right
    // after) it.
    assert_eq!(located, results.len());
    let with_target_items = rows
        .iter()
        .filter(|r| !field(r, "target").is_empty())
        .count();
    assert!(
        item_on_line * 10 >= with_target_items * 9,
        "{item_on_line} of {with_target_items}"
    );
}

#[test]
fn sarif_validates_against_the_official_schema() {
    let script = "import json, sys\n\
        import jsonschema\n\
        schema = json.load(open(sys.argv[1], encoding='utf-8'))\n\
        log = json.load(open(sys.argv[2], encoding='utf-8'))\n\
        cls = jsonschema.validators.validator_for(schema)\n\
        errors = list(cls(schema).iter_errors(log))\n\
        for e in errors[:10]: print(list(e.absolute_path), e.message)\n\
        sys.exit(1 if errors else 0)\n";
    let probe = StdCommand::new("python3")
        .args(["-c", "import jsonschema"])
        .output();
    if !probe.is_ok_and(|o| o.status.success()) {
        eprintln!("SKIPPED: python3 with the jsonschema module is not installed; the SARIF report was not validated against the official schema");
        return;
    }
    let all = AllFormats::run(&["corpora"], &[]);
    let checked = StdCommand::new("python3")
        .args([
            "-c",
            script,
            "tests/data/sarif-schema-2.1.0.json",
            p(&all.path("r.sarif")),
        ])
        .output()
        .unwrap();
    assert!(
        checked.status.success(),
        "the SARIF report does not match the SARIF 2.1.0 schema:\n{}{}",
        String::from_utf8_lossy(&checked.stdout),
        String::from_utf8_lossy(&checked.stderr)
    );
}

/// The elements of an XML report, checked for well-formedness by quick-xml as it reads: each
/// start or empty tag as (name, attributes), in order.
fn xml_elements(xml: &str) -> Vec<(String, Vec<(String, String)>)> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut out = Vec::new();
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) | Event::Empty(e) => {
                let name = String::from_utf8(e.name().as_ref().to_vec()).unwrap();
                let attrs = e
                    .attributes()
                    .map(|a| {
                        let a = a.expect("well-formed attribute");
                        let value = a.unescape_value().expect("escaped attribute").to_string();
                        (String::from_utf8(a.key.as_ref().to_vec()).unwrap(), value)
                    })
                    .collect();
                out.push((name, attrs));
            }
            Event::Text(t) => {
                t.unescape().expect("escaped text");
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

fn attr<'a>(attrs: &'a [(String, String)], name: &str) -> &'a str {
    &attrs.iter().find(|(k, _)| k == name).expect(name).1
}

#[test]
fn junit_is_well_formed_with_a_failure_per_finding_at_the_fail_on_level() {
    for (fail_on, failing) in [
        ("error", &["error"][..]),
        ("warning", &["error", "warning"][..]),
    ] {
        let all = AllFormats::run(&[BROKEN], &["--fail-on", fail_on]);
        let rows = csv_rows(&all.read("r.csv"));
        let xml = all.text("r.xml");
        let elements = xml_elements(&xml);
        let failures = elements.iter().filter(|(n, _)| n == "failure").count();
        let expected = rows
            .iter()
            .filter(|r| failing.contains(&field(r, "severity")))
            .count();
        assert_eq!(failures, expected, "--fail-on {fail_on}");
        let suites: BTreeSet<&str> = elements
            .iter()
            .filter(|(n, _)| n == "testsuite")
            .map(|(_, a)| attr(a, "name"))
            .collect();
        // One suite per document: every target checked (12 here), every document with findings.
        assert!(suites.len() >= 12, "{suites:?}");
        for row in &rows {
            assert!(suites.contains(field(row, "document")));
        }
        let root = &elements[0];
        assert_eq!(root.0, "testsuites");
        assert_eq!(attr(&root.1, "failures"), expected.to_string());
    }
}

/// A document pair whose texts attack the HTML and XML reports.
fn hostile_corpus(dir: &Path) {
    let en = "The council approved <script>document.title=\"pwned\"</script> 100 new posts.\n\n\
              \"><img src=x onerror=\"document.title='pwned'\"> cost 40 dollars ]]> & more.\n";
    let de = "Der Rat genehmigte <script>document.title=\"pwned\"</script> 200 neue Stellen.\n\n\
              \"><img src=x onerror=\"document.title='pwned'\"> kostete 50 Dollar ]]> & mehr.\u{1b}\n";
    std::fs::write(dir.join("x<img src=y onerror=alert(1)>.en.txt"), en).unwrap();
    std::fs::write(dir.join("x<img src=y onerror=alert(1)>.de.txt"), de).unwrap();
}

#[test]
fn hostile_documents_stay_text_in_html_and_xml() {
    let dir = tempfile::tempdir().unwrap();
    hostile_corpus(dir.path());
    let all = AllFormats::run(&[p(dir.path())], &[]);
    let rows = csv_rows(&all.read("r.csv"));
    assert!(
        rows.iter()
            .any(|r| field(r, "source_text").contains("<script>")),
        "the hostile sentence must be flagged for this test to mean anything: {rows:#?}"
    );
    let html = all.text("r.html");
    assert_eq!(
        html.matches("<script").count(),
        1,
        "only the report's own script"
    );
    assert!(!html.contains("<img"));
    assert!(html.contains("&lt;script&gt;document.title=&quot;pwned&quot;&lt;/script&gt;"));
    assert!(html.contains("&quot;&gt;&lt;img src=x onerror="));
    assert!(html.contains("<mark"), "the numbers are highlighted");
    // JUnit stays well-formed, with the hostile text in it as text.
    let elements = xml_elements(&all.text("r.xml"));
    assert!(
        elements
            .iter()
            .any(|(n, a)| n == "testsuite"
                && attr(a, "name").contains("<img src=y onerror=alert(1)>"))
    );
}

/// Chromium, if installed: its path.
fn chromium() -> Option<PathBuf> {
    let candidates = ["chromium", "chromium-browser", "google-chrome"];
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .flat_map(|dir| candidates.iter().map(move |c| dir.join(c)))
            .find(|p| p.is_file())
    })
}

/// Loads a page in headless Chromium and returns the DOM after its scripts ran, or saves a
/// screenshot.
fn browse(chromium: &Path, page: &Path, action: &str) -> String {
    let profile = tempfile::tempdir().unwrap();
    let out = StdCommand::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--window-size=1400,1000",
        ])
        .arg(format!("--user-data-dir={}", p(profile.path())))
        .arg(action)
        .arg(format!("file://{}", p(page)))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).to_string()
}

/// `N of M findings shown`, as the page's script writes it.
fn shown(dom: &str) -> Option<(usize, usize)> {
    let at = dom.find("<output id=\"shown\">")? + "<output id=\"shown\">".len();
    let text = &dom[at..at + dom[at..].find('<')?];
    let mut words = text.split(' ');
    let n = words.next()?.parse().ok()?;
    words.next();
    let m = words.next()?.parse().ok()?;
    Some((n, m))
}

#[test]
fn the_html_report_works_in_a_headless_browser() {
    let Some(chromium) = chromium() else {
        eprintln!("SKIPPED: chromium is not installed (apt-get install -y chromium); the HTML report was not checked in a browser");
        return;
    };
    let all = AllFormats::run(&[BROKEN], &[]);
    let rows = csv_rows(&all.read("r.csv"));
    let page = all.path("r.html");

    // The script ran under the page's Content Security Policy and counted every finding.
    let dom = browse(&chromium, &page, "--dump-dom");
    assert_eq!(
        shown(&dom),
        Some((rows.len(), rows.len())),
        "script did not run"
    );
    for id in ["f-lang", "f-check", "f-severity", "f-flagged"] {
        assert!(dom.contains(&format!("id=\"{id}\"")), "no filter {id}");
    }
    assert!(dom.contains("<option value=\"ru\">ru</option>"));
    assert!(dom.contains("<option value=\"number\">number</option>"));
    assert!(dom.contains("<mark class=\"error\""), "no highlighted item");
    // Every aligned segment is shown, not only the flagged ones.
    let segments = dom.matches("<tr class=\"seg").count();
    assert!(segments > 12 * 20, "{segments} segments");

    // Filtering by language: the page opened with Russian chosen shows only Russian findings.
    let html = all.text("r.html");
    let russian = html.replacen(
        "<option value=\"ru\">ru</option>",
        "<option value=\"ru\" selected>ru</option>",
        1,
    );
    let filtered = all.path("ru.html");
    std::fs::write(&filtered, russian).unwrap();
    let dom = browse(&chromium, &filtered, "--dump-dom");
    let ru = rows
        .iter()
        .filter(|r| field(r, "target_lang") == "ru")
        .count();
    assert!(ru > 0);
    assert_eq!(shown(&dom), Some((ru, rows.len())));
    for finding in dom.split("<tr class=\"finding\"").skip(1) {
        let tag = &finding[..finding.find('>').unwrap()];
        let hidden = tag.contains(" hidden");
        assert_eq!(hidden, !tag.contains("data-lang=\"ru\""), "{tag}");
    }

    // A screenshot renders.
    let shot = all.path("shot.png");
    browse(&chromium, &page, &format!("--screenshot={}", p(&shot)));
    let png = std::fs::read(&shot).unwrap();
    assert!(png.starts_with(b"\x89PNG") && png.len() > 10_000);
}

#[test]
fn hostile_documents_stay_text_in_the_browser() {
    let Some(chromium) = chromium() else {
        eprintln!("SKIPPED: chromium is not installed (apt-get install -y chromium); the HTML report was not checked in a browser");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    hostile_corpus(dir.path());
    let page = dir.path().join("report.html");
    let spec = format!("html={}", p(&page));
    let out = concord(&["check", p(dir.path()), "--quiet", "--report", &spec]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let dom = browse(&chromium, &page, "--dump-dom");
    assert!(
        dom.contains("<title>concord report</title>"),
        "title changed"
    );
    assert!(!dom.contains("pwned</title>"));
    assert!(!dom.contains("<img"), "an image element was created");
    assert_eq!(dom.matches("<script").count(), 1);
    assert!(dom.contains("&lt;script&gt;document.title=\"pwned\"&lt;/script&gt;"));
    assert!(shown(&dom).is_some_and(|(n, m)| n == m && n > 0));
}
