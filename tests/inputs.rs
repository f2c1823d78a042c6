//! End-to-end on small inputs made here: the `<lang>/<path>` layout with Markdown, and a TMX
//! file with several target languages, in Latin, Cyrillic, Greek, Arabic and CJK text.

use assert_cmd::Command;

fn check(args: &[&str]) -> (Option<i32>, Vec<csv::StringRecord>) {
    let out = Command::cargo_bin("concord")
        .unwrap()
        .arg("check")
        .arg("--quiet")
        .args(args)
        .output()
        .unwrap();
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    (
        out.status.code(),
        reader.records().map(|r| r.unwrap()).collect(),
    )
}

fn has(
    rows: &[csv::StringRecord],
    document: &str,
    check: &str,
    severity: &str,
    target: &str,
) -> bool {
    rows.iter().any(|r| {
        r[0].ends_with(document) && &r[4] == check && &r[5] == severity && r[7].contains(target)
    })
}

#[test]
fn language_folders_with_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for (lang, text) in [
        ("en", "# Talks in Vienna\n\nOn Thursday, 57 states met in Vienna. The talks ended without an agreement.\n\n- Russia wants *guarantees*.\n"),
        ("de", "# Gespräche in Wien\n\nAm Donnerstag trafen sich 57 Staaten in Wien. Die Gespräche endeten ohne Einigung.\n\n- Russland will *Garantien*.\n"),
        ("ru", "# Переговоры в Вене\n\nВ четверг в Вене встретились 75 государств. Переговоры закончились без соглашения.\n\n- Россия хочет *гарантий*.\n"),
    ] {
        std::fs::create_dir_all(root.join(lang).join("news")).unwrap();
        std::fs::write(root.join(lang).join("news/talks.md"), text).unwrap();
    }
    let (code, rows) = check(&[root.to_str().unwrap()]);
    assert_eq!(code, Some(1));
    assert!(
        has(&rows, "ru/news/talks.md", "number", "error", "75"),
        "{rows:?}"
    );
    assert!(
        !rows
            .iter()
            .any(|r| r[0].starts_with("de/") && &r[5] == "error"),
        "{rows:?}"
    );
    let segment = rows
        .iter()
        .find(|r| &r[4] == "number")
        .map(|r| r[1].to_string());
    assert_eq!(segment.as_deref(), Some("2.1"), "paragraph 2, sentence 1");
}

const TMX: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="test" creationtool="test" creationtoolversion="1"/>
  <body>
    <tu tuid="t1">
      <tuv xml:lang="en"><seg>The OSCE unites 57 European states, including Ukraine and Russia itself.</seg></tuv>
      <tuv xml:lang="el"><seg>Ο ΟΑΣΕ ενώνει 57 ευρωπαϊκά κράτη, μεταξύ των οποίων η Ουκρανία και η ίδια η Ρωσία.</seg></tuv>
      <tuv xml:lang="ar"><seg>تضم منظمة الأمن والتعاون في أوروبا 75 دولة أوروبية، من بينها أوكرانيا وروسيا نفسها.</seg></tuv>
      <tuv xml:lang="zh"><seg>欧安组织由57个欧洲国家组成，其中包括乌克兰和俄罗斯本身。</seg></tuv>
    </tu>
    <tu tuid="t2">
      <tuv xml:lang="en"><seg>He called the negotiations “a moment of truth.”</seg></tuv>
      <tuv xml:lang="el"><seg>Χαρακτήρισε τις διαπραγματεύσεις «στιγμή της αλήθειας».</seg></tuv>
      <tuv xml:lang="ar"><seg>ووصف المفاوضات بأنها «لحظة الحقيقة».</seg></tuv>
      <tuv xml:lang="zh"><seg>他称这次谈判是“关键时刻。</seg></tuv>
    </tu>
    <tu tuid="t3">
      <tuv xml:lang="en"><seg>Both demands are unacceptable to the US and NATO, the ministers said.</seg></tuv>
      <tuv xml:lang="el"><seg>Both demands are unacceptable to the US and NATO, the ministers said.</seg></tuv>
      <tuv xml:lang="ar"><seg>وقال الوزراء إن كلا المطلبين غير مقبول بالنسبة للولايات المتحدة وحلف الناتو.</seg></tuv>
      <tuv xml:lang="zh"><seg>部长们表示，这两项要求对美国和北约来说都是不可接受的。</seg></tuv>
    </tu>
  </body>
</tmx>
"#;

#[test]
fn tmx_with_several_target_languages() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("memory.tmx");
    std::fs::write(&path, TMX).unwrap();
    let (code, rows) = check(&[path.to_str().unwrap()]);
    assert_eq!(code, Some(1));
    assert!(
        has(&rows, "memory.tmx", "number", "error", "75"),
        "{rows:?}"
    );
    assert!(has(&rows, "memory.tmx", "quote", "error", ""), "{rows:?}");
    assert!(
        has(&rows, "memory.tmx", "untranslated", "error", ""),
        "{rows:?}"
    );
    let segments: Vec<(&str, &str, &str)> = rows.iter().map(|r| (&r[1], &r[3], &r[4])).collect();
    assert!(segments.contains(&("t1", "ar", "number")), "{segments:?}");
    assert!(segments.contains(&("t2", "zh", "quote")), "{segments:?}");
    assert!(
        segments.contains(&("t3", "el", "untranslated")),
        "{segments:?}"
    );
    assert_eq!(
        rows.iter().filter(|r| &r[5] == "error").count(),
        3,
        "{rows:?}"
    );
}

#[test]
fn a_broken_tmx_is_an_input_error_and_other_inputs_are_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("broken.tmx"),
        "<tmx><body><tu><tuv xml:lang=\"en\"><seg>Open",
    )
    .unwrap();
    std::fs::write(dir.path().join("memory.tmx"), TMX).unwrap();
    let (code, rows) = check(&[dir.path().to_str().unwrap()]);
    assert_eq!(code, Some(1));
    assert!(
        rows.iter()
            .any(|r| r[0].ends_with("broken.tmx") && &r[4] == "input-error" && &r[5] == "error"),
        "{rows:?}"
    );
    assert!(has(&rows, "memory.tmx", "number", "error", "75"));
}

/// Placeholders in text and inline codes of XLIFF and TMX are compared, and the XLIFF state of
/// each unit is in the report's last column (empty for formats without one).
#[test]
fn placeholders_codes_and_states_in_bilingual_files() {
    let dir = tempfile::tempdir().unwrap();
    let xlf = dir.path().join("app.xlf");
    std::fs::write(
        &xlf,
        "<xliff version='1.2'><file source-language='en' target-language='de'><body>\
         <trans-unit id='files' approved='yes'><source>Deleted %1$d files from {folder}.</source>\
         <target state='translated'>%1$d Dateien aus {Ordner} gelöscht.</target></trans-unit>\
         <trans-unit id='break'><source>First line<x id='1'/>second line of the message.</source>\
         <target state='needs-review-translation'>Erste Zeile, zweite Zeile der Nachricht.</target></trans-unit>\
         <trans-unit id='page'><source>Page {0} of 3</source><target state='final'>Seite {0} von 3</target></trans-unit>\
         </body></file></xliff>",
    )
    .unwrap();
    let tmx = dir.path().join("memory.tmx");
    std::fs::write(
        &tmx,
        "<tmx version='1.4'><header srclang='en'/><body><tu tuid='t1'>\
         <tuv xml:lang='en'><seg>Click <bpt i='1'>&lt;b></bpt>here<ept i='1'>&lt;/b></ept> to continue.</seg></tuv>\
         <tuv xml:lang='fr'><seg>Cliquez ici pour continuer.</seg></tuv></tu></body></tmx>",
    )
    .unwrap();
    let (code, rows) = check(&[xlf.to_str().unwrap(), tmx.to_str().unwrap()]);
    assert_eq!(code, Some(1));
    let placeholder: Vec<(&str, &str, &str, &str)> = rows
        .iter()
        .filter(|r| &r[4] == "placeholder")
        .map(|r| (&r[1], &r[6], &r[7], &r[12]))
        .collect();
    assert_eq!(
        placeholder,
        [
            ("files", "{folder}", "{Ordner}", "translated, approved"),
            ("break", "<x id=\"1\"/>", "", "needs-review-translation"),
            ("t1", "</b>", "", ""),
            ("t1", "<b>", "", ""),
        ],
        "{rows:?}"
    );
    // `%1$d` and `{0}` are not the numbers 1 and 0.
    assert!(!rows.iter().any(|r| &r[4] == "number"), "{rows:?}");
}
