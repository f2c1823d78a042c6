//! Measures cheap first passes of language identification against the full detector, on PUD
//! (`/work/shared/data/pud/*.tsv`: 1,000 English sentences professionally translated into 13
//! languages; CC BY-SA 3.0/4.0, the Universal Dependencies contributors and the CoNLL 2017 shared
//! task organisers). Ships no data.
//!
//! For each language, three kinds of target text: the real translation, the English source in
//! its place (untranslated), and the same sentence in a close PUD language (wrong language, the
//! pairs of `scripts/eval-segments`). For each text it compares `identify` (the full detector)
//! with `identify_expecting` (the first passes: script and frequent words, then trigrams only;
//! the full detector where they are not clear): how often what the `untranslated` and
//! `wrong-language` checks conclude from the verdict differs, how many texts the script and word
//! pass settles, and the CPU time of each. Run on 2026-11-28 (third session), all 1,000 texts of
//! each kind per language: 9,562 real translations settled by script or words; three decisions
//! changed: two false alarms of the detector on real translations (fr, gl) and one English
//! sentence in a German file that the trigram pass settles as German; on the real translations
//! 32.0 s → 6.4 s.
//!
//! With `--lingua-sentences [N]`, the first N test sentences `lingua` ships with each of its
//! models, each put in a file of every other language: see [`lingua_sentences`].
//!
//! Usage: cargo run --release --example detect_first_pass [PUD_DIR] [PER_KIND (300)]
//!        cargo run --release --example detect_first_pass -- --lingua-sentences [N (200)]

use std::collections::HashMap;
use std::time::{Duration, Instant};

use concord::lang::detect::{
    clearly_a_relative, clearly_expected, identify, identify_expecting, is_detectable,
    same_language, Verdict,
};

/// What the `untranslated` and `wrong-language` checks conclude from a verdict on a target
/// translated from English (their thresholds, in `src/checks/language.rs`): a finding, and
/// whether it is strong enough for an error.
#[derive(Debug, Default, PartialEq)]
struct Decision {
    untranslated: Option<bool>,
    wrong_language: Option<(&'static str, bool)>,
}

fn decision(verdict: &Verdict, lang: &str) -> Decision {
    let (best, conf) = verdict.best().unwrap_or(("und", 0.0));
    let own = verdict.confidence(lang);
    let untranslated =
        (same_language(best, "en") && conf >= 0.5 && own < 0.2).then_some(conf >= 0.8);
    let wrong_language = (!same_language(best, lang)
        && !same_language(best, "en")
        && best != "und"
        && conf >= 0.6
        && own <= 0.25)
        .then_some((best, conf >= 0.85))
        // A relative of a language the detector does not know is no evidence against it.
        .filter(|_| {
            is_detectable(lang)
                || !concord::lang::profile(lang)
                    .close_languages
                    .iter()
                    .any(|c| same_language(best, c))
        });
    Decision {
        untranslated,
        wrong_language,
    }
}

const CLOSE: &[(&str, &str)] = &[
    ("es", "gl"),
    ("gl", "es"),
    ("cs", "pl"),
    ("pl", "cs"),
    ("fr", "it"),
    ("it", "fr"),
    ("de", "fr"),
    ("ru", "pl"),
    ("ar", "tr"),
    ("hi", "ar"),
    ("tr", "fi"),
    ("fi", "de"),
    ("zh", "ru"),
];

fn read(dir: &str, lang: &str) -> Vec<(String, String, String)> {
    let text = std::fs::read_to_string(format!("{dir}/{lang}.tsv")).expect("PUD file");
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let (id, en, tgt) = (col("sent_id"), col("en"), col(lang));
    lines
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f[id].to_string(), f[en].to_string(), f[tgt].to_string())
        })
        .collect()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("--lingua-sentences") {
        let per_language = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(200);
        return lingua_sentences(per_language);
    }
    let dir = args
        .get(1)
        .cloned()
        .unwrap_or_else(|| "/work/shared/data/pud".into());
    let per_kind: usize = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(300);
    let mut counts: HashMap<&str, [usize; 7]> = HashMap::new();
    let mut settled: HashMap<(&str, &str), (usize, usize)> = HashMap::new();
    for &(lang, other) in CLOSE {
        let rows = read(&dir, lang);
        let others: HashMap<String, String> = read(&dir, other)
            .into_iter()
            .map(|(id, _, t)| (id, t))
            .collect();
        for (kind, pick) in [("right", 0), ("english", 1), ("close", 2)] {
            let (mut full_time, mut pass_time) = (Duration::ZERO, Duration::ZERO);
            for (id, en, tgt) in rows.iter().take(per_kind) {
                let text = match pick {
                    0 => tgt.clone(),
                    1 => en.clone(),
                    _ => match others.get(id) {
                        Some(t) => t.clone(),
                        None => continue,
                    },
                };
                let started = Instant::now();
                let full = identify(&text);
                full_time += started.elapsed();
                let started = Instant::now();
                let pass = identify_expecting(&text, lang);
                pass_time += started.elapsed();
                let (before, after) = (decision(&full, lang), decision(&pass, lang));
                let by_words =
                    clearly_expected(&text, lang) || clearly_a_relative(&text, lang).is_some();
                let s = settled.entry((lang, kind)).or_default();
                s.0 += 1;
                s.1 += usize::from(by_words);
                let c = counts.entry(kind).or_default();
                c[6] += usize::from(by_words);
                c[0] += 1;
                c[2] += usize::from(before != after);
                c[3] += usize::from(before != Decision::default());
                c[4] += full_time.as_micros() as usize;
                c[5] += pass_time.as_micros() as usize;
                (full_time, pass_time) = (Duration::ZERO, Duration::ZERO);
                if before != after {
                    println!("CHANGED {lang} {kind} {id}: {before:?} -> {after:?} (words: {by_words}) {text}");
                }
            }
        }
    }
    for &(lang, _) in CLOSE {
        let line: Vec<String> = ["right", "english", "close"]
            .iter()
            .map(|kind| {
                let (n, s) = settled.get(&(lang, *kind)).copied().unwrap_or_default();
                format!("{kind} {s}/{n}")
            })
            .collect();
        println!("{lang}: clear by script or words: {}", line.join(", "));
    }
    for kind in ["right", "english", "close"] {
        let c = counts[kind];
        println!(
            "{kind:<8} texts {:>5}  clear by script or words {:>5}  decision changed {:>3} (of {} with a finding)  CPU: full detector {:.2} s, with the first passes {:.2} s",
            c[0],
            c[6],
            c[2],
            c[3],
            c[4] as f64 / 1e6,
            c[5] as f64 / 1e6,
        );
    }
}

/// The test sentences `lingua` ships with each language model (`testdata/sentences.txt` of the
/// `lingua-<language>-language-model` crates in cargo's registry; Apache-2.0), the first
/// `per_language` of each: for every language `L` and every other language `E` of the detector,
/// the sentences of `L` in a file expected to be `E` (translated from English). A decision of the
/// checks changes where the first passes call a sentence clearly `E` and the detector's verdict
/// would have given a finding; on the sentences of `E` itself, how many the first passes settle.
fn lingua_sentences(per_language: usize) {
    use concord::lang::detect::DETECTABLE;
    let home = std::env::var("CARGO_HOME")
        .unwrap_or_else(|_| format!("{}/.cargo", std::env::var("HOME").unwrap_or_default()));
    let registry = std::fs::read_dir(format!("{home}/registry/src"))
        .expect("cargo's registry")
        .filter_map(Result::ok)
        .map(|e| e.path());
    let mut sentences: Vec<(&str, Vec<String>)> = Vec::new();
    let registries: Vec<_> = registry.collect();
    for &(tag, language) in DETECTABLE {
        let name = format!("{language:?}").to_lowercase();
        let file = registries
            .iter()
            .map(|r| {
                r.join(format!(
                    "lingua-{name}-language-model-1.3.0/testdata/sentences.txt"
                ))
            })
            .find(|p| p.exists());
        let Some(file) = file else {
            println!("{tag}: no test sentences found");
            continue;
        };
        let text = std::fs::read_to_string(file).expect("sentences");
        sentences.push((
            tag,
            text.lines().take(per_language).map(String::from).collect(),
        ));
    }
    let (mut changed, mut crossed, mut own_clear, mut own_total) = (0, 0, 0, 0);
    let (mut full_time, mut pass_time) = (Duration::ZERO, Duration::ZERO);
    for (lang, texts) in &sentences {
        let mut clear_here = 0;
        for text in texts {
            let started = Instant::now();
            let full = identify(text);
            full_time += started.elapsed();
            for &(expected, _) in DETECTABLE {
                if expected == *lang {
                    let started = Instant::now();
                    let _ = identify_expecting(text, expected);
                    pass_time += started.elapsed();
                    own_total += 1;
                    let clear = clearly_expected(text, expected);
                    own_clear += usize::from(clear);
                    clear_here += usize::from(clear);
                    continue;
                }
                if expected == "en" {
                    continue; // the source language
                }
                if !clearly_expected(text, expected) {
                    continue;
                }
                crossed += 1;
                let before = decision(&full, expected);
                if before != Decision::default() {
                    changed += 1;
                    println!("CHANGED {lang} in a {expected} file: {before:?} -> none: {text}");
                } else {
                    println!("clear as {expected}, {lang} sentence, the detector found nothing either: {text}");
                }
            }
        }
        println!(
            "{lang}: {clear_here}/{} of its own sentences clear",
            texts.len()
        );
    }
    println!(
        "own language: {own_clear}/{own_total} clear; another language's sentence taken as clear: {crossed}, of which with a finding before: {changed}; CPU on the own-language sentences: full detector {:.2} s, with the first passes {:.2} s",
        full_time.as_secs_f64(),
        pass_time.as_secs_f64()
    );
}
