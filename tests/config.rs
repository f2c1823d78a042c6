//! `concord.toml` end to end: found by walking up from the inputs or given with `--config`;
//! severities per check, `off`, ignored paths, the source language; unknown keys refused.

use std::path::Path;

use assert_cmd::Command;

fn check(args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::cargo_bin("concord")
        .unwrap()
        .arg("check")
        .arg("--quiet")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// Two documents whose German versions change a number, in `root/docs`.
fn documents(root: &Path) -> String {
    let docs = root.join("docs");
    std::fs::create_dir_all(docs.join("drafts")).unwrap();
    for dir in [docs.clone(), docs.join("drafts")] {
        std::fs::write(
            dir.join("a.en.txt"),
            "The committee met with 120 delegates in Vienna.\n",
        )
        .unwrap();
        std::fs::write(
            dir.join("a.de.txt"),
            "Der Ausschuss traf sich mit 210 Delegierten in Wien.\n",
        )
        .unwrap();
    }
    docs.to_str().unwrap().to_string()
}

fn rows<'a>(report: &'a str, check: &str) -> Vec<&'a str> {
    report
        .lines()
        .filter(|l| l.split(',').nth(4) == Some(check))
        .collect()
}

#[test]
fn settings_found_above_the_inputs_change_severities_and_ignore_paths() {
    let dir = tempfile::tempdir().unwrap();
    let docs = documents(dir.path());
    let (code, report, _) = check(&[&docs]);
    assert_eq!(code, Some(1));
    assert_eq!(rows(&report, "number").len(), 2, "{report}");
    assert!(rows(&report, "number")
        .iter()
        .all(|r| r.contains(",error,")));

    std::fs::write(
        dir.path().join("concord.toml"),
        "ignore = [\"drafts\"]\n[checks]\nnumber = \"warning\"\n",
    )
    .unwrap();
    let (code, report, _) = check(&[&docs]);
    assert_eq!(code, Some(0), "{report}");
    let numbers = rows(&report, "number");
    assert_eq!(numbers.len(), 1, "{report}");
    assert!(numbers[0].starts_with("a.de.txt,") && numbers[0].contains(",warning,"));
    let (code, _, _) = check(&["--fail-on", "warning", &docs]);
    assert_eq!(code, Some(1));

    std::fs::write(
        dir.path().join("concord.toml"),
        "[checks]\nnumber = \"off\"\n",
    )
    .unwrap();
    let (code, report, _) = check(&[&docs]);
    assert!(rows(&report, "number").is_empty(), "{report}");
    assert_eq!(code, Some(if report.contains(",error,") { 1 } else { 0 }));

    // --config wins over the file found.
    let other = dir.path().join("other.toml");
    std::fs::write(&other, "[checks]\nnumber = \"info\"\n").unwrap();
    let (_, report, _) = check(&["--config", other.to_str().unwrap(), &docs]);
    let numbers = rows(&report, "number");
    assert_eq!(numbers.len(), 2, "{report}");
    assert!(numbers.iter().all(|r| r.contains(",info,")));
}

#[test]
fn the_source_language_can_be_configured() {
    let dir = tempfile::tempdir().unwrap();
    let docs = documents(dir.path());
    std::fs::write(dir.path().join("concord.toml"), "source_lang = \"de\"\n").unwrap();
    let (_, report, _) = check(&[&docs]);
    // German is now the source: the findings are on the English versions.
    let numbers = rows(&report, "number");
    assert_eq!(numbers.len(), 2, "{report}");
    assert!(numbers.iter().all(|r| r.contains("a.en.txt,")), "{report}");
}

#[test]
fn an_unknown_key_is_a_usage_error_that_names_it() {
    let dir = tempfile::tempdir().unwrap();
    let docs = documents(dir.path());
    for (text, key) in [
        ("sourcelang = \"de\"\n", "sourcelang"),
        ("[checks]\nnumbers = \"off\"\n", "numbers"),
        ("[checks]\nnumber = \"fatal\"\n", "fatal"),
    ] {
        std::fs::write(dir.path().join("concord.toml"), text).unwrap();
        let (code, report, stderr) = check(&[&docs]);
        assert_eq!(code, Some(2), "{text}");
        assert!(report.is_empty());
        assert!(stderr.contains(key), "{text}: {stderr}");
        assert!(stderr.contains("concord.toml"), "{stderr}");
    }
    let (code, _, stderr) = check(&["--config", "/nonexistent/concord.toml", &docs]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("/nonexistent/concord.toml"));
}

/// Fuzzy PO entries are skipped unless `--include-fuzzy` or `include_fuzzy = true` asks for them;
/// their findings then say `fuzzy` in the `state` column.
#[test]
fn fuzzy_entries_by_option_or_configuration() {
    let dir = tempfile::tempdir().unwrap();
    let po = dir.path().join("de.po");
    std::fs::write(
        &po,
        "msgid \"\"\nmsgstr \"Language: de\\n\"\n\n\
         msgid \"The committee met with 120 delegates.\"\nmsgstr \"Der Ausschuss traf sich mit 120 Delegierten.\"\n\n\
         #, fuzzy\nmsgid \"The hall has 300 seats.\"\nmsgstr \"Der Saal hat 30 Plätze.\"\n",
    )
    .unwrap();
    let po = po.to_str().unwrap();
    let (code, report, _) = check(&[po]);
    assert_eq!(code, Some(0), "{report}");
    assert!(rows(&report, "number").is_empty(), "{report}");
    let (code, report, _) = check(&[po, "--include-fuzzy"]);
    assert_eq!(code, Some(1), "{report}");
    let found = rows(&report, "number");
    assert_eq!(found.len(), 1, "{report}");
    assert!(found[0].ends_with(",fuzzy"), "{report}");
    std::fs::write(dir.path().join("concord.toml"), "include_fuzzy = true\n").unwrap();
    let (code, report, _) = check(&[po]);
    assert_eq!(code, Some(1), "{report}");
    assert_eq!(rows(&report, "number").len(), 1, "{report}");
    std::fs::write(dir.path().join("concord.toml"), "include_fuzzy = \"yes\"\n").unwrap();
    let (code, _, err) = check(&[po]);
    assert_eq!(code, Some(2));
    assert!(err.contains("include_fuzzy"), "{err}");
}

/// A glossary from concord.toml (CSV) or from `--glossary` (TBX); per-language severities.
#[test]
fn glossary_and_language_settings() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(
        root.join("a.tsv"),
        "id\ten\tde\tfr\n\
         1\tThe committee met on Monday.\tDer Ausschuss tagte am Montag.\tLe comité s'est réuni lundi.\n\
         2\tThe committee's report was published.\tDer Bericht des Komitees wurde veröffentlicht.\tLe rapport de la commission a été publié.\n\
         3\tThe report of the committee is long.\tDer Bericht des Ausschusses ist lang.\tLe rapport du comité est long.\n",
    )
    .unwrap();
    std::fs::write(
        root.join("terms.csv"),
        "en,de,fr\ncommittee,Ausschuss*,comité\n",
    )
    .unwrap();
    let input = root.join("a.tsv");
    let input = input.to_str().unwrap();
    // Without a glossary, nothing.
    let (code, report, _) = check(&[input]);
    assert!(rows(&report, "glossary").is_empty(), "{report}");
    assert_eq!(code, Some(0), "{report}");
    // From concord.toml, relative to its folder: a warning, unit 2 in both languages.
    std::fs::write(root.join("concord.toml"), "glossary = \"terms.csv\"\n").unwrap();
    let (code, report, _) = check(&[input]);
    let found = rows(&report, "glossary");
    assert_eq!(found.len(), 2, "{report}");
    assert!(
        found
            .iter()
            .all(|r| r.contains(",2,en,") && r.contains(",warning,committee,")),
        "{report}"
    );
    assert_eq!(code, Some(0), "{report}");
    // German made an error, French turned off.
    std::fs::write(
        root.join("concord.toml"),
        "glossary = \"terms.csv\"\n[lang.de.checks]\nglossary = \"error\"\n[lang.fr.checks]\nglossary = \"off\"\n",
    )
    .unwrap();
    let (code, report, _) = check(&[input]);
    let found = rows(&report, "glossary");
    assert_eq!(found.len(), 1, "{report}");
    assert!(found[0].contains(",en,de,glossary,error,"), "{report}");
    assert_eq!(code, Some(1), "{report}");
    // --glossary overrides the configuration's glossary; TBX.
    std::fs::write(
        root.join("terms.tbx"),
        "<?xml version='1.0'?><martif type='TBX'><text><body><termEntry>\
         <langSet xml:lang='en'><tig><term>report</term></tig></langSet>\
         <langSet xml:lang='de'><tig><term>Bericht</term></tig></langSet>\
         <langSet xml:lang='fr'><tig><term>rapport</term></tig></langSet>\
         </termEntry></body></text></martif>",
    )
    .unwrap();
    let tbx = root.join("terms.tbx");
    let (_, report, _) = check(&[input, "--glossary", tbx.to_str().unwrap()]);
    assert!(rows(&report, "glossary").is_empty(), "{report}");
    // A glossary that cannot be read is a usage error.
    let (code, _, err) = check(&[input, "--glossary", "/nonexistent/terms.csv"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("glossary"), "{err}");
}
