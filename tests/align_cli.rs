//! `concord align` end to end, on small documents made here: the vecalign format, a dropped
//! sentence, the text format, paragraphs split by the segmenter, and the exit codes.

use std::path::Path;

use assert_cmd::Command;

const EN: [&str; 14] = [
    "The delegation arrived in Vienna on Thursday evening.",
    "Talks with the 57 member states of the OSCE began the next morning.",
    "Why were the talks moved from Geneva?",
    "The organisers said the hall in Geneva was being renovated and would not be ready before 2023.",
    "Ambassador Lukashevich spoke first.",
    "He demanded written guarantees that the alliance would not expand any further to the east, and he repeated that his government considered the current situation unacceptable.",
    "No agreement was reached.",
    "A second round is planned for 14 February in Vienna.",
    "Before that, the foreign ministers will meet in Brussels.",
    "Observers expect little from the meeting.",
    "According to the Kremlin, Russia has no plans to attack Ukraine, although it has gathered about 100,000 soldiers near the border.",
    "The United States has threatened severe sanctions.",
    "Europe depends on Russian gas for about 40 percent of its supply, which limits its options.",
    "The talks will continue.",
];

const DE: [&str; 14] = [
    "Die Delegation traf am Donnerstagabend in Wien ein.",
    "Die Gespräche mit den 57 Mitgliedstaaten der OSZE begannen am nächsten Morgen.",
    "Warum wurden die Gespräche aus Genf verlegt?",
    "Die Veranstalter sagten, der Saal in Genf werde renoviert und sei nicht vor 2023 fertig.",
    "Botschafter Lukaschewitsch sprach als Erster.",
    "Er forderte schriftliche Garantien, dass sich das Bündnis nicht weiter nach Osten ausdehne, und wiederholte, seine Regierung halte die derzeitige Lage für inakzeptabel.",
    "Eine Einigung wurde nicht erzielt.",
    "Eine zweite Runde ist für den 14. Februar in Wien geplant.",
    "Vorher treffen sich die Aussenminister in Brüssel.",
    "Beobachter erwarten wenig von dem Treffen.",
    "Laut dem Kreml plant Russland keinen Angriff auf die Ukraine, obwohl es etwa 100.000 Soldaten nahe der Grenze zusammengezogen hat.",
    "Die Vereinigten Staaten haben mit harten Sanktionen gedroht.",
    "Europa bezieht etwa 40 Prozent seines Gases aus Russland, was seine Möglichkeiten einschränkt.",
    "Die Gespräche werden fortgesetzt.",
];

fn write(dir: &Path, name: &str, lines: &[&str]) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    path
}

fn align(args: &[&str], source: &Path, target: &Path) -> (Option<i32>, String) {
    let out = Command::cargo_bin("concord")
        .unwrap()
        .arg("align")
        .args(args)
        .arg(source)
        .arg(target)
        .output()
        .unwrap();
    (out.status.code(), String::from_utf8(out.stdout).unwrap())
}

/// A vecalign line: `[i, j]:[k]:0.873`, as (source indexes, target indexes, score).
fn parse(line: &str) -> (Vec<usize>, Vec<usize>, f64) {
    let list = |s: &str| -> Vec<usize> {
        let inner = s
            .strip_prefix('[')
            .and_then(|s| s.strip_suffix(']'))
            .expect(line);
        if inner.is_empty() {
            Vec::new()
        } else {
            inner.split(", ").map(|n| n.parse().expect(line)).collect()
        }
    };
    let parts: Vec<&str> = line.split(':').collect();
    assert_eq!(parts.len(), 3, "{line}");
    let (score_int, score_frac) = parts[2].split_once('.').expect(line);
    assert!(score_int == "0" || score_int == "1", "{line}");
    assert_eq!(score_frac.len(), 3, "three decimals: {line}");
    let score: f64 = parts[2].parse().unwrap();
    assert!((0.0..=1.0).contains(&score), "{line}");
    (list(parts[0]), list(parts[1]), score)
}

/// Checks that the beads cover `0..n` and `0..m` once each, in order, and returns them.
fn beads(out: &str, n: usize, m: usize) -> Vec<(Vec<usize>, Vec<usize>, f64)> {
    let beads: Vec<_> = out.lines().map(parse).collect();
    let src: Vec<usize> = beads.iter().flat_map(|b| b.0.clone()).collect();
    let tgt: Vec<usize> = beads.iter().flat_map(|b| b.1.clone()).collect();
    assert_eq!(src, (0..n).collect::<Vec<_>>(), "{out}");
    assert_eq!(tgt, (0..m).collect::<Vec<_>>(), "{out}");
    beads
}

#[test]
fn vecalign_format_one_to_one() {
    let dir = tempfile::tempdir().unwrap();
    let en = write(dir.path(), "talks.en.txt", &EN);
    let de = write(dir.path(), "talks.de.txt", &DE);
    let (code, out) = align(&["--presplit", "--format", "vecalign"], &en, &de);
    assert_eq!(code, Some(0));
    for (i, (s, t, _)) in beads(&out, EN.len(), DE.len()).into_iter().enumerate() {
        assert_eq!((s, t), (vec![i], vec![i]), "{out}");
    }
}

#[test]
fn a_dropped_sentence_is_an_empty_target() {
    let dir = tempfile::tempdir().unwrap();
    let mut de = DE.to_vec();
    de.remove(3);
    let en = write(dir.path(), "talks.en.txt", &EN);
    let de = write(dir.path(), "talks.de.txt", &de);
    let (code, out) = align(&["--presplit", "--format", "vecalign"], &en, &de);
    assert_eq!(code, Some(0));
    let beads = beads(&out, EN.len(), DE.len() - 1);
    assert!(beads.iter().any(|b| b.0 == [3] && b.1.is_empty()), "{out}");
    assert!(out.lines().any(|l| l.starts_with("[3]:[]:")), "{out}");
}

#[test]
fn presplit_indexes_are_line_numbers() {
    // A blank line is counted but never aligned (it also starts a new paragraph).
    let dir = tempfile::tempdir().unwrap();
    let mut en: Vec<&str> = EN[..4].to_vec();
    en.insert(2, "");
    let en = write(dir.path(), "a.txt", &en);
    let de = write(dir.path(), "b.txt", &DE[..4]);
    let (code, out) = align(&["--presplit", "--format", "vecalign"], &en, &de);
    assert_eq!(code, Some(0));
    let src: Vec<usize> = out.lines().map(parse).flat_map(|b| b.0).collect();
    assert_eq!(src, vec![0, 1, 3, 4], "{out}");
}

#[test]
fn text_format_and_output_file() {
    let dir = tempfile::tempdir().unwrap();
    let en = write(dir.path(), "talks.en.txt", &EN);
    let de = write(dir.path(), "talks.de.txt", &DE);
    let result = dir.path().join("alignment.txt");
    let (code, out) = align(&["--presplit", "-o", result.to_str().unwrap()], &en, &de);
    assert_eq!(code, Some(0));
    assert!(out.is_empty());
    let text = std::fs::read_to_string(&result).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), EN.len());
    assert_eq!(lines[4], format!("{}\t{}", EN[4], DE[4]));
}

#[test]
fn documents_are_split_into_paragraphs_and_sentences() {
    // Without --presplit: paragraphs at blank lines, sentences by the segmenter; a byte-order
    // mark is ignored.
    let dir = tempfile::tempdir().unwrap();
    let en = dir.path().join("talks.en.txt");
    let de = dir.path().join("talks.de.txt");
    std::fs::write(
        &en,
        format!(
            "\u{feff}{} {}\n\n{} {} {}\n",
            EN[0], EN[1], EN[2], EN[3], EN[4]
        ),
    )
    .unwrap();
    std::fs::write(
        &de,
        format!("{} {}\n\n{} {}\n{}\n", DE[0], DE[1], DE[2], DE[3], DE[4]),
    )
    .unwrap();
    let (code, out) = align(&["--format", "vecalign"], &en, &de);
    assert_eq!(code, Some(0));
    let beads = beads(&out, 5, 5);
    assert!(beads.iter().all(|b| b.0.len() == 1 && b.0 == b.1), "{out}");
    let (code, text) = align(&[], &en, &de);
    assert_eq!(code, Some(0));
    assert_eq!(
        text.lines().next(),
        Some(format!("{}\t{}", EN[0], DE[0]).as_str())
    );
}

#[test]
fn an_unreadable_file_exits_with_2() {
    let dir = tempfile::tempdir().unwrap();
    let en = write(dir.path(), "talks.en.txt", &EN);
    let out = Command::cargo_bin("concord")
        .unwrap()
        .args(["align", "--presplit"])
        .arg(&en)
        .arg(dir.path().join("missing.de.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.de.txt"));
}

#[test]
fn a_short_document_is_judged_by_the_languages_usual_length_ratio() {
    // A brief of four sentences and one of its own paragraph, whose German lost its third and
    // fourth: by its own totals German would be half as long as English, and four sentences
    // paired with two hid the drops (the first sentence was left unpaired instead). German is
    // usually a sixth longer than English (the profiles' `length_to_english`), so the first
    // sentence keeps its translation and a drop is found.
    let dir = tempfile::tempdir().unwrap();
    let en =
        "Several ancient civilisations were located around the Mediterranean shores, and were \
greatly influenced by their proximity to the sea. It provided routes for trade, colonisation, and \
war, as well as food (from fishing and the gathering of other seafood) for numerous communities \
throughout the ages. Due to the shared climate, geology, and access to the sea, cultures centered \
on the Mediterranean tended to have some extent of intertwined culture and history. Two of the \
most notable Mediterranean civilisations in classical antiquity were the Greek city states and the \
Phoenicians, both of which extensively colonised the coastlines of the Mediterranean.

Later, when Augustus founded the Roman Empire, the Romans referred to the Mediterranean as Mare \
Nostrum (\"Our Sea\").
";
    let de = "Verschiedene antike Zivilisationen hatten sich rund um die Mittelmeerküsten \
angesiedelt und waren stark von ihrer Nähe zum Meer geprägt. Sie bot im Laufe der Jahre vielen \
Siedlungen Routen für Handel, Kolonialisierung und Krieg sowie für Lebensmittel (durch das Fischen \
und Sammeln anderer Meerestiere).

Später, als Augustus das Römische Reich gegründet hatte, bezeichneten die Römer das Mittelmeer als \
Mare Nostrum (Unser Meer).
";
    let (source, target) = (dir.path().join("sea.en.txt"), dir.path().join("sea.de.txt"));
    std::fs::write(&source, en).unwrap();
    std::fs::write(&target, de).unwrap();
    let (code, out) = align(&["--format", "vecalign"], &source, &target);
    assert_eq!(code, Some(0));
    let beads: Vec<&str> = out.lines().map(|l| l.rsplit_once(':').unwrap().0).collect();
    assert_eq!(beads.first(), Some(&"[0]:[0]"), "{out}");
    assert!(beads.iter().any(|b| b.ends_with(":[]")), "{out}");
    assert_eq!(beads.last(), Some(&"[4]:[2]"), "{out}");
}
