//! Measures cheap first passes of language identification against the full detector, on PUD
//! (`/work/shared/data/pud/*.tsv`: 1,000 English sentences professionally translated into 13
//! languages; CC BY-SA 3.0/4.0, the Universal Dependencies contributors and the CoNLL 2017 shared
//! task organisers). Ships no data.
//!
//! For each language, three kinds of target text: the real translation, the English source in
//! its place (untranslated), and the same sentence in a close PUD language (wrong language, the
//! pairs of `scripts/eval-segments`). For each text it compares `identify` (the full detector)
//! with `identify_expecting` (a trigram-only first pass, the full detector where it is not
//! clear): how often what the `untranslated` and `wrong-language` checks conclude from the
//! verdict differs (it must not), and the CPU time of each. Run on 2026-11-28, 400 texts of each
//! kind per language: no conclusion changed; on the real translations 13.2 s → 5.5 s.
//!
//! Usage: cargo run --release --example detect_first_pass [PUD_DIR] [PER_KIND (300)]

use std::collections::HashMap;
use std::time::{Duration, Instant};

use concord::lang::detect::{identify, identify_expecting, same_language, Verdict};

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
        .then_some((best, conf >= 0.85));
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
    let dir = args
        .get(1)
        .cloned()
        .unwrap_or_else(|| "/work/shared/data/pud".into());
    let per_kind: usize = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(300);
    let mut counts: HashMap<&str, [usize; 6]> = HashMap::new();
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
                let c = counts.entry(kind).or_default();
                c[0] += 1;
                c[2] += usize::from(before != after);
                c[3] += usize::from(before != Decision::default());
                c[4] += full_time.as_micros() as usize;
                c[5] += pass_time.as_micros() as usize;
                (full_time, pass_time) = (Duration::ZERO, Duration::ZERO);
                if before != after {
                    println!("CHANGED {lang} {kind} {id}: {before:?} -> {after:?}");
                }
            }
        }
    }
    for kind in ["right", "english", "close"] {
        let c = counts[kind];
        println!(
            "{kind:<8} texts {:>5}  decision changed {:>3} (of {} with a finding)  CPU: full detector {:.2} s, with the first pass {:.2} s",
            c[0],
            c[2],
            c[3],
            c[4] as f64 / 1e6,
            c[5] as f64 / 1e6,
        );
    }
}
