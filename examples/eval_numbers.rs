//! Measures number extraction and the `number` check on real professional translations: the PUD
//! bilingual sentences (`/work/shared/data/pud/*.tsv`, English → 13 languages, with the treebank
//! annotators' numerals for both sides).
//!
//! Data license: the PUD treebanks are CC BY-SA (3.0 for de en fr ru zh es it tr ar hi, 4.0 for cs
//! fi pl gl); attribution: the Universal Dependencies contributors and the CoNLL 2017 shared task
//! organisers who commissioned the PUD translations. This program ships no data; figures derived
//! from the data keep that license and attribution.
//!
//! For each language it reports:
//! (a) extraction: the share of the annotators' numeral tokens (`<lang>_numbers`, `en_numbers`)
//!     that fall inside a number concord reads. The annotators also tag quantifiers with no
//!     definite value (`many`, `several`, `both`, 很多, 幾); those are listed in [`INDEFINITE`] and
//!     counted apart, so the headline figure is over tokens that state a value;
//! The `number` and `date` checks are counted together: a number inside a date (a day, a year)
//! is the date check's, so a changed year in `5 January 1962` is reported by `date`.
//!
//! (b) false alarms: the share of untouched pairs with a `number` or `date` error, and with any
//!     such finding; and the error share once the pairs in `scripts/pud-number-errata.tsv` (real
//!     slips of the PUD translations, each reviewed) are set aside;
//! (c) recall on injected errors in the target, with a fixed seed, at `error` and at any
//!     severity: a changed digit, an added digit (`5` → `15`), a dropped number, a swapped scale
//!     word (`thousand` → `million`), a shifted grouping (`1.000` → `1.000.000`), and a number
//!     rewritten in words with a different value (`3` → `vier`). A dropped number that the
//!     source writes in words (`four minutes`) is counted apart (`dropped-w`): words are weak
//!     evidence and their absence is not reported. An injection counts as found
//!     when the injected pair has more `number` findings at that severity than the untouched one.
//!     Injections go only into pairs without a `number` error of their own.
//!
//! Usage:
//!   cargo run --release --example eval_numbers -- [--dir DIR] [--seed N] [--lang de,fr] [--verbose]
//!       [--show KIND]   (print the injections of KIND that were missed at error)
//!       [--misses]      (print the annotated numerals not read, and the false alarms)
//!   cargo run --release --example eval_numbers -- pair en "source text" de "target text"
//!   cargo run --release --example eval_numbers -- --reverse   (each language as the source)
//!   cargo run --release --example eval_numbers -- --write-tmx DIR
//!       (also writes, per language, `DIR/<lang>.tmx` with the untouched pairs and
//!       `DIR/<lang>-injected.tmx` with every injected pair, `tuid` = `<sent_id>:<injection>`,
//!       so that other checkers can be measured on exactly the same pairs: `scripts/eval`)

#[path = "common/pud.rs"]
mod pud;

use pud::{read_rows, Rng};
use std::collections::BTreeMap;

use concord::checks::{date, number, PairContext, Side};
use concord::extract::numbers::{extract, NumberKind, NumberMention};
use concord::finding::Severity;
use concord::lang::profile;

/// Annotated "numerals" that state no definite value: quantifiers, "both", "first time". Matched
/// case-insensitively against the whole token.
const INDEFINITE: &[&str] = &[
    // en
    "many",
    "several",
    "few",
    "both",
    "dozens",
    "hundreds",
    "thousands",
    "millions",
    "billions",
    "multiple",
    "numerous",
    "couple", // zh
    "很多",
    "許多",
    "多",
    "幾",
    "數",
    "首次",
    "多次",
    "一些",
    "若干",
    "數十",
    "數百",
    "數千",
    "許多次",
    "好幾",
    "幾十", // hi
    "दोनों",
    "कई",
    "अनेक",
    "कुछ",
    "हजारों",
    "लाखों",
    "करोड़ों",
    "सैकड़ों",
    "दर्जनों", // cs
    "obou",
    "oba",
    "obě",
    "oběma",
    "několik",
    "několika",
    "mnoho",
    "mnoha",
    "desítky",
    "stovky",
    "tisíce",
    "miliony", // pl
    "kilka",
    "kilku",
    "wiele",
    "wielu",
    "kilkanaście",
    "kilkunastu",
    "obu",
    "oba",
    "obie",
    "dziesiątki",
    "setki",
    "tysiące",
    "miliony", // ru
    "несколько",
    "нескольким",
    "несколькими",
    "больше",
    "меньше",
    "мало",
    "немного",
    "пол",
    "нескольких",
    "много",
    "многих",
    "оба",
    "обе",
    "обоих",
    "десятки",
    "сотни",
    "тысячи",
    "миллионы", // de
    "beide",
    "beiden",
    "mehrere",
    "mehreren",
    "viele",
    "vielen",
    "einige",
    "einigen",
    "dutzende",
    "hunderte",
    "tausende",
    "millionen", // fr es it gl
    "plusieurs",
    "quelques",
    "ambos",
    "ambas",
    "varios",
    "varias",
    "muchos",
    "muchas",
    "entrambi",
    "entrambe",
    "diversi",
    "diverse",
    "molti",
    "molte",
    "decine",
    "centinaia",
    "migliaia",
    "milioni",
    "miles",
    "millones",
    "cientos",
    "decenas",
    "dezenas",
    "centos",
    "milleiros",
    // fi tr ar
    "molemmat",
    "useita",
    "monta",
    "monet",
    "kymmeniä",
    "satoja",
    "tuhansia",
    "miljoonia",
    "birkaç",
    "birçok",
    "çok",
    "onlarca",
    "yüzlerce",
    "binlerce",
    "milyonlarca",
    "كلا",
    "عدة",
    "بضعة",
    "عشرات",
    "مئات",
    "آلاف",
    "ملايين",
];

/// Extraction coverage: (tokens read, tokens with a value, indefinite tokens read, indefinite).
#[derive(Default, Clone, Copy)]
struct Coverage {
    read: usize,
    total: usize,
}

impl Coverage {
    fn pct(&self) -> f64 {
        100.0 * self.read as f64 / self.total.max(1) as f64
    }
}

fn is_indefinite(token: &str) -> bool {
    let lower = token.to_lowercase();
    INDEFINITE.iter().any(|w| *w == lower)
}

/// Marks each annotated token read when some extracted mention's span overlaps one of the
/// token's occurrences (tokens are searched in order through the text). Returns the tokens not
/// read.
fn coverage(text: &str, tokens: &[String], lang: &str, cov: &mut Coverage) -> Vec<String> {
    let mentions = extract(text, profile(lang));
    let lower = text.to_lowercase();
    let same_len = lower.len() == text.len();
    let hay = if same_len { lower.as_str() } else { text };
    let mut from = 0;
    let mut missed = Vec::new();
    for token in tokens {
        if is_indefinite(token) {
            continue;
        }
        cov.total += 1;
        let needle = if same_len {
            token.to_lowercase()
        } else {
            token.clone()
        };
        // The annotation gives no offsets: of the token's occurrences from the previous
        // token on (or, failing those, anywhere), the first one read counts (a Chinese 一 in
        // 统一 before the numeral 一 must not hide it).
        let occurrences = |from: usize| {
            hay[from..]
                .match_indices(needle.as_str())
                .map(|(p, _)| p + from)
                .collect::<Vec<_>>()
        };
        let mut places = occurrences(from);
        if places.is_empty() {
            places = occurrences(0);
        }
        match places
            .iter()
            .find(|&&at| read_at(&mentions, at, at + needle.len()))
        {
            Some(&at) => {
                cov.read += 1;
                from = from.max(at + needle.len());
            }
            None if places.is_empty() => missed.push(format!("{token} (not found)")),
            None => {
                missed.push(token.clone());
                from = from.max(places[0] + needle.len());
            }
        }
    }
    missed
}

fn read_at(mentions: &[NumberMention], start: usize, end: usize) -> bool {
    mentions
        .iter()
        .any(|m| m.start < end && start < m.start + m.text.len().max(1))
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Injection {
    ChangedDigit,
    AddedDigit,
    Dropped,
    /// A dropped number that the source writes in words (`four minutes` → `4 Minuten` dropped).
    DroppedWords,
    SwappedScale,
    ShiftedGrouping,
    InWords,
}

impl Injection {
    const ALL: [Injection; 7] = [
        Injection::ChangedDigit,
        Injection::AddedDigit,
        Injection::Dropped,
        Injection::DroppedWords,
        Injection::SwappedScale,
        Injection::ShiftedGrouping,
        Injection::InWords,
    ];
    fn name(self) -> &'static str {
        match self {
            Injection::ChangedDigit => "digit",
            Injection::AddedDigit => "added",
            Injection::Dropped => "dropped",
            Injection::DroppedWords => "dropped-w",
            Injection::SwappedScale => "scale",
            Injection::ShiftedGrouping => "grouping",
            Injection::InWords => "words",
        }
    }
}

/// The target's numbers that an injection may change: quantities in digits, not dates or times,
/// that render a number of the source (changing a number the translator added is not an error
/// of the kind measured here).
fn eligible(source: &str, text: &str, lang: &str) -> Vec<NumberMention> {
    let source = extract(source, profile("en"));
    extract(text, profile(lang))
        .into_iter()
        .filter(|m| m.digits && matches!(m.kind, NumberKind::Cardinal | NumberKind::Percent))
        .filter(|m| m.text.chars().any(|c| c.is_ascii_digit()))
        .filter(|m| source.iter().any(|s| s.matches(m)))
        .collect()
}

/// The byte range of the mention's digits (the first to the last ASCII digit of its text).
fn digit_span(m: &NumberMention) -> Option<(usize, usize)> {
    let first = m.text.find(|c: char| c.is_ascii_digit())?;
    let last = m.text.rfind(|c: char| c.is_ascii_digit())? + 1;
    Some((m.start + first, m.start + last))
}

/// Digits grouped by three with `sep`: `25000000` → `25 000 000`.
fn grouped(digits: &str, sep: &str) -> String {
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

fn replace(text: &str, start: usize, end: usize, with: &str) -> String {
    format!("{}{}{}", &text[..start], with, &text[end..])
}

/// Applies one injection to one of the target's numbers, or `None` where it does not apply.
fn inject(
    kind: Injection,
    source: &str,
    text: &str,
    lang: &str,
    rng: &mut Rng,
) -> Option<(String, String)> {
    let p = profile(lang);
    let all = eligible(source, text, lang);
    let candidates: Vec<&NumberMention> = all
        .iter()
        .filter(|m| match kind {
            Injection::SwappedScale => m.scale > 1.0,
            Injection::Dropped | Injection::DroppedWords => {
                let in_words = !extract(source, profile("en"))
                    .iter()
                    .any(|s| s.digits && s.matches(m));
                in_words == (kind == Injection::DroppedWords)
            }
            Injection::InWords => {
                // A cardinal written in digits on both sides, rewritten in the target's words;
                // not an ordinal with a dot or a suffix (`16. Jahrhundert`, `5to`).
                let source_numbers = extract(source, profile("en"));
                source_numbers
                    .iter()
                    .any(|s| s.digits && s.kind == NumberKind::Cardinal && s.matches(m))
                    && !text[m.start + m.text.len()..].starts_with(|c: char| {
                        c == '.' || c.is_alphabetic() && p.spaces_between_words
                    })
                    && m.scale == 1.0
                    && m.kind == NumberKind::Cardinal
                    && m.value.fract() == 0.0
                    && (0.0..=20.0).contains(&m.value)
            }
            Injection::ShiftedGrouping => {
                m.value >= 1000.0 && m.value.fract() == 0.0 && m.scale == 1.0
            }
            _ => true,
        })
        .collect();
    if candidates.is_empty() {
        return None;
    }
    let m = candidates[rng.below(candidates.len())];
    let (ds, de) = digit_span(m)?;
    match kind {
        Injection::ChangedDigit => {
            let positions: Vec<usize> = text[ds..de]
                .char_indices()
                .filter(|(_, c)| c.is_ascii_digit())
                .map(|(i, _)| ds + i)
                .collect();
            let at = positions[rng.below(positions.len())];
            let old = text.as_bytes()[at] - b'0';
            let mut new = (old + 1 + rng.below(9) as u8) % 10;
            if new == 0 && at == positions[0] {
                new = (old % 9) + 1; // no leading zero
            }
            if new == old {
                return None;
            }
            let out = replace(text, at, at + 1, &new.to_string());
            Some((out, format!("{} digit {old}→{new}", m.text)))
        }
        Injection::AddedDigit => {
            let d = 1 + rng.below(9);
            let out = replace(text, ds, ds, &d.to_string());
            Some((out, format!("{} → {d}{}", m.text, &text[ds..de])))
        }
        Injection::Dropped | Injection::DroppedWords => {
            let end = m.start + m.text.len();
            // Drop the mention and one space beside it.
            let (s, e) = if text[end..].starts_with(' ') {
                (m.start, end + 1)
            } else if m.start > 0 && text[..m.start].ends_with(' ') {
                (m.start - 1, end)
            } else {
                (m.start, end)
            };
            let source_mention = extract(source, profile("en"))
                .into_iter()
                .find(|s| s.matches(m))
                .map(|s| format!("{:?} {:?} alt={:?}", s.text, s.kind, s.alternatives))
                .unwrap_or_default();
            Some((
                replace(text, s, e, ""),
                format!("dropped {} (source {source_mention})", m.text),
            ))
        }
        Injection::SwappedScale => {
            // The scale word follows the digits; replace it by the language's word for another
            // factor (thousand ↔ million, 万 ↔ 亿).
            let end = m.start + m.text.len();
            let word_start = de
                + text[de..end]
                    .char_indices()
                    .find(|(_, c)| c.is_alphabetic())
                    .map(|(i, _)| i)?;
            let word = text[word_start..end].to_lowercase();
            let factor = m.scale;
            let mut others: Vec<(&String, &f64)> = p
                .numbers
                .scales
                .iter()
                .filter(|(w, f)| **f != factor && **f >= 1e3 && !w.ends_with('.'))
                .collect();
            others.sort_by(|a, b| a.0.cmp(b.0));
            if others.is_empty() {
                return None;
            }
            let (new, _) = others[rng.below(others.len())];
            let out = replace(text, word_start, end, new);
            Some((out, format!("{} scale {word}→{new}", m.text)))
        }
        Injection::ShiftedGrouping => {
            // Append one more group of three zeros, with the separator as written (or the
            // language's first grouping separator where the number has none).
            let digits = &text[ds..de];
            let sep = digits
                .chars()
                .find(|c| !c.is_ascii_digit())
                .map(String::from)
                .unwrap_or_else(|| {
                    if digits.len() > 4 {
                        p.numbers.group.first().cloned().unwrap_or_default()
                    } else {
                        String::new()
                    }
                });
            // A decimal part (`1.000,50`) would not take another group.
            let last_group = digits
                .rsplit(|c: char| !c.is_ascii_digit())
                .next()
                .unwrap_or("");
            if digits.contains(|c: char| !c.is_ascii_digit()) && last_group.len() != 3 {
                return None;
            }
            // A number written without grouping gets it throughout once it grows past four
            // digits (`25000` → `25 000 000`), as the language writes such numbers.
            let shifted = if digits.contains(|c: char| !c.is_ascii_digit()) || sep.is_empty() {
                format!("{digits}{sep}000")
            } else {
                grouped(&format!("{digits}000"), &sep)
            };
            let out = replace(text, ds, de, &shifted);
            Some((out, format!("{digits} → {shifted}")))
        }
        Injection::InWords => {
            let v = m.value as i64;
            let mut words: Vec<(&String, &f64)> = p
                .numbers
                .words
                .iter()
                .filter(|(w, f)| {
                    f.fract() == 0.0
                        && **f as i64 != v
                        && (2.0..=20.0).contains(*f)
                        && (w.chars().count() > 2 || !p.spaces_between_words)
                })
                .collect();
            words.sort_by(|a, b| a.0.cmp(b.0));
            if words.is_empty() {
                return None;
            }
            let (word, f) = words[rng.below(words.len())];
            let out = replace(text, ds, de, word);
            Some((out, format!("{} → {word} ({f})", m.text)))
        }
    }
}

fn findings(en: &str, lang: &str, target: &str) -> (usize, usize) {
    let ctx = PairContext {
        source: Side::new("en", en.to_string()),
        target: Side::new(lang, target.to_string()),
        confidence: 1.0,
    };
    // A number inside a date is the date check's: a changed day or year is caught there.
    let mut issues = number::check(&ctx);
    issues.extend(date::check(&ctx));
    let errors = issues
        .iter()
        .filter(|i| i.severity == Severity::Error)
        .count();
    (errors, issues.len())
}

/// One injection type's recall: `name error%(any%)[injected]`, with `decimals` decimals.
fn recall_cell(kind: Injection, (n, e, a): (usize, usize, usize)) -> String {
    let pct = |x: usize| 100.0 * x as f64 / n.max(1) as f64;
    format!("{} {:.1}({:.1})[{n}]", kind.name(), pct(e), pct(a))
}

/// Writes English→`lang` pairs as a TMX 1.4 file, one `<tu>` per pair with its `tuid`.
fn write_tmx(path: &std::path::Path, lang: &str, pairs: &[(String, String, String)]) {
    // Written by hand: five entities to escape do not call for an XML writer crate.
    fn esc(s: &str) -> String {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
            .replace('\'', "&apos;")
    }
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n<header creationtool=\"concord-eval-numbers\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"none\" adminlang=\"en\" srclang=\"en\" datatype=\"plaintext\"/>\n<body>\n",
    );
    for (id, en, target) in pairs {
        out.push_str(&format!(
            "<tu tuid=\"{}\"><tuv xml:lang=\"en\"><seg>{}</seg></tuv><tuv xml:lang=\"{lang}\"><seg>{}</seg></tuv></tu>\n",
            esc(id),
            esc(en),
            esc(target)
        ));
    }
    out.push_str("</body>\n</tmx>\n");
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("the --write-tmx folder");
    }
    std::fs::write(path, out).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

/// `--reverse`: the target language as the source and English as the target; prints the false
/// alarms on the untouched pairs, with and without the reviewed slips.
fn reverse_false_alarms(args: &Args) {
    let errata = pud::read_errata(&args.errata);
    println!(
        "{:<4} {:>11} {:>11} {:>11}   (source: the language; target: en)",
        "lang", "FA error%", "FA any%", "FA-errata%"
    );
    for lang in &args.langs {
        let rows = read_rows(&args.dir.join(format!("{lang}.tsv")), lang, "numbers");
        let (mut err, mut any, mut slips) = (0, 0, 0);
        for row in &rows {
            let ctx = PairContext {
                source: Side::new(lang, row.target.clone()),
                target: Side::new("en", row.en.clone()),
                confidence: 1.0,
            };
            let mut issues = number::check(&ctx);
            issues.extend(date::check(&ctx));
            if issues.iter().any(|i| i.severity == Severity::Error) {
                err += 1;
                if errata.contains(&(lang.clone(), row.id.clone())) {
                    slips += 1;
                } else if args.misses {
                    println!("  {lang} {}\n     {}\n     {}", row.id, row.target, row.en);
                }
            }
            any += usize::from(!issues.is_empty());
        }
        let n = rows.len().max(1) as f64;
        println!(
            "{lang:<4} {:>11.1} {:>11.1} {:>11.1}",
            100.0 * err as f64 / n,
            100.0 * any as f64 / n,
            100.0 * (err - slips) as f64 / n
        );
    }
}

struct Args {
    dir: std::path::PathBuf,
    langs: Vec<String>,
    seed: u64,
    show: Option<String>,
    misses: bool,
    errata: std::path::PathBuf,
    reverse: bool,
    write_tmx: Option<std::path::PathBuf>,
}

fn parse_args() -> Args {
    let mut args = Args {
        dir: "/work/shared/data/pud".into(),
        langs: "ar,cs,de,es,fi,fr,gl,hi,it,pl,ru,tr,zh"
            .split(',')
            .map(String::from)
            .collect(),
        seed: 7,
        show: None,
        misses: false,
        errata: "scripts/pud-number-errata.tsv".into(),
        reverse: false,
        write_tmx: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--dir" => args.dir = it.next().expect("--dir DIR").into(),
            "--lang" | "--langs" => {
                args.langs = it
                    .next()
                    .expect("--lang de,fr")
                    .split(',')
                    .map(String::from)
                    .collect()
            }
            "--seed" => args.seed = it.next().expect("--seed N").parse().expect("a number"),
            "--show" => args.show = it.next(),
            "--misses" => args.misses = true,
            "--reverse" => args.reverse = true,
            "--write-tmx" => args.write_tmx = Some(it.next().expect("--write-tmx DIR").into()),
            "--errata" => args.errata = it.next().expect("--errata FILE").into(),
            other => panic!("unknown argument {other}"),
        }
    }
    args
}

/// `pair SRC_LANG SOURCE TGT_LANG TARGET`: prints both sides' numbers and the check's issues.
fn explain_pair(args: &[String]) {
    let [sl, st, tl, tt] = args else {
        panic!("pair SRC_LANG SOURCE TGT_LANG TARGET")
    };
    for (lang, text) in [(sl, st), (tl, tt)] {
        for m in extract(text, profile(lang)) {
            println!("{lang}: {m:?}");
        }
    }
    let ctx = PairContext {
        source: Side::new(sl, st.clone()),
        target: Side::new(tl, tt.clone()),
        confidence: 1.0,
    };
    for issue in number::check(&ctx).into_iter().chain(date::check(&ctx)) {
        println!("{:?} {}", issue.severity, issue.message);
    }
}

fn main() {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    if argv.first().map(String::as_str) == Some("pair") {
        return explain_pair(&argv[1..]);
    }
    let args = parse_args();
    if args.reverse {
        return reverse_false_alarms(&args);
    }
    println!(
        "{:<4} {:>13} {:>13} {:>11} {:>11} {:>11}   injected: recall at error % (any %) [n]",
        "lang", "extract tgt%", "extract en%", "FA error%", "FA any%", "FA-errata%"
    );
    let errata = pud::read_errata(&args.errata);
    let mut overall: BTreeMap<Injection, (usize, usize, usize)> = BTreeMap::new();
    let (mut fa_err_all, mut fa_any_all, mut pairs_all, mut slips_all) = (0, 0, 0, 0);
    for lang in &args.langs {
        let rows = read_rows(&args.dir.join(format!("{lang}.tsv")), lang, "numbers");
        let (mut tcov, mut ecov) = (Coverage::default(), Coverage::default());
        let mut rng = Rng(args.seed);
        let mut per: BTreeMap<Injection, (usize, usize, usize)> = BTreeMap::new();
        let (mut fa_err, mut fa_any, mut slips) = (0, 0, 0);
        // (tuid, source, target) of the untouched and the injected pairs, for `--write-tmx`.
        let mut untouched: Vec<(String, String, String)> = Vec::new();
        let mut injected: Vec<(String, String, String)> = Vec::new();
        for row in &rows {
            untouched.push((row.id.clone(), row.en.clone(), row.target.clone()));
            let missed = coverage(&row.target, &row.target_items, lang, &mut tcov);
            let missed_en = coverage(&row.en, &row.en_items, "en", &mut ecov);
            if args.misses {
                for m in missed {
                    println!("  {lang} {} not read: {m}   | {}", row.id, row.target);
                }
                for m in missed_en {
                    println!("  en {} not read: {m}   | {}", row.id, row.en);
                }
            }
            let (base_err, base_any) = findings(&row.en, lang, &row.target);
            if base_err > 0 {
                fa_err += 1;
                if errata.contains(&(lang.clone(), row.id.clone())) {
                    slips += 1;
                }
            }
            if base_any > 0 {
                fa_any += 1;
                if args.misses {
                    println!(
                        "  {lang} {} false alarm ({base_err} error)\n     {}\n     {}",
                        row.id, row.en, row.target
                    );
                }
            }
            // Injections go into pairs the check passes, so that each one is judged alone.
            let injectable = base_err == 0;
            for kind in Injection::ALL.into_iter().filter(|_| injectable) {
                let Some((bad, what)) = inject(kind, &row.en, &row.target, lang, &mut rng) else {
                    continue;
                };
                let (err, any) = findings(&row.en, lang, &bad);
                injected.push((
                    format!("{}:{}", row.id, kind.name()),
                    row.en.clone(),
                    bad.clone(),
                ));
                let e = per.entry(kind).or_default();
                e.0 += 1;
                if err > base_err {
                    e.1 += 1;
                }
                if any > base_any || err > base_err {
                    e.2 += 1;
                }
                if err <= base_err && args.show.as_deref() == Some(kind.name()) {
                    println!(
                        "  {lang} {} missed {what}\n     {}\n     {bad}",
                        row.id, row.en
                    );
                }
            }
        }
        if let Some(dir) = &args.write_tmx {
            write_tmx(&dir.join(format!("{lang}.tmx")), lang, &untouched);
            write_tmx(&dir.join(format!("{lang}-injected.tmx")), lang, &injected);
        }
        let n = rows.len();
        pairs_all += n;
        fa_err_all += fa_err;
        fa_any_all += fa_any;
        slips_all += slips;
        let cells: Vec<String> = Injection::ALL
            .iter()
            .map(|k| {
                let counts = per.get(k).copied().unwrap_or_default();
                let o = overall.entry(*k).or_default();
                o.0 += counts.0;
                o.1 += counts.1;
                o.2 += counts.2;
                recall_cell(*k, counts)
            })
            .collect();
        println!(
            "{lang:<4} {:>6.1} of {:>4} {:>6.1} of {:>4} {:>10.1} {:>10.1} {:>10.1}   {}",
            tcov.pct(),
            tcov.total,
            ecov.pct(),
            ecov.total,
            100.0 * fa_err as f64 / n as f64,
            100.0 * fa_any as f64 / n as f64,
            100.0 * (fa_err - slips) as f64 / n as f64,
            cells.join("  ")
        );
    }
    let cells: Vec<String> = Injection::ALL
        .iter()
        .map(|k| recall_cell(*k, overall.get(k).copied().unwrap_or_default()))
        .collect();
    println!(
        "all  {:>37.1} {:>10.1} {:>10.1}   {}",
        100.0 * fa_err_all as f64 / pairs_all.max(1) as f64,
        100.0 * fa_any_all as f64 / pairs_all.max(1) as f64,
        100.0 * (fa_err_all - slips_all) as f64 / pairs_all.max(1) as f64,
        cells.join("  ")
    );
}
