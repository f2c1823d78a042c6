//! The aligner on small made-up documents with known alignments, and its invariants.

use proptest::prelude::*;

use super::{align, AlignUnit, Bead};

/// English sentences and their German translations (made up for these tests).
const EN_DE: [(&str, &str); 16] = [
    (
        "The expedition left Kathmandu on 12 March with forty porters.",
        "Die Expedition verliess Kathmandu am 12. März mit vierzig Trägern.",
    ),
    ("It rained.", "Es regnete."),
    (
        "After a week of marching through the foothills, they reached the base camp at 5300 metres, where the porters were paid and sent home.",
        "Nach einer Woche Marsch durch die Vorberge erreichten sie das Basislager auf 5300 Metern, wo die Träger bezahlt und nach Hause geschickt wurden.",
    ),
    ("Why did nobody see the crevasse?", "Warum sah niemand die Spalte?"),
    (
        "The leader, Hans Müller, decided to wait for better weather before attempting the icefall.",
        "Der Leiter, Hans Müller, beschloss, vor dem Versuch am Eisbruch besseres Wetter abzuwarten.",
    ),
    ("Three days later the sky cleared.", "Drei Tage später klarte der Himmel auf."),
    (
        "Camp II was set up on a snow ridge at about 6400 metres, sheltered from the wind by a serac.",
        "Lager II wurde auf einem Schneegrat in etwa 6400 Metern errichtet, durch einen Séracs vor dem Wind geschützt.",
    ),
    ("The radio failed on the first night.", "In der ersten Nacht fiel das Funkgerät aus."),
    (
        "On 2 May Müller and the Sherpa Norbu climbed the north ridge and stood on the summit at eleven o'clock.",
        "Am 2. Mai stiegen Müller und der Sherpa Norbu über den Nordgrat und standen um elf Uhr auf dem Gipfel.",
    ),
    ("They stayed only ten minutes.", "Sie blieben nur zehn Minuten."),
    (
        "The descent in fresh snow took twice as long as the ascent, and Norbu suffered frostbite on two fingers.",
        "Der Abstieg im Neuschnee dauerte doppelt so lange wie der Aufstieg, und Norbu erlitt Erfrierungen an zwei Fingern.",
    ),
    ("Was it worth it?", "Hat es sich gelohnt?"),
    (
        "The expedition's geologists brought back 140 rock samples from the upper glacier.",
        "Die Geologen der Expedition brachten 140 Gesteinsproben vom oberen Gletscher zurück.",
    ),
    ("The report appeared in 1957.", "Der Bericht erschien 1957."),
    (
        "It was translated into French and English by the Swiss Foundation for Alpine Research in Zurich.",
        "Er wurde von der Schweizerischen Stiftung für Alpine Forschungen in Zürich ins Französische und Englische übersetzt.",
    ),
    ("Norbu returned to the mountain the next year.", "Norbu kehrte im nächsten Jahr an den Berg zurück."),
];

/// English sentences and their Chinese translations (made up for these tests).
const EN_ZH: [(&str, &str); 10] = [
    ("The conference opened in Geneva on Monday with delegates from 57 countries.", "会议于星期一在日内瓦开幕，来自57个国家的代表出席。"),
    ("It was raining.", "当时在下雨。"),
    (
        "The secretary general warned that the talks could fail if neither side was willing to make concessions on the border question.",
        "秘书长警告说，如果双方都不愿在边界问题上作出让步，谈判可能会失败。",
    ),
    ("Why now?", "为什么是现在？"),
    ("Prices rose by 4.5 percent in the first quarter of 2022.", "2022年第一季度价格上涨了4.5%。"),
    ("The minister did not answer.", "部长没有回答。"),
    (
        "Negotiators met again on Thursday evening, but after six hours of discussion they still had not agreed on a common text.",
        "谈判代表于星期四晚上再次会面，但经过六个小时的讨论，他们仍未就共同文本达成一致。",
    ),
    ("The NATO delegation left early.", "北约代表团提前离开。"),
    ("A final statement is expected on 14 January.", "最后声明预计于1月14日发表。"),
    ("Nobody knows what it will say.", "没有人知道它会说什么。"),
];

/// Alignment units of one paragraph, without anchors (shared with the passes' own tests).
pub(super) fn units<'a>(texts: &[&'a str]) -> Vec<AlignUnit<'a>> {
    texts
        .iter()
        .map(|t| AlignUnit {
            text: t,
            paragraph: 0,
            anchors: Vec::new(),
        })
        .collect()
}

/// The beads as (source range, target range) pairs, without confidences.
fn shape(beads: &[Bead]) -> Vec<(std::ops::Range<usize>, std::ops::Range<usize>)> {
    beads
        .iter()
        .map(|b| (b.source.clone(), b.target.clone()))
        .collect()
}

/// Every sentence of both sides covered once, in order, and confidences in [0, 1].
fn assert_valid(beads: &[Bead], n: usize, m: usize) {
    let (mut i, mut j) = (0, 0);
    for b in beads {
        assert_eq!(b.source.start, i, "{beads:?}");
        assert_eq!(b.target.start, j, "{beads:?}");
        assert!(!(b.source.is_empty() && b.target.is_empty()), "{beads:?}");
        assert!((0.0..=1.0).contains(&b.confidence), "{b:?}");
        i = b.source.end;
        j = b.target.end;
    }
    assert_eq!((i, j), (n, m));
}

fn one_to_one(n: usize) -> Vec<(std::ops::Range<usize>, std::ops::Range<usize>)> {
    (0..n).map(|i| (i..i + 1, i..i + 1)).collect()
}

#[test]
fn identical_documents_align_one_to_one_with_high_confidence() {
    let texts: Vec<&str> = EN_DE.iter().map(|p| p.0).collect();
    let beads = align(&units(&texts), &units(&texts));
    assert_eq!(shape(&beads), one_to_one(texts.len()));
    assert!(beads.iter().all(|b| b.confidence > 0.9), "{beads:?}");
}

#[test]
fn a_translation_aligns_one_to_one() {
    let en: Vec<&str> = EN_DE.iter().map(|p| p.0).collect();
    let de: Vec<&str> = EN_DE.iter().map(|p| p.1).collect();
    let beads = align(&units(&en), &units(&de));
    assert_eq!(shape(&beads), one_to_one(en.len()));
    let mean = beads.iter().map(|b| b.confidence).sum::<f64>() / beads.len() as f64;
    assert!(mean > 0.8, "{beads:?}");
}

#[test]
fn a_dropped_sentence_is_a_one_to_zero_bead_in_its_place() {
    let en: Vec<&str> = EN_DE.iter().map(|p| p.0).collect();
    let mut de: Vec<&str> = EN_DE.iter().map(|p| p.1).collect();
    de.remove(8);
    let beads = align(&units(&en), &units(&de));
    assert_valid(&beads, en.len(), de.len());
    assert!(shape(&beads).contains(&(8..9, 8..8)), "{beads:?}");
    let dropped = beads.iter().find(|b| b.source == (8..9)).unwrap();
    assert!(dropped.confidence > 0.5, "{dropped:?}");
    // The rest still pairs one to one.
    assert_eq!(
        beads
            .iter()
            .filter(|b| b.source.len() == 1 && b.target.len() == 1)
            .count(),
        en.len() - 1
    );
}

#[test]
fn an_added_sentence_is_a_zero_to_one_bead_in_its_place() {
    let en: Vec<&str> = EN_DE.iter().map(|p| p.0).collect();
    let mut de: Vec<&str> = EN_DE.iter().map(|p| p.1).collect();
    de.insert(
        6,
        "Die Fotos dieses Berichts stammen von der Stiftung für Alpine Forschungen, 1956.",
    );
    let beads = align(&units(&en), &units(&de));
    assert_valid(&beads, en.len(), de.len());
    assert!(shape(&beads).contains(&(6..6, 6..7)), "{beads:?}");
}

#[test]
fn a_split_sentence_is_a_one_to_two_bead() {
    let en: Vec<&str> = EN_DE.iter().map(|p| p.0).collect();
    let mut de: Vec<&str> = EN_DE.iter().map(|p| p.1).collect();
    de.splice(
        10..11,
        [
            "Der Abstieg im Neuschnee dauerte doppelt so lange wie der Aufstieg.",
            "Norbu erlitt Erfrierungen an zwei Fingern.",
        ],
    );
    let beads = align(&units(&en), &units(&de));
    assert_valid(&beads, en.len(), de.len());
    assert!(shape(&beads).contains(&(10..11, 10..12)), "{beads:?}");
}

#[test]
fn merged_sentences_are_a_two_to_one_bead() {
    let en: Vec<&str> = EN_DE.iter().map(|p| p.0).collect();
    let mut de: Vec<&str> = EN_DE.iter().map(|p| p.1).collect();
    de.splice(
        4..6,
        ["Der Leiter, Hans Müller, beschloss, vor dem Versuch am Eisbruch besseres Wetter abzuwarten, und drei Tage später klarte der Himmel auf."],
    );
    let beads = align(&units(&en), &units(&de));
    assert_valid(&beads, en.len(), de.len());
    assert!(shape(&beads).contains(&(4..6, 4..5)), "{beads:?}");
}

#[test]
fn chinese_against_english_lengths() {
    // A third as many characters: the length ratio comes from the documents themselves.
    let en: Vec<&str> = EN_ZH.iter().map(|p| p.0).collect();
    let zh: Vec<&str> = EN_ZH.iter().map(|p| p.1).collect();
    let beads = align(&units(&en), &units(&zh));
    assert_eq!(shape(&beads), one_to_one(en.len()));
    // A dropped sentence with a number is found. (Without one, the length is the only evidence,
    // and in characters Chinese says little about English: a dropped long sentence may be
    // absorbed by its neighbour's bead instead.)
    let mut dropped = zh.clone();
    dropped.remove(4);
    let beads = align(&units(&en), &units(&dropped));
    assert_valid(&beads, en.len(), dropped.len());
    assert!(shape(&beads).contains(&(4..5, 4..4)), "{beads:?}");
}

#[test]
fn paragraphs_keep_beads_apart() {
    // Two short paragraphs of one sentence each in the target would merge well by length with
    // their neighbours; the paragraph boundary keeps them apart.
    let en: Vec<&str> = EN_DE.iter().map(|p| p.0).collect();
    let de: Vec<&str> = EN_DE.iter().map(|p| p.1).collect();
    let with_paras = |texts: &[&'static str]| -> Vec<AlignUnit<'static>> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| AlignUnit {
                text: t,
                paragraph: i / 4,
                anchors: Vec::new(),
            })
            .collect()
    };
    let beads = align(&with_paras(&en), &with_paras(&de));
    assert_eq!(shape(&beads), one_to_one(en.len()));
}

#[test]
fn empty_inputs() {
    assert!(align(&[], &[]).is_empty());
    let texts = ["One.", "Two."];
    let beads = align(&units(&texts), &[]);
    assert_eq!(shape(&beads), vec![(0..1, 0..0), (1..2, 0..0)]);
    assert!(beads.iter().all(|b| b.confidence > 0.99));
    let beads = align(&[], &units(&texts));
    assert_eq!(shape(&beads), vec![(0..0, 0..1), (0..0, 1..2)]);
    let beads = align(&units(&[""]), &units(&[""]));
    assert_valid(&beads, 1, 1);
}

/// A deterministic made-up document of `n` sentences and its "translation": every word replaced
/// by a pseudo-word of about the same length, numbers kept.
fn synthetic(n: usize, seed: u64) -> (Vec<String>, Vec<String>) {
    let mut state = seed;
    let mut next = move || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) as usize
    };
    let mut src = Vec::with_capacity(n);
    let mut tgt = Vec::with_capacity(n);
    for _ in 0..n {
        let words = 3 + next() % 30;
        let (mut s, mut t) = (String::new(), String::new());
        for w in 0..words {
            if w > 0 {
                s.push(' ');
                t.push(' ');
            }
            if next() % 12 == 0 {
                let number = (next() % 5000).to_string();
                s.push_str(&number);
                t.push_str(&number);
            } else {
                let len = 2 + next() % 9;
                let word: String = (0..len)
                    .map(|_| char::from(b'a' + (next() % 26) as u8))
                    .collect();
                let translated: String = word
                    .bytes()
                    .rev()
                    .map(|b| char::from(b'a' + (b - b'a' + 7) % 26))
                    .take(len + next() % 3)
                    .collect();
                s.push_str(&word);
                t.push_str(&translated);
            }
        }
        s.push('.');
        t.push('.');
        src.push(s);
        tgt.push(t);
    }
    (src, tgt)
}

#[test]
fn ten_thousand_sentences() {
    let (src, mut tgt) = synthetic(10_000, 7);
    tgt.remove(5_000);
    let src_units: Vec<AlignUnit> = src
        .iter()
        .map(|t| AlignUnit {
            text: t,
            paragraph: 0,
            anchors: Vec::new(),
        })
        .collect();
    let tgt_units: Vec<AlignUnit> = tgt
        .iter()
        .map(|t| AlignUnit {
            text: t,
            paragraph: 0,
            anchors: Vec::new(),
        })
        .collect();
    let beads = align(&src_units, &tgt_units);
    assert_valid(&beads, src.len(), tgt.len());
    let right = beads
        .iter()
        .filter(|b| b.source.len() == 1 && b.target.len() == 1)
        .count();
    assert!(right > 9_800, "{right} one-to-one beads");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn beads_cover_both_sides_in_order(
        src in proptest::collection::vec("[a-z0-9 ]{0,40}[.?!]?", 0..30),
        tgt in proptest::collection::vec("[a-z0-9 ]{0,40}[.?!]?", 0..30),
    ) {
        let s: Vec<AlignUnit> = src.iter().map(|t| AlignUnit { text: t, paragraph: 0, anchors: Vec::new() }).collect();
        let t: Vec<AlignUnit> = tgt.iter().map(|t| AlignUnit { text: t, paragraph: 0, anchors: Vec::new() }).collect();
        let beads = align(&s, &t);
        assert_valid(&beads, src.len(), tgt.len());
    }
}
