//! Loading real files of every supported format, and broken ones: each broken input gives a
//! `LoadError`, never a panic.

use std::path::{Path, PathBuf};

use concord::load::{
    load_bilingual, load_bilingual_with, load_document, BilingualFile, LanguageOverride, LoadError,
    LoadOptions,
};
use proptest::prelude::*;

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/load")
        .join(name)
}

fn bilingual(name: &str) -> BilingualFile {
    load_bilingual(&data(name), &LanguageOverride::default())
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn bilingual_err(name: &str) -> LoadError {
    load_bilingual(&data(name), &LanguageOverride::default()).expect_err(name)
}

fn over(source: Option<&str>, target: Option<&str>) -> LanguageOverride {
    LanguageOverride {
        source: source.map(Into::into),
        target: target.map(Into::into),
    }
}

/// `(id, source, target)` of the units of the set in `lang`.
fn units<'a>(file: &'a BilingualFile, lang: &str) -> Vec<(&'a str, &'a str, &'a str)> {
    let set = file
        .sets
        .iter()
        .find(|s| s.target_lang == lang)
        .unwrap_or_else(|| panic!("no set {lang}"));
    set.units
        .iter()
        .map(|u| (u.id.as_str(), u.source.as_str(), u.target.as_str()))
        .collect()
}

fn langs(file: &BilingualFile) -> Vec<&str> {
    file.sets.iter().map(|s| s.target_lang.as_str()).collect()
}

#[test]
fn tmx_utf16_two_targets_inline_codes() {
    let file = bilingual("memory.utf16.tmx");
    assert_eq!(file.source_lang, "en-US");
    assert_eq!(langs(&file), ["de-DE", "fr-FR"]);
    assert_eq!(
        units(&file, "de-DE"),
        [
            (
                "intro",
                "The budget grew by 5% in 2023.",
                "Das Budget wuchs 2023 um 5 %."
            ),
            ("2", "Press Enter now", "Drücken Sie Enter jetzt"),
            (
                "quote",
                "\"Hello,\" said Anna.",
                "„Hallo“, sagte Anna & lachte."
            ),
        ]
    );
    assert_eq!(
        units(&file, "fr-FR"),
        [
            (
                "intro",
                "The budget grew by 5% in 2023.",
                "Le budget a augmenté de 5 % en 2023."
            ),
            ("quote", "\"Hello,\" said Anna.", "« Bonjour », dit Anna."),
        ]
    );
}

#[test]
fn tmx_overrides() {
    let file = load_bilingual(&data("memory.utf16.tmx"), &over(None, Some("fr"))).unwrap();
    assert_eq!(langs(&file), ["fr-FR"]);
    let file = load_bilingual(&data("memory.utf16.tmx"), &over(Some("fr-FR"), None)).unwrap();
    assert_eq!(file.source_lang, "fr-FR");
    assert_eq!(langs(&file), ["en-US", "de-DE"]);
    assert_eq!(
        units(&file, "en-US"),
        [
            (
                "intro",
                "Le budget a augmenté de 5 % en 2023.",
                "The budget grew by 5% in 2023."
            ),
            ("quote", "« Bonjour », dit Anna.", "\"Hello,\" said Anna.")
        ]
    );
    let err = load_bilingual(&data("memory.utf16.tmx"), &over(None, Some("it"))).unwrap_err();
    assert!(err.0.contains("no units in target language it"), "{err}");
}

#[test]
fn tmx_legacy_encoding_version_1_1_and_all() {
    let file = bilingual("legacy.cp1251.tmx");
    assert_eq!(file.source_lang, "en");
    assert_eq!(units(&file, "ru"), [("1", "Moscow", "Москва")]);
}

#[test]
fn xliff_1_2() {
    let file = bilingual("app.xlf");
    assert_eq!(file.source_lang, "en");
    assert_eq!(
        units(&file, "de"),
        [
            (
                "welcome",
                "Welcome to Berlin, dear guest!",
                "Willkommen in Berlin, lieber Gast!"
            ),
            (
                "price",
                "Only $9.99 a month today.",
                "Nur 9,99 $ im Monat heute."
            ),
            // An empty <target> is kept for the omission check; a unit with none is skipped.
            ("empty", "Also not translated.", ""),
            (
                "marked",
                "Call Anna Schmidt at 10:30.",
                "Rufen Sie Anna Schmidt um 10:30 an."
            ),
        ]
    );
}

#[test]
fn xliff_2_0() {
    let file = bilingual("site.xliff");
    assert_eq!(file.source_lang, "en");
    assert_eq!(
        units(&file, "fr"),
        [
            ("title", "Annual report 2024", "Rapport annuel 2024"),
            (
                "body/s1",
                "Sales rose by 12%.",
                "Les ventes ont augmenté de 12 %."
            ),
            ("body/s2", "Profits fell.", "Les bénéfices ont baissé."),
        ]
    );
}

#[test]
fn po_entries() {
    let file = bilingual("messages.po");
    assert_eq!(file.source_lang, "en");
    assert_eq!(
        units(&file, "de"),
        [
            ("line 11", "Hello, world!", "Hallo, Welt!"),
            ("menu|file", "Open", "Öffnen"),
            ("line 19[0]", "One file", "Eine Datei"),
            ("line 19[1]", "%d files", "%d Dateien"),
            (
                "line 28",
                "A long message that spans lines.\nSecond line with a \"quote\" and a tab\there.",
                "Eine lange Nachricht, die über Zeilen geht.\nZweite Zeile mit einem \"Zitat\" und einem Tab\thier."
            ),
            ("line 37", "Backslash \\ kept", "Backslash \\ bleibt"),
            // An untranslated entry is kept, empty, for the omission check.
            ("line 40", "Untranslated", ""),
        ]
    );
}

#[test]
fn po_fuzzy_option_and_overrides() {
    let with_fuzzy = LoadOptions {
        include_fuzzy: true,
        ..LoadOptions::default()
    };
    let file = load_bilingual_with(
        &data("messages.po"),
        &LanguageOverride::default(),
        &with_fuzzy,
    )
    .unwrap();
    assert!(units(&file, "de").contains(&("line 25", "Fuzzy %s", "Unscharf %s")));
    let file = load_bilingual(&data("messages.po"), &over(Some("en-US"), Some("de-ch"))).unwrap();
    assert_eq!(
        (file.source_lang.as_str(), langs(&file)),
        ("en-US", vec!["de-CH"])
    );
}

#[test]
fn po_declared_latin1() {
    let file = bilingual("latin1.po");
    assert_eq!(units(&file, "fr-FR"), [("line 6", "Price", "Prix à payer")]);
}

#[test]
fn tsv_with_id_column_and_quotes() {
    let file = bilingual("strings.tsv");
    assert_eq!(file.source_lang, "en");
    assert_eq!(langs(&file), ["de", "fr"]);
    assert_eq!(
        units(&file, "de"),
        [
            ("greeting", "Hello!", "Hallo!"),
            ("count", "He said \"3 apples\"", "Er sagte \"3 Äpfel\""),
            ("3", "No id here.", "Keine ID hier."),
        ]
    );
    assert_eq!(
        units(&file, "fr"),
        [
            ("greeting", "Hello!", "Bonjour !"),
            // The empty French cell is kept, for the omission check.
            ("count", "He said \"3 apples\"", ""),
            ("3", "No id here.", "Pas d'identifiant.")
        ]
    );
}

#[test]
fn csv_with_key_column_source_en_not_first() {
    let file = bilingual("strings.csv");
    assert_eq!(file.source_lang, "en");
    assert_eq!(
        units(&file, "de"),
        [
            ("k1", "Hello, world", "Hallo, Welt"),
            ("k2", "Two\nlines", "Zwei\nZeilen"),
            ("k3", "Missing", "")
        ]
    );
    let file = load_bilingual(&data("strings.csv"), &over(Some("de"), None)).unwrap();
    assert_eq!(units(&file, "en")[0], ("k1", "Hallo, Welt", "Hello, world"));
}

#[test]
fn markdown_document() {
    let doc = load_document(&data("report.en.md")).unwrap();
    assert_eq!(
        doc.paragraphs,
        [
            "Annual report 2024",
            "Revenue grew by 12% to €4.5 million, see the table and below.",
            "Highlights",
            "New office in Zürich",
            "3 new partners joined this year",
            "first ordered",
            "Quoted statement by Jane Doe.",
            "Year | Revenue",
            "2024 | 4.5",
            "Visit https://example.com or our site.",
        ]
    );
}

#[test]
fn plain_text_documents() {
    let doc = load_document(&data("report.en.txt")).unwrap();
    assert_eq!(
        doc.paragraphs,
        ["First paragraph, still first.", "Second paragraph."]
    );
    let doc = load_document(&data("lines.txt")).unwrap();
    assert_eq!(doc.paragraphs, ["One sentence.", "Two sentence.", "三句话"]);
}

#[test]
fn broken_inputs_are_load_errors() {
    let err = bilingual_err("truncated.tmx");
    assert!(err.0.contains("unexpected end of file"), "{err}");
    assert!(bilingual_err("not_xml.tmx").0.contains("no XML element"));
    assert!(bilingual_err("wrong_root.xlf")
        .0
        .contains("expected a <xliff> root element, found <html>"));
    assert!(bilingual_err("bad.po")
        .0
        .contains("line 1: unterminated string"));
    assert!(bilingual_err("notes.csv")
        .0
        .starts_with("no language columns in header"));

    let err = load_document(&data("invalid_utf8.txt")).unwrap_err();
    assert!(err.0.starts_with("not valid UTF-8 at byte 3"), "{err}");
    let err = load_document(&data("binary.txt")).unwrap_err();
    assert!(err.0.starts_with("binary file"), "{err}");

    let err = load_document(&data("missing.txt")).unwrap_err();
    assert!(
        err.0.starts_with("cannot read") && err.0.contains("No such file"),
        "{err}"
    );
    let err = bilingual_err("missing.tmx");
    assert!(err.0.starts_with("cannot read"), "{err}");
    let dir = tempfile::tempdir().unwrap();
    let as_dir = dir.path().join("folder.po");
    std::fs::create_dir(&as_dir).unwrap();
    assert!(load_bilingual(&as_dir, &LanguageOverride::default())
        .unwrap_err()
        .0
        .starts_with("cannot read"));
    assert!(load_document(&data("app.xlf"))
        .unwrap_err()
        .0
        .contains("not a document type"));
    assert!(load_bilingual(&data("lines.txt"), &LanguageOverride::default()).is_err());
}

#[test]
fn xml_entities_are_never_expanded() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lol.tmx");
    let xml = r#"<?xml version="1.0"?>
<!DOCTYPE tmx [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;"><!ENTITY ext SYSTEM "file:///etc/passwd">]>
<tmx version="1.4"><header srclang="en"/><body>
<tu><tuv xml:lang="en"><seg>&lol2; &ext;</seg></tuv><tuv xml:lang="de"><seg>x &amp; y</seg></tuv></tu>
</body></tmx>"#;
    std::fs::write(&path, xml).unwrap();
    // Entity declarations are refused outright (see tests/robustness.rs); an entity reference
    // without a declaration stays as written.
    let err = load_bilingual(&path, &LanguageOverride::default()).unwrap_err();
    assert!(err.0.contains("declares entities"), "{err}");
    let undeclared = xml.replace(
        &xml[xml.find("<!DOCTYPE").unwrap()..xml.find("<tmx").unwrap()],
        "",
    );
    std::fs::write(&path, undeclared).unwrap();
    let file = load_bilingual(&path, &LanguageOverride::default()).unwrap();
    assert_eq!(units(&file, "de"), [("1", "&lol2; &ext;", "x & y")]);
}

/// Every fixture, and every file with one of the loaders' extensions made of its bytes.
const FIXTURES: &[&str] = &[
    "memory.utf16.tmx",
    "legacy.cp1251.tmx",
    "app.xlf",
    "site.xliff",
    "messages.po",
    "strings.tsv",
    "strings.csv",
    "report.en.md",
];
const EXTENSIONS: &[&str] = &["txt", "md", "tmx", "xlf", "po", "tsv", "csv"];

fn load_any(dir: &Path, ext: &str, bytes: &[u8]) {
    let path = dir.join(format!("input.{ext}"));
    std::fs::write(&path, bytes).unwrap();
    if matches!(ext, "txt" | "md") {
        let _ = load_document(&path);
    } else {
        let _ = load_bilingual(&path, &LanguageOverride::default());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let dir = tempfile::tempdir().unwrap();
        for ext in EXTENSIONS {
            load_any(dir.path(), ext, &bytes);
        }
    }

    #[test]
    fn damaged_fixtures_never_panic(which in 0..FIXTURES.len(), cut in any::<prop::sample::Index>(), flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..4)) {
        let name = FIXTURES[which];
        let mut bytes = std::fs::read(data(name)).unwrap();
        for (at, byte) in flips {
            let i = at.index(bytes.len());
            bytes[i] = byte;
        }
        bytes.truncate(cut.index(bytes.len() + 1));
        let ext = name.rsplit('.').next().unwrap();
        let dir = tempfile::tempdir().unwrap();
        load_any(dir.path(), ext, &bytes);
    }

    #[test]
    fn markdown_and_text_never_panic(text in "[ -~\n\t#>*_`\\[\\]()!<>|~-]{0,200}") {
        let _ = concord::load::text::parse_markdown(&text);
        let _ = concord::load::text::parse_plain(&text);
    }
}
