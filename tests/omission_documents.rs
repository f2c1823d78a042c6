//! `concord check` on a document pair with a short sentence dropped beside a long one: too short
//! for the length to show its absence, it is found by its anchors (an acronym, a name), and
//! reported as an `omission` of that sentence alone. The same sentence merged by the translator
//! into its neighbour is no omission.

use std::path::Path;

use assert_cmd::Command;

const EN: &str =
    "The broadcaster announced on Tuesday that its director of news, Martin Holloway, \
will leave at the end of March after a long dispute over budget cuts. He worked for the BBC for a \
decade. Before that, he spent eight years as a correspondent in Moscow and Beijing, where he \
covered the end of the Soviet Union and the rise of the Chinese economy.

His successor has not yet been named. Staff representatives said they would meet the board in \
April.
";

const FIRST_DE: &str = "Der Sender gab am Dienstag bekannt, dass sein Nachrichtendirektor Martin \
Holloway Ende März nach einem langen Streit über Budgetkürzungen ausscheiden wird.";

const LAST_PARAGRAPH_DE: &str = "Sein Nachfolger wurde noch nicht ernannt. Die Personalvertreter \
sagten, sie würden sich im April mit dem Vorstand treffen.";

const DROPPED: &str = "He worked for the BBC for a decade.";

/// The findings of `concord check` on `news.en.txt` and `news.de.txt` (with `german`) in `dir`.
fn check(dir: &Path, german: &str) -> Vec<csv::StringRecord> {
    std::fs::write(dir.join("news.en.txt"), EN).unwrap();
    std::fs::write(dir.join("news.de.txt"), german).unwrap();
    let out = Command::cargo_bin("concord")
        .unwrap()
        .args(["check", "--quiet", "--fail-on", "never"])
        .arg(dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    reader.records().map(|r| r.unwrap()).collect()
}

fn omissions(rows: &[csv::StringRecord]) -> Vec<(String, String)> {
    rows.iter()
        .filter(|r| &r[4] == "omission")
        .map(|r| (r[5].to_string(), r[9].to_string()))
        .collect()
}

#[test]
fn a_short_sentence_dropped_beside_a_long_one_is_an_omission_error() {
    let dir = tempfile::tempdir().unwrap();
    let german = format!(
        "{FIRST_DE} Zuvor war er acht Jahre lang Korrespondent in Moskau und Peking, wo er über das \
Ende der Sowjetunion und den Aufstieg der chinesischen Wirtschaft berichtete.\n\n{LAST_PARAGRAPH_DE}\n"
    );
    let rows = check(dir.path(), &german);
    // The finding's source text is the dropped sentence alone, not the bead it was merged into.
    assert_eq!(
        omissions(&rows),
        [("error".to_string(), DROPPED.to_string())],
        "{rows:?}"
    );
}

#[test]
fn the_same_sentence_merged_by_the_translator_is_no_omission() {
    let dir = tempfile::tempdir().unwrap();
    let german = format!(
        "{FIRST_DE} Er arbeitete ein Jahrzehnt für die BBC, davor war er acht Jahre lang \
Korrespondent in Moskau und Peking, wo er über das Ende der Sowjetunion und den Aufstieg der \
chinesischen Wirtschaft berichtete.\n\n{LAST_PARAGRAPH_DE}\n"
    );
    let rows = check(dir.path(), &german);
    assert!(omissions(&rows).is_empty(), "{rows:?}");
}
