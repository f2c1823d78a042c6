//! The `name` check across scripts: a small document per language (three sentences that name
//! Kalinin and Sobolev, names that are not in the entity list, so sound and learning do the
//! work), translated faithfully and then broken: a name misspelt, dropped, swapped.

use concord::checks::{name, DocumentKnowledge, Issue, PairContext, Side};
use concord::finding::{CheckId, Severity};

const SOURCE: [&str; 3] = [
    "The delegation led by Kalinin met Sobolev in the capital.",
    "Later that day Kalinin spoke to journalists.",
    "According to Kalinin, the talks were useful.",
];

/// A language's faithful translation of [`SOURCE`], and the same with pair 3 misspelt (one
/// slip), pair 2 with the name dropped, and pair 3 with Kalinin swapped for Sobolev.
struct Case {
    lang: &'static str,
    faithful: [&'static str; 3],
    misspelt: &'static str,
    slip: &'static str,
    dropped: &'static str,
    swapped: &'static str,
}

const CASES: &[Case] = &[
    Case {
        lang: "de",
        faithful: [
            "Die von Kalinin geleitete Delegation traf Sobolew in der Hauptstadt.",
            "Später am Tag sprach Kalinin mit Journalisten.",
            "Laut Kalinin waren die Gespräche nützlich.",
        ],
        misspelt: "Laut Kaliwin waren die Gespräche nützlich.",
        slip: "Kaliwin",
        dropped: "Später am Tag sprach er mit Journalisten.",
        swapped: "Laut Sobolew waren die Gespräche nützlich.",
    },
    Case {
        lang: "pl",
        faithful: [
            "Delegacja kierowana przez Kalinina spotkała się z Sobolewem w stolicy.",
            "Później tego dnia Kalinin rozmawiał z dziennikarzami.",
            "Według Kalinina rozmowy były pożyteczne.",
        ],
        misspelt: "Według Kalimina rozmowy były pożyteczne.",
        slip: "Kalimina",
        dropped: "Później tego dnia rozmawiał z dziennikarzami.",
        swapped: "Według Sobolewa rozmowy były pożyteczne.",
    },
    Case {
        lang: "tr",
        faithful: [
            "Kalinin'in başkanlık ettiği heyet başkentte Sobolev ile görüştü.",
            "O günün ilerleyen saatlerinde Kalinin gazetecilere konuştu.",
            "Kalinin'e göre görüşmeler faydalıydı.",
        ],
        misspelt: "Kalimin'e göre görüşmeler faydalıydı.",
        slip: "Kalimin",
        dropped: "O günün ilerleyen saatlerinde gazetecilere konuştu.",
        swapped: "Sobolev'e göre görüşmeler faydalıydı.",
    },
    Case {
        lang: "nl",
        faithful: [
            "De delegatie onder leiding van Kalinin ontmoette Sobolev in de hoofdstad.",
            "Later die dag sprak Kalinin met journalisten.",
            "Volgens Kalinin waren de gesprekken nuttig.",
        ],
        misspelt: "Volgens Kaliwin waren de gesprekken nuttig.",
        slip: "Kaliwin",
        dropped: "Later die dag sprak hij met journalisten.",
        swapped: "Volgens Sobolev waren de gesprekken nuttig.",
    },
    Case {
        lang: "ru",
        faithful: [
            "Делегация во главе с Калининым встретилась с Соболевым в столице.",
            "Позже в тот же день Калинин выступил перед журналистами.",
            "По словам Калинина, переговоры были полезными.",
        ],
        misspelt: "По словам Калимина, переговоры были полезными.",
        slip: "Калимина",
        dropped: "Позже в тот же день он выступил перед журналистами.",
        swapped: "По словам Соболева, переговоры были полезными.",
    },
    Case {
        lang: "uk",
        faithful: [
            "Делегація на чолі з Калініним зустрілася із Соболевим у столиці.",
            "Пізніше того ж дня Калінін виступив перед журналістами.",
            "За словами Калініна, переговори були корисними.",
        ],
        misspelt: "За словами Каліміна, переговори були корисними.",
        slip: "Каліміна",
        dropped: "Пізніше того ж дня він виступив перед журналістами.",
        swapped: "За словами Соболева, переговори були корисними.",
    },
    Case {
        lang: "el",
        faithful: [
            "Η αντιπροσωπεία με επικεφαλής τον Καλίνιν συναντήθηκε με τον Σόμπολεφ στην πρωτεύουσα.",
            "Αργότερα την ίδια μέρα ο Καλίνιν μίλησε στους δημοσιογράφους.",
            "Σύμφωνα με τον Καλίνιν, οι συνομιλίες ήταν χρήσιμες.",
        ],
        misspelt: "Σύμφωνα με τον Καλίμιν, οι συνομιλίες ήταν χρήσιμες.",
        slip: "Καλίμιν",
        dropped: "Αργότερα την ίδια μέρα μίλησε στους δημοσιογράφους.",
        swapped: "Σύμφωνα με τον Σόμπολεφ, οι συνομιλίες ήταν χρήσιμες.",
    },
    Case {
        lang: "ar",
        faithful: [
            "التقى الوفد الذي يرأسه كالينين بسوبوليف في العاصمة.",
            "وفي وقت لاحق من اليوم تحدث كالينين إلى الصحفيين.",
            "وبحسب كالينين، كانت المحادثات مفيدة.",
        ],
        misspelt: "وبحسب كاليمين، كانت المحادثات مفيدة.",
        slip: "كاليمين",
        dropped: "وفي وقت لاحق من اليوم تحدث إلى الصحفيين.",
        swapped: "وبحسب سوبوليف، كانت المحادثات مفيدة.",
    },
    Case {
        lang: "zh",
        faithful: [
            "由加里宁率领的代表团在首都会见了索博列夫。",
            "当天晚些时候，加里宁对记者发表了讲话。",
            "据加里宁说，会谈很有益。",
        ],
        misspelt: "据加里明说，会谈很有益。",
        slip: "加里明",
        dropped: "当天晚些时候，他对记者发表了讲话。",
        swapped: "据索博列夫说，会谈很有益。",
    },
    Case {
        lang: "ja",
        faithful: [
            "カリーニン率いる代表団は首都でソボレフと会談した。",
            "その日遅く、カリーニンは記者団に語った。",
            "カリーニンによると、会談は有益だった。",
        ],
        misspelt: "カリーミンによると、会談は有益だった。",
        slip: "カリーミン",
        dropped: "その日遅く、彼は記者団に語った。",
        swapped: "ソボレフによると、会談は有益だった。",
    },
];

fn document<'a>(lang: &'a str, targets: [&str; 3]) -> Vec<PairContext<'a>> {
    SOURCE
        .iter()
        .zip(targets)
        .map(|(s, t)| PairContext {
            source: Side::new("en", s.to_string()),
            target: Side::new(lang, t.to_string()),
            confidence: 1.0,
        })
        .collect()
}

fn findings(pairs: &[PairContext]) -> Vec<Vec<Issue>> {
    let doc = DocumentKnowledge::learn(pairs);
    pairs.iter().map(|p| name::check(p, &doc)).collect()
}

fn errors(issues: &[Issue]) -> Vec<&Issue> {
    issues
        .iter()
        .filter(|i| i.check == CheckId::Name && i.severity == Severity::Error)
        .collect()
}

#[test]
fn faithful_translations_have_no_name_findings() {
    for case in CASES {
        let out = findings(&document(case.lang, case.faithful));
        for (k, issues) in out.iter().enumerate() {
            assert!(
                issues.is_empty(),
                "{} pair {}: {:?}",
                case.lang,
                k + 1,
                issues
            );
        }
    }
}

#[test]
fn a_misspelt_name_is_an_error_that_names_the_slip() {
    for case in CASES {
        let [a, b, _] = case.faithful;
        let out = findings(&document(case.lang, [a, b, case.misspelt]));
        let errs = errors(&out[2]);
        assert_eq!(errs.len(), 1, "{}: {:?}", case.lang, out[2]);
        assert_eq!(errs[0].source, "Kalinin", "{}", case.lang);
        assert!(
            case.slip.contains(errs[0].target.as_str()) || errs[0].target.contains(case.slip),
            "{}: target {:?}, slip {:?}",
            case.lang,
            errs[0].target,
            case.slip
        );
        assert!(errs[0].message.contains("misspelt"), "{}", errs[0].message);
        assert!(
            out[0].is_empty() && out[1].is_empty(),
            "{}: {:?}",
            case.lang,
            out
        );
    }
}

#[test]
fn a_dropped_name_is_an_error_where_the_document_renders_it_elsewhere() {
    for case in CASES {
        let [a, _, c] = case.faithful;
        let out = findings(&document(case.lang, [a, case.dropped, c]));
        let errs = errors(&out[1]);
        assert_eq!(errs.len(), 1, "{}: {:?}", case.lang, out[1]);
        assert_eq!(errs[0].source, "Kalinin");
        assert!(errs[0].target.is_empty());
        assert_eq!(errs[0].message, "name \"Kalinin\" missing in the target");
    }
}

#[test]
fn a_swapped_name_is_an_error() {
    for case in CASES {
        let [a, b, _] = case.faithful;
        let out = findings(&document(case.lang, [a, b, case.swapped]));
        let errs = errors(&out[2]);
        assert_eq!(errs.len(), 1, "{}: {:?}", case.lang, out[2]);
        assert_eq!(errs[0].source, "Kalinin", "{}", case.lang);
    }
}

/// One pair on its own, no document to learn from.
fn single(source: &str, lang: &str, target: &str) -> Vec<Issue> {
    let pairs = vec![PairContext {
        source: Side::new("en", source.to_string()),
        target: Side::new(lang, target.to_string()),
        confidence: 1.0,
    }];
    findings(&pairs).remove(0)
}

#[test]
fn faithful_variants_are_accepted() {
    for (source, lang, target) in [
        // Case endings and suffixes.
        (
            "The book about Kalinin sold well.",
            "ru",
            "Книга о Калинине хорошо продавалась.",
        ),
        ("He met Kalinin.", "pl", "Spotkał się z Kalininem."),
        (
            "Kalinin's book sold well.",
            "tr",
            "Kalinin'in kitabı iyi sattı.",
        ),
        ("He praised Obama's plan.", "de", "Er lobte Obamas Plan."),
        // First names dropped, titles added.
        ("Vladimir Kalinin spoke.", "zh", "加里宁发表了讲话。"),
        ("Kalinin spoke.", "fr", "M. Kalinine a parlé."),
        // Listed renderings: exonyms and organisations.
        (
            "Talks in Moscow with NATO and the OSCE.",
            "de",
            "Gespräche in Moskau mit der NATO und der OSZE.",
        ),
        (
            "Talks in Moscow with NATO and the OSCE.",
            "ru",
            "Переговоры в Москве с НАТО и ОБСЕ.",
        ),
        (
            "Talks in Moscow with NATO and the OSCE.",
            "zh",
            "在莫斯科与北约和欧安组织会谈。",
        ),
        (
            "Talks in Moscow with NATO.",
            "ar",
            "محادثات في موسكو مع الناتو.",
        ),
        // Transliterations in other scripts.
        ("Sergei Ryabkov spoke.", "el", "Ο Σεργκέι Ριαμπκόφ μίλησε."),
        ("Blinken spoke.", "ja", "ブリンケン氏が語った。"),
    ] {
        let issues = single(source, lang, target);
        assert!(issues.is_empty(), "{lang}: {target}: {issues:?}");
    }
}

#[test]
fn errors_found_in_a_single_pair() {
    for (source, lang, target, expect) in [
        // A slip of a listed rendering.
        (
            "Sergei Ryabkov spoke.",
            "ru",
            "Сергей Рыбков выступил.",
            "misspelt",
        ),
        ("Lavrov spoke.", "ja", "ラプロフ氏が語った。", "misspelt"),
        // A slip in the name's own script.
        (
            "He met Margaret Boemer in Plano.",
            "fr",
            "Il a rencontré Margaret Boener à Plano.",
            "misspelt",
        ),
        // A different listed name.
        ("Lavrov said so.", "uk", "Пєсков так сказав.", "became"),
        // A full name gone.
        (
            "Antony Blinken reiterated it.",
            "pl",
            "Sekretarz stanu to powtórzył.",
            "missing",
        ),
    ] {
        let issues = single(source, lang, target);
        let errs = errors(&issues);
        assert!(
            errs.iter().any(|i| i.message.contains(expect)),
            "{lang}: {target}: {issues:?}"
        );
    }
}

#[test]
fn messages_are_one_plain_sentence() {
    let issues = single("Lavrov said so.", "uk", "Пєсков так сказав.");
    assert_eq!(issues[0].message, "name \"Lavrov\" became \"Пєсков\"");
    assert_eq!(issues[0].source, "Lavrov");
    assert_eq!(issues[0].target, "Пєсков");
}
