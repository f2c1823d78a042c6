//! The same content in every input format gives the same findings: five English–German pairs
//! with known errors (a changed number, a dropped name, a missing placeholder, a broken
//! quotation, and one faithful pair) written as TMX, XLIFF 1.2, XLIFF 2.0, PO, TSV, CSV and as a
//! folder of two plain-text documents. Each is checked on its own, and the (check, severity,
//! source item, target item) of its findings must be the same set for all of them.

use std::collections::BTreeSet;
use std::path::Path;

use assert_cmd::Command;

/// (English, German): the errors are in pairs 1 to 4.
const PAIRS: [(&str, &str); 5] = [
    (
        "The committee met with 120 delegates in Vienna.",
        "Der Ausschuss traf sich mit 210 Delegierten in Wien.",
    ),
    (
        "Sergei Lavrov spoke with Antony Blinken about the talks in Geneva.",
        "Sergei Lawrow sprach mit ihm über die Gespräche in Genf.",
    ),
    (
        "Deleted {count} files from the folder {folder}.",
        "{count} Dateien aus dem Ordner gelöscht.",
    ),
    (
        "The minister said \"we will not leave the city\" after the meeting.",
        "Der Minister sagte nach dem Treffen „wir werden die Stadt nicht verlassen.",
    ),
    (
        "The talks will resume in the spring of next year.",
        "Die Gespräche werden im Frühjahr des nächsten Jahres fortgesetzt.",
    ),
];

/// What the findings are about, whatever the format: (check, severity, source, target).
type Found = BTreeSet<(String, String, String, String)>;

fn check(path: &Path) -> Found {
    let out = Command::cargo_bin("concord")
        .unwrap()
        .args(["check", "--quiet", "--fail-on", "never"])
        .arg(path)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            (
                r[4].to_string(),
                r[5].to_string(),
                r[6].to_string(),
                r[7].to_string(),
            )
        })
        .collect()
}

fn xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn po_string(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

fn csv_cell(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

/// Writes the pairs in every format under `dir`; returns each input to check, by format name.
fn write_all(dir: &Path) -> Vec<(&'static str, std::path::PathBuf)> {
    let units = || PAIRS.iter().enumerate().map(|(i, p)| (i + 1, p.0, p.1));
    let mut inputs = Vec::new();
    let mut put = |name: &'static str, file: &str, text: String| {
        let sub = dir.join(name);
        std::fs::create_dir_all(&sub).unwrap();
        let path = sub.join(file);
        std::fs::write(&path, text).unwrap();
        inputs.push((name, path));
    };

    let tus: String = units()
        .map(|(i, en, de)| {
            format!(
                "<tu tuid=\"{i}\"><tuv xml:lang=\"en\"><seg>{}</seg></tuv><tuv xml:lang=\"de\"><seg>{}</seg></tuv></tu>\n",
                xml(en),
                xml(de)
            )
        })
        .collect();
    put(
        "tmx",
        "pairs.tmx",
        format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\"><header srclang=\"en\" segtype=\"sentence\" datatype=\"plaintext\" adminlang=\"en\" creationtool=\"t\" creationtoolversion=\"1\" o-tmf=\"t\"/><body>\n{tus}</body></tmx>\n"),
    );

    let trans_units: String = units()
        .map(|(i, en, de)| {
            format!(
                "<trans-unit id=\"{i}\"><source>{}</source><target>{}</target></trans-unit>\n",
                xml(en),
                xml(de)
            )
        })
        .collect();
    put(
        "xliff12",
        "pairs.xlf",
        format!("<?xml version=\"1.0\"?>\n<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\"><file original=\"p\" datatype=\"plaintext\" source-language=\"en\" target-language=\"de\"><body>\n{trans_units}</body></file></xliff>\n"),
    );

    let units_2: String = units()
        .map(|(i, en, de)| {
            format!(
                "<unit id=\"{i}\"><segment><source>{}</source><target>{}</target></segment></unit>\n",
                xml(en),
                xml(de)
            )
        })
        .collect();
    put(
        "xliff20",
        "pairs.xliff",
        format!("<?xml version=\"1.0\"?>\n<xliff version=\"2.0\" xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" srcLang=\"en\" trgLang=\"de\"><file id=\"f\">\n{units_2}</file></xliff>\n"),
    );

    let entries: String = units()
        .map(|(i, en, de)| {
            format!(
                "msgctxt \"{i}\"\nmsgid {}\nmsgstr {}\n\n",
                po_string(en),
                po_string(de)
            )
        })
        .collect();
    put(
        "po",
        "de.po",
        format!("msgid \"\"\nmsgstr \"\"\n\"Language: de\\n\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n{entries}"),
    );

    let tsv: String = units()
        .map(|(i, en, de)| format!("{i}\t{en}\t{de}\n"))
        .collect();
    put("tsv", "pairs.tsv", format!("id\ten\tde\n{tsv}"));

    let csv: String = units()
        .map(|(i, en, de)| format!("{i},{},{}\r\n", csv_cell(en), csv_cell(de)))
        .collect();
    put("csv", "pairs.csv", format!("id,en,de\r\n{csv}"));

    let en: Vec<&str> = PAIRS.iter().map(|p| p.0).collect();
    let de: Vec<&str> = PAIRS.iter().map(|p| p.1).collect();
    put("documents", "pairs.en.txt", en.join("\n\n") + "\n");
    std::fs::write(dir.join("documents/pairs.de.txt"), de.join("\n\n") + "\n").unwrap();
    inputs.last_mut().unwrap().1 = dir.join("documents");
    inputs
}

#[test]
fn every_format_finds_the_same_errors() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = write_all(dir.path());
    assert_eq!(inputs.len(), 7);
    let results: Vec<(&str, Found)> = inputs
        .iter()
        .map(|(name, path)| (*name, check(path)))
        .collect();
    let (first_name, expected) = &results[0];
    // The known errors, each found.
    let about = |check: &str, source: &str| {
        expected
            .iter()
            .any(|(c, s, src, _)| c == check && s == "error" && src == source)
    };
    assert!(about("number", "120"), "{expected:?}");
    assert!(
        about("name", "Antony Blinken") || about("name", "Blinken"),
        "{expected:?}"
    );
    assert!(about("placeholder", "{folder}"), "{expected:?}");
    assert!(
        expected
            .iter()
            .any(|(c, s, _, _)| c == "quote" && s == "error"),
        "{expected:?}"
    );
    for (name, found) in &results[1..] {
        assert_eq!(found, expected, "{name} differs from {first_name}");
    }
}
