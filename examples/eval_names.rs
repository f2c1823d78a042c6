//! Measures the `name` check on real professional translations: the PUD bilingual sentences
//! (`/work/shared/data/pud/*.tsv`, English → 13 languages, with the treebank annotators' proper
//! nouns for both sides).
//!
//! Data license: the PUD treebanks are CC BY-SA (3.0 for de en fr ru zh es it tr ar hi, 4.0 for cs
//! fi pl gl); attribution: the Universal Dependencies contributors and the CoNLL 2017 shared task
//! organisers who commissioned the PUD translations. This program ships no data; figures derived
//! from the data keep that license and attribution.
//!
//! For each language it reports:
//! (a) how many annotated target names (`<lang>_names`) the check pairs with an annotated English
//!     name;
//! (b) false alarms: the share of untouched pairs with a `name` error (also without the reviewed
//!     slips of PUD's translators in `scripts/pud-name-errata.tsv`), and with any `name` finding;
//! (c) recall on injected errors (a target name misspelt by one or two edits, replaced by another
//!     name of the same language's corpus, dropped), with a fixed seed, at `error` and at any
//!     severity: an injection counts as found when the injected pair has a `name` finding that the
//!     untouched pair does not have.
//!
//! The whole file of a language is one document (as `concord check` reads a bilingual TSV), so
//! vocabulary and renderings are learnt from all its pairs. Injections are made in ten rounds, a
//! tenth of the pairs each, and the document is learnt again each round.
//!
//! Usage:
//!   cargo run --release --example eval_names -- [--dir DIR] [--seed N] [--lang de,fr] [--rounds 10]
//!       [--verbose] [--buckets] [--errata FILE]
//!   (`--buckets`: the injections not caught at error, by script group, kind and why)
//!   cargo run --release --example eval_names -- pair en "source text" ru "target text"

#[path = "common/pud.rs"]
mod pud;

use pud::{read_errata, read_rows, Rng, Row};
use std::collections::{BTreeMap, HashSet};

use concord::checks::{name, DocumentKnowledge, Issue, PairContext, Side};
use concord::extract::names::is_date_word;
use concord::extract::script::script_of;
use concord::finding::Severity;
use concord::lang::profile::Script;

fn pairs_of<'a>(lang: &'a str, rows: &[Row], targets: &[String]) -> Vec<PairContext<'a>> {
    rows.iter()
        .zip(targets)
        .map(|(r, t)| PairContext {
            source: Side::new("en", r.en.clone()),
            target: Side::new(lang, t.clone()),
            confidence: 1.0,
        })
        .collect()
}

fn name_issues(pairs: &[PairContext]) -> (DocumentKnowledge, Vec<Vec<Issue>>) {
    let doc = DocumentKnowledge::learn(pairs);
    let issues = pairs.iter().map(|p| name::check(p, &doc)).collect();
    (doc, issues)
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Injection {
    Misspell,
    Swap,
    Drop,
}

fn is_unspaced(c: char) -> bool {
    matches!(
        script_of(c),
        Some(Script::Han | Script::Kana | Script::Thai)
    )
}

fn long_enough(name: &str) -> bool {
    let n = name.chars().filter(|c| c.is_alphabetic()).count();
    if name.chars().any(is_unspaced) {
        n >= 2
    } else {
        n >= 3
    }
}

/// Misspells a name by one or two edits with letters of its language.
fn misspell(name: &str, alphabet: &[char], rng: &mut Rng) -> String {
    let original: Vec<char> = name.chars().collect();
    for _ in 0..20 {
        let mut chars = original.clone();
        let edits = 1 + rng.below(2);
        for _ in 0..edits {
            // Edit letters only, not spaces or punctuation inside the name.
            let letters: Vec<usize> = (0..chars.len())
                .filter(|&i| chars[i].is_alphabetic())
                .collect();
            if letters.len() < 2 {
                break;
            }
            let i = letters[rng.below(letters.len())];
            let op = rng.below(4);
            let mut pick = || alphabet[rng.below(alphabet.len())];
            match op {
                0 => {
                    let mut c = pick();
                    if chars[i].is_uppercase() {
                        c = c.to_uppercase().next().unwrap_or(c);
                    }
                    chars[i] = c;
                }
                1 => {
                    chars.remove(i);
                }
                2 => {
                    let c = pick();
                    chars.insert(i + 1, c);
                }
                _ => {
                    if i + 1 < chars.len() && chars[i + 1].is_alphabetic() {
                        chars.swap(i, i + 1);
                    }
                }
            }
        }
        // A slip keeps the capital letter of a name.
        if original[0].is_uppercase() {
            if let Some(first) = chars.first_mut() {
                *first = first.to_uppercase().next().unwrap_or(*first);
            }
            if original[1..].iter().all(|c| !c.is_uppercase()) {
                for c in chars.iter_mut().skip(1) {
                    *c = c.to_lowercase().next().unwrap_or(*c);
                }
            }
        }
        let s: String = chars.into_iter().collect();
        if s != name && long_enough(&s) {
            return s;
        }
    }
    name.to_string()
}

/// The part of the injected text that differs from the original (for reports).
fn injected_as(original: &str, injected: &str) -> String {
    let a: Vec<char> = original.chars().collect();
    let b: Vec<char> = injected.chars().collect();
    let p = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let s = a[p..]
        .iter()
        .rev()
        .zip(b[p..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let lo = p.saturating_sub(8);
    b[lo..b.len() - s + 8.min(s)].iter().collect()
}

fn drop_name(text: &str, at: usize, name: &str) -> String {
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..at]);
    let rest = &text[at + name.len()..];
    if out.ends_with(' ') && rest.starts_with([' ', ',', '.', ';', ':']) {
        out.pop();
    }
    out.push_str(rest);
    out
}

struct LangFigures {
    lang: String,
    pairs: usize,
    target_names: usize,
    target_names_paired: usize,
    false_error: usize,
    /// Untouched pairs with a name error that are not reviewed slips of the translator.
    false_error_not_slip: usize,
    false_any: usize,
    injected: BTreeMap<&'static str, (usize, usize, usize, usize, usize)>,
    /// Injections not caught at `error`, by (kind, why): see [`why_not_error`].
    buckets: BTreeMap<(&'static str, String), usize>,
}

/// The script group of a target language, for the breakdown of `--buckets`.
fn script_group(lang: &str) -> &'static str {
    match lang {
        "ru" | "uk" | "bg" | "sr" => "Cyrillic",
        "ar" | "fa" | "ur" => "Arabic",
        "hi" | "mr" | "ne" => "Devanagari",
        "zh" | "ja" => "Han",
        _ => "Latin",
    }
}

/// Why an injection was not caught at `error`: the findings it gave only as warnings (by
/// their kind, and for a misspelling whether the name was kept in its own script), or, with
/// none, what the check made of the source name the untouched target name rendered.
fn why_not_error(
    fresh: &[&Issue],
    clean: &[name::Pairing],
    injected: &[name::Pairing],
    span: (usize, usize),
) -> String {
    if let Some(w) = fresh.first() {
        let m = &w.message;
        let kind = if m.contains("misspelt") {
            let same_script = script_of_first(&w.source) == script_of_first(&w.target);
            if m.contains("elsewhere in the document") {
                "misspelt (document form)"
            } else if same_script {
                "misspelt, same script"
            } else {
                "misspelt, other script"
            }
        } else if m.contains("became") {
            "became"
        } else if m.contains("missing") {
            "missing"
        } else if m.contains("not in the source") {
            "added"
        } else {
            "other"
        };
        return format!("warning: {kind}");
    }
    let Some(source) = clean.iter().find(|pg| {
        pg.target_spans
            .iter()
            .any(|&(a, b)| a < span.1 && span.0 < b)
    }) else {
        return "silent: untouched name paired with no source name".to_string();
    };
    let after = injected.iter().find(|pg| pg.source == source.source);
    match after {
        None => "silent: source name gone".to_string(),
        Some(pg) if !pg.strong => format!("silent: source name not certain ({})", pg.outcome),
        Some(pg) if pg.outcome == "found" => "silent: injected text accepted as found".to_string(),
        Some(pg) => format!("silent: {} but no finding", pg.outcome),
    }
}

fn script_of_first(text: &str) -> Option<Script> {
    text.chars().find_map(script_of)
}

fn evaluate(
    dir: &std::path::Path,
    lang: &str,
    seed: u64,
    rounds: usize,
    verbose: bool,
    errata: &HashSet<(String, String)>,
) -> LangFigures {
    let rows = read_rows(&dir.join(format!("{lang}.tsv")), lang, "names");
    let clean_targets: Vec<String> = rows.iter().map(|r| r.target.clone()).collect();
    let pairs = pairs_of(lang, &rows, &clean_targets);
    let (doc, clean) = name_issues(&pairs);
    let profile = concord::lang::profile(lang);

    if let Ok(id) = std::env::var("EVAL_NAMES_ID") {
        for (r, p) in rows.iter().zip(&pairs) {
            if r.id == id {
                println!("{}\n{}\n{:#?}", r.en, r.target, name::pairings(p, &doc));
                for i in name::check(p, &doc) {
                    println!("{}: {}", i.severity, i.message);
                }
            }
        }
    }

    // (a) Annotated target names paired with an annotated English name.
    let mut total = 0;
    let mut paired_total = 0;
    let mut paired_names: HashSet<(usize, String)> = HashSet::new();
    for (i, (r, p)) in rows.iter().zip(&pairs).enumerate() {
        let pairings = name::pairings(p, &doc);
        for tn in &r.target_items {
            let Some(at) = r.target.find(tn.as_str()) else {
                continue;
            };
            total += 1;
            let span = (at, at + tn.len());
            let paired = pairings.iter().any(|pg| {
                pg.outcome != "missing"
                    && pg
                        .target_spans
                        .iter()
                        .any(|&(a, b)| a < span.1 && span.0 < b)
                    && r.en_items.iter().any(|en| {
                        en.contains(pg.source.as_str()) || pg.source.contains(en.as_str())
                    })
            });
            if paired {
                paired_total += 1;
                paired_names.insert((i, tn.clone()));
            } else if verbose && std::env::var("EVAL_NAMES_UNPAIRED").is_ok() {
                println!("  UNPAIRED {lang} {} {:?} en={:?}", r.id, tn, r.en_items);
            }
        }
    }

    // (b) False alarms on the untouched pairs.
    let false_error = clean
        .iter()
        .filter(|v| v.iter().any(|i| i.severity == Severity::Error))
        .count();
    let false_error_not_slip = rows
        .iter()
        .zip(&clean)
        .filter(|(r, v)| {
            v.iter().any(|i| i.severity == Severity::Error)
                && !errata.contains(&(lang.to_string(), r.id.clone()))
        })
        .count();
    let false_any = clean.iter().filter(|v| !v.is_empty()).count();
    if verbose {
        for (r, v) in rows.iter().zip(&clean) {
            for i in v {
                println!("  FA {lang} {} {:?}: {}", r.id, i.severity, i.message);
            }
        }
    }

    // (c) Injected errors.
    let mut alphabet: Vec<char> = rows
        .iter()
        .flat_map(|r| r.target_items.iter())
        .flat_map(|n| n.chars())
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect::<std::collections::BTreeSet<char>>()
        .into_iter()
        .collect();
    if alphabet.is_empty() {
        alphabet.push('a');
    }
    let pool: Vec<String> = rows
        .iter()
        .flat_map(|r| r.target_items.iter().cloned())
        .filter(|n| long_enough(n) && !is_date_word(n, profile))
        .collect::<std::collections::BTreeSet<String>>()
        .into_iter()
        .collect();
    let mut rng = Rng(seed
        ^ lang
            .bytes()
            .fold(0u64, |h, b| h.wrapping_mul(131).wrapping_add(u64::from(b))));
    let mut injected = BTreeMap::new();
    let mut buckets = BTreeMap::new();
    for (kind, label) in [
        (Injection::Misspell, "misspelt"),
        (Injection::Swap, "swapped"),
        (Injection::Drop, "dropped"),
    ] {
        let (mut n, mut err, mut any, mut n_paired, mut err_paired) = (0, 0, 0, 0, 0);
        for round in 0..rounds {
            let mut targets = clean_targets.clone();
            let mut done: Vec<(usize, String, String, usize)> = Vec::new();
            for (i, r) in rows.iter().enumerate() {
                if i % rounds != round || r.en_items.is_empty() {
                    continue;
                }
                let eligible: Vec<&String> = r
                    .target_items
                    .iter()
                    .filter(|n| {
                        long_enough(n) && r.target.contains(n.as_str()) && !is_date_word(n, profile)
                    })
                    .collect();
                if eligible.is_empty() {
                    continue;
                }
                let tn = eligible[rng.below(eligible.len())].clone();
                let at = r.target.find(tn.as_str()).unwrap();
                let new_text = match kind {
                    Injection::Misspell => {
                        let m = misspell(&tn, &alphabet, &mut rng);
                        if m == tn {
                            continue;
                        }
                        format!("{}{}{}", &r.target[..at], m, &r.target[at + tn.len()..])
                    }
                    Injection::Swap => {
                        let mut other = None;
                        for _ in 0..50 {
                            let o = &pool[rng.below(pool.len())];
                            if o.to_lowercase() != tn.to_lowercase()
                                && !r.target.contains(o.as_str())
                            {
                                other = Some(o.clone());
                                break;
                            }
                        }
                        let Some(o) = other else { continue };
                        format!("{}{}{}", &r.target[..at], o, &r.target[at + tn.len()..])
                    }
                    Injection::Drop => drop_name(&r.target, at, &tn),
                };
                targets[i] = new_text.clone();
                done.push((i, tn, new_text, at));
            }
            if done.is_empty() {
                continue;
            }
            let pairs_mod = pairs_of(lang, &rows, &targets);
            let doc_mod = DocumentKnowledge::learn(&pairs_mod);
            for (i, tn, new_text, at) in done {
                let issues = name::check(&pairs_mod[i], &doc_mod);
                let before: HashSet<(Severity, &str)> = clean[i]
                    .iter()
                    .map(|x| (x.severity, x.message.as_str()))
                    .collect();
                let fresh: Vec<&Issue> = issues
                    .iter()
                    .filter(|x| !before.contains(&(x.severity, x.message.as_str())))
                    .collect();
                let hit_err = fresh.iter().any(|x| x.severity == Severity::Error);
                let hit_any = !fresh.is_empty();
                n += 1;
                err += usize::from(hit_err);
                any += usize::from(hit_any);
                let why = (!hit_err).then(|| {
                    why_not_error(
                        &fresh,
                        &name::pairings(&pairs[i], &doc),
                        &name::pairings(&pairs_mod[i], &doc_mod),
                        (at, at + tn.len()),
                    )
                });
                if let Some(why) = &why {
                    *buckets.entry((label, why.clone())).or_insert(0) += 1;
                }
                if paired_names.contains(&(i, tn.clone())) {
                    n_paired += 1;
                    err_paired += usize::from(hit_err);
                }
                if verbose && !hit_err && std::env::var("EVAL_NAMES_DEBUG").is_ok() {
                    println!("{:#?}", name::pairings(&pairs_mod[i], &doc_mod));
                }
                if verbose && !hit_err {
                    println!(
                        "  MISS {lang} {label} {} {:?} ({}) -> {:?} | {} | found: {:?}",
                        rows[i].id,
                        tn,
                        if paired_names.contains(&(i, tn.clone())) {
                            "paired"
                        } else {
                            "unpaired"
                        },
                        injected_as(&rows[i].target, &new_text),
                        why.as_deref().unwrap_or(""),
                        fresh
                            .iter()
                            .map(|x| format!("{}: {}", x.severity, x.message))
                            .collect::<Vec<_>>()
                    );
                }
            }
        }
        injected.insert(label, (n, err, any, n_paired, err_paired));
    }

    LangFigures {
        lang: lang.to_string(),
        pairs: rows.len(),
        target_names: total,
        target_names_paired: paired_total,
        false_error,
        false_error_not_slip,
        false_any,
        injected,
        buckets,
    }
}

fn pct(a: usize, b: usize) -> String {
    if b == 0 {
        "-".to_string()
    } else {
        format!("{:.1}%", 100.0 * a as f64 / b as f64)
    }
}

fn debug_pair(sl: &str, s: &str, tl: &str, t: &str) {
    let pairs = vec![PairContext {
        source: Side::new(sl, s.to_string()),
        target: Side::new(tl, t.to_string()),
        confidence: 1.0,
    }];
    let doc = DocumentKnowledge::learn(&pairs);
    println!("source candidates: {:#?}", pairs[0].source.facts.names);
    println!("target candidates: {:#?}", pairs[0].target.facts.names);
    println!("pairings: {:#?}", name::pairings(&pairs[0], &doc));
    for i in name::check(&pairs[0], &doc) {
        println!("{}: {}", i.severity, i.message);
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("pair") && args.len() == 5 {
        debug_pair(&args[1], &args[2], &args[3], &args[4]);
        return;
    }
    let mut dir = std::path::PathBuf::from("/work/shared/data/pud");
    let mut seed = 20261127u64;
    let mut langs: Option<Vec<String>> = None;
    let mut verbose = false;
    let mut show_buckets = false;
    let mut rounds = 10;
    let mut errata_path = std::path::PathBuf::from("scripts/pud-name-errata.tsv");
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--dir" => dir = it.next().expect("--dir DIR").into(),
            "--seed" => seed = it.next().expect("--seed N").parse().expect("a number"),
            "--lang" => {
                langs = Some(
                    it.next()
                        .expect("--lang de,fr")
                        .split(',')
                        .map(str::to_string)
                        .collect(),
                )
            }
            "--verbose" => verbose = true,
            "--buckets" => show_buckets = true,
            "--errata" => errata_path = it.next().expect("--errata FILE").into(),
            "--rounds" => rounds = it.next().expect("--rounds N").parse().expect("a number"),
            other => panic!("unknown argument {other}"),
        }
    }
    let langs = langs.unwrap_or_else(|| {
        let mut v: Vec<String> = std::fs::read_dir(&dir)
            .expect("PUD folder")
            .filter_map(|e| e.ok())
            .filter_map(|e| {
                let p = e.path();
                if p.extension()? != "tsv" {
                    return None;
                }
                Some(p.file_stem()?.to_string_lossy().to_string())
            })
            .collect();
        v.sort();
        v
    });
    let errata = read_errata(&errata_path);
    println!(
        "{:<4} {:>5} {:>13} {:>8} {:>9} {:>8} | {:>15} {:>15} {:>15} | {:>10}",
        "lang",
        "pairs",
        "names paired",
        "FA err",
        "w/o slips",
        "FA any",
        "misspelt e/any",
        "swapped e/any",
        "dropped e/any",
        "paired e"
    );
    let mut tot = (0, 0, 0, 0, 0, 0);
    let mut buckets: BTreeMap<(&str, &str, String), usize> = BTreeMap::new();
    for lang in &langs {
        let f = evaluate(&dir, lang, seed, rounds, verbose, &errata);
        for ((kind, why), n) in &f.buckets {
            *buckets
                .entry((script_group(lang), kind, why.clone()))
                .or_insert(0) += n;
        }
        let cell = |k: &str| {
            let (n, e, a, _, _) = f.injected[k];
            format!("{}/{}", pct(e, n), pct(a, n))
        };
        let (pn, pe) = f
            .injected
            .values()
            .fold((0, 0), |acc, v| (acc.0 + v.3, acc.1 + v.4));
        println!(
            "{:<4} {:>5} {:>13} {:>8} {:>9} {:>8} | {:>15} {:>15} {:>15} | {:>10}",
            f.lang,
            f.pairs,
            format!(
                "{}/{} {}",
                f.target_names_paired,
                f.target_names,
                pct(f.target_names_paired, f.target_names)
            ),
            pct(f.false_error, f.pairs),
            pct(f.false_error_not_slip, f.pairs),
            pct(f.false_any, f.pairs),
            cell("misspelt"),
            cell("swapped"),
            cell("dropped"),
            pct(pe, pn),
        );
        tot.0 += f.pairs;
        tot.1 += f.false_error;
        tot.2 += f.false_any;
        tot.3 += f.target_names_paired;
        tot.4 += f.target_names;
        tot.5 += f.false_error_not_slip;
    }
    println!(
        "all  {:>5} {:>13} {:>8} {:>9} {:>8}",
        tot.0,
        pct(tot.3, tot.4),
        pct(tot.1, tot.0),
        pct(tot.5, tot.0),
        pct(tot.2, tot.0)
    );
    if show_buckets {
        println!("\nInjections not caught at error, by script group of the target, kind and why:");
        let mut rows: Vec<_> = buckets.into_iter().collect();
        rows.sort_by(|a, b| (a.0 .0, a.0 .1, b.1).cmp(&(b.0 .0, b.0 .1, a.1)));
        for ((group, kind, why), n) in rows {
            println!("  {group:<10} {kind:<8} {n:>5}  {why}");
        }
    }
}
