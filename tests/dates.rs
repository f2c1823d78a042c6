//! The `date` check across languages and scripts: three English sentences (a full date, a
//! weekday, a month) translated faithfully into 23 languages must raise no date finding and no
//! number error; the same translations with the day, the month, the year, the weekday or the
//! other month changed must each raise a date error on the right source date, and no number
//! error besides (a date's day and year are the date check's to report).

use concord::checks::{run_all, DocumentKnowledge, Issue, PairContext, Side};
use concord::extract::DateValue;
use concord::finding::{CheckId, Severity};

const FULL_DATE: &str = "The agreement was signed on 5 January 2024.";
const WEEKDAY: &str = "The talks resumed on Thursday.";
const MONTH: &str = "Elections are planned for October.";

/// One language's faithful translations of the three sentences, and the substitutions that
/// break them: `(as written, changed)` for the day, the month and the year of the full date,
/// the weekday, and the month of the third sentence.
struct Case {
    lang: &'static str,
    full_date: &'static str,
    weekday: &'static str,
    month: &'static str,
    day_change: (&'static str, &'static str),
    month_change: (&'static str, &'static str),
    year_change: (&'static str, &'static str),
    weekday_change: (&'static str, &'static str),
    other_month_change: (&'static str, &'static str),
}

const CASES: &[Case] = &[
    Case {
        lang: "de",
        full_date: "Das Abkommen wurde am 5. Januar 2024 unterzeichnet.",
        weekday: "Die Gespräche wurden am Donnerstag wieder aufgenommen.",
        month: "Die Wahlen sind für Oktober geplant.",
        day_change: ("5.", "6."),
        month_change: ("Januar", "Februar"),
        year_change: ("2024", "2025"),
        weekday_change: ("Donnerstag", "Freitag"),
        other_month_change: ("Oktober", "November"),
    },
    Case {
        lang: "fr",
        full_date: "L'accord a été signé le 5 janvier 2024.",
        weekday: "Les pourparlers ont repris jeudi.",
        month: "Les élections sont prévues pour octobre.",
        day_change: ("5 ", "6 "),
        month_change: ("janvier", "février"),
        year_change: ("2024", "2025"),
        weekday_change: ("jeudi", "vendredi"),
        other_month_change: ("octobre", "novembre"),
    },
    Case {
        lang: "es",
        full_date: "El acuerdo se firmó el 5 de enero de 2024.",
        weekday: "Las conversaciones se reanudaron el jueves.",
        month: "Las elecciones están previstas para octubre.",
        day_change: ("5 ", "6 "),
        month_change: ("enero", "febrero"),
        year_change: ("2024", "2025"),
        weekday_change: ("jueves", "viernes"),
        other_month_change: ("octubre", "noviembre"),
    },
    Case {
        lang: "it",
        full_date: "L'accordo è stato firmato il 5 gennaio 2024.",
        weekday: "I colloqui sono ripresi giovedì.",
        month: "Le elezioni sono previste per ottobre.",
        day_change: ("5 ", "6 "),
        month_change: ("gennaio", "febbraio"),
        year_change: ("2024", "2025"),
        weekday_change: ("giovedì", "venerdì"),
        other_month_change: ("ottobre", "novembre"),
    },
    Case {
        lang: "pt",
        full_date: "O acordo foi assinado em 5 de janeiro de 2024.",
        weekday: "As conversações foram retomadas na quinta-feira.",
        month: "As eleições estão previstas para outubro.",
        day_change: ("5 ", "6 "),
        month_change: ("janeiro", "fevereiro"),
        year_change: ("2024", "2025"),
        weekday_change: ("quinta-feira", "sexta-feira"),
        other_month_change: ("outubro", "novembro"),
    },
    Case {
        lang: "nl",
        full_date: "Het akkoord werd op 5 januari 2024 ondertekend.",
        weekday: "De besprekingen werden donderdag hervat.",
        month: "De verkiezingen zijn gepland voor oktober.",
        day_change: ("5 ", "6 "),
        month_change: ("januari", "februari"),
        year_change: ("2024", "2025"),
        weekday_change: ("donderdag", "vrijdag"),
        other_month_change: ("oktober", "november"),
    },
    Case {
        lang: "sv",
        full_date: "Avtalet undertecknades den 5 januari 2024.",
        weekday: "Samtalen återupptogs på torsdagen.",
        month: "Valet är planerat till oktober.",
        day_change: ("5 ", "6 "),
        month_change: ("januari", "februari"),
        year_change: ("2024", "2025"),
        weekday_change: ("torsdagen", "fredagen"),
        other_month_change: ("oktober", "november"),
    },
    Case {
        lang: "fi",
        full_date: "Sopimus allekirjoitettiin 5. tammikuuta 2024.",
        weekday: "Neuvottelut jatkuivat torstaina.",
        month: "Vaalit on suunniteltu lokakuulle.",
        day_change: ("5.", "6."),
        month_change: ("tammikuuta", "helmikuuta"),
        year_change: ("2024", "2025"),
        weekday_change: ("torstaina", "perjantaina"),
        other_month_change: ("lokakuulle", "marraskuulle"),
    },
    Case {
        lang: "hu",
        full_date: "A megállapodást 2024. január 5-én írták alá.",
        weekday: "A tárgyalások csütörtökön folytatódtak.",
        month: "A választásokat októberben tartják.",
        day_change: ("5-én", "6-án"),
        month_change: ("január", "február"),
        year_change: ("2024", "2025"),
        weekday_change: ("csütörtökön", "pénteken"),
        other_month_change: ("októberben", "novemberben"),
    },
    Case {
        lang: "pl",
        full_date: "Porozumienie podpisano 5 stycznia 2024 r.",
        weekday: "Rozmowy wznowiono w czwartek.",
        month: "Wybory zaplanowano na październik.",
        day_change: ("5 ", "6 "),
        month_change: ("stycznia", "lutego"),
        year_change: ("2024", "2025"),
        weekday_change: ("czwartek", "piątek"),
        other_month_change: ("październik", "listopad"),
    },
    Case {
        lang: "cs",
        full_date: "Dohoda byla podepsána 5. ledna 2024.",
        weekday: "Rozhovory byly obnoveny ve čtvrtek.",
        month: "Volby jsou naplánovány na říjen.",
        day_change: ("5.", "6."),
        month_change: ("ledna", "února"),
        year_change: ("2024", "2025"),
        weekday_change: ("čtvrtek", "pátek"),
        other_month_change: ("říjen", "listopad"),
    },
    Case {
        lang: "ru",
        full_date: "Соглашение было подписано 5 января 2024 года.",
        weekday: "Переговоры возобновились в четверг.",
        month: "Выборы запланированы на октябрь.",
        day_change: ("5 ", "6 "),
        month_change: ("января", "февраля"),
        year_change: ("2024", "2025"),
        weekday_change: ("четверг", "пятницу"),
        other_month_change: ("октябрь", "ноябрь"),
    },
    Case {
        lang: "uk",
        full_date: "Угоду було підписано 5 січня 2024 року.",
        weekday: "Переговори відновилися у четвер.",
        month: "Вибори заплановано на жовтень.",
        day_change: ("5 ", "6 "),
        month_change: ("січня", "лютого"),
        year_change: ("2024", "2025"),
        weekday_change: ("четвер", "п'ятницю"),
        other_month_change: ("жовтень", "листопад"),
    },
    Case {
        lang: "el",
        full_date: "Η συμφωνία υπογράφηκε στις 5 Ιανουαρίου 2024.",
        weekday: "Οι συνομιλίες ξανάρχισαν την Πέμπτη.",
        month: "Οι εκλογές έχουν προγραμματιστεί για τον Οκτώβριο.",
        day_change: ("5 ", "6 "),
        month_change: ("Ιανουαρίου", "Φεβρουαρίου"),
        year_change: ("2024", "2025"),
        weekday_change: ("Πέμπτη", "Παρασκευή"),
        other_month_change: ("Οκτώβριο", "Νοέμβριο"),
    },
    Case {
        lang: "tr",
        full_date: "Anlaşma 5 Ocak 2024'te imzalandı.",
        weekday: "Görüşmeler Perşembe günü yeniden başladı.",
        month: "Seçimler Ekim ayı için planlanıyor.",
        day_change: ("5 ", "6 "),
        month_change: ("Ocak", "Şubat"),
        year_change: ("2024", "2025"),
        weekday_change: ("Perşembe", "Cuma"),
        other_month_change: ("Ekim", "Kasım"),
    },
    Case {
        lang: "id",
        full_date: "Perjanjian itu ditandatangani pada 5 Januari 2024.",
        weekday: "Perundingan dilanjutkan pada hari Kamis.",
        month: "Pemilu direncanakan pada bulan Oktober.",
        day_change: ("5 ", "6 "),
        month_change: ("Januari", "Februari"),
        year_change: ("2024", "2025"),
        weekday_change: ("Kamis", "Jumat"),
        other_month_change: ("Oktober", "November"),
    },
    Case {
        lang: "ar",
        full_date: "وُقّع الاتفاق في 5 يناير 2024.",
        weekday: "استؤنفت المحادثات يوم الخميس.",
        month: "من المقرر إجراء الانتخابات في أكتوبر.",
        day_change: ("5 ", "6 "),
        month_change: ("يناير", "فبراير"),
        year_change: ("2024", "2025"),
        weekday_change: ("الخميس", "الجمعة"),
        other_month_change: ("أكتوبر", "نوفمبر"),
    },
    Case {
        lang: "he",
        full_date: "ההסכם נחתם ב-5 בינואר 2024.",
        weekday: "השיחות התחדשו ביום חמישי.",
        month: "הבחירות מתוכננות לאוקטובר.",
        day_change: ("5 ", "6 "),
        month_change: ("בינואר", "בפברואר"),
        year_change: ("2024", "2025"),
        weekday_change: ("ביום חמישי", "ביום שישי"),
        other_month_change: ("לאוקטובר", "לנובמבר"),
    },
    Case {
        lang: "hi",
        full_date: "समझौते पर 5 जनवरी 2024 को हस्ताक्षर किए गए।",
        weekday: "वार्ता गुरुवार को फिर से शुरू हुई।",
        month: "चुनाव अक्टूबर में होने हैं।",
        day_change: ("5 ", "6 "),
        month_change: ("जनवरी", "फ़रवरी"),
        year_change: ("2024", "2025"),
        weekday_change: ("गुरुवार", "शुक्रवार"),
        other_month_change: ("अक्टूबर", "नवंबर"),
    },
    Case {
        lang: "zh",
        full_date: "该协议于2024年1月5日签署。",
        weekday: "会谈于周四恢复。",
        month: "选举定于十月举行。",
        day_change: ("5日", "6日"),
        month_change: ("1月", "2月"),
        year_change: ("2024", "2025"),
        weekday_change: ("周四", "周五"),
        other_month_change: ("十月", "十一月"),
    },
    Case {
        lang: "ja",
        full_date: "協定は2024年1月5日に署名された。",
        weekday: "協議は木曜日に再開された。",
        month: "選挙は10月に予定されている。",
        day_change: ("5日", "6日"),
        month_change: ("1月", "2月"),
        year_change: ("2024", "2025"),
        weekday_change: ("木曜日", "金曜日"),
        other_month_change: ("10月", "11月"),
    },
    Case {
        lang: "ko",
        full_date: "협정은 2024년 1월 5일에 서명되었다.",
        weekday: "회담은 목요일에 재개되었다.",
        month: "선거는 10월로 예정되어 있다.",
        day_change: ("5일", "6일"),
        month_change: ("1월", "2월"),
        year_change: ("2024", "2025"),
        weekday_change: ("목요일", "금요일"),
        other_month_change: ("10월", "11월"),
    },
    Case {
        lang: "th",
        full_date: "ข้อตกลงลงนามเมื่อวันที่ 5 มกราคม 2567",
        weekday: "การเจรจากลับมาดำเนินต่อในวันพฤหัสบดี",
        month: "การเลือกตั้งมีกำหนดในเดือนตุลาคม",
        day_change: ("5 ", "6 "),
        month_change: ("มกราคม", "กุมภาพันธ์"),
        year_change: ("2567", "2568"),
        weekday_change: ("วันพฤหัสบดี", "วันศุกร์"),
        other_month_change: ("ตุลาคม", "พฤศจิกายน"),
    },
];

fn issues(lang: &'static str, source: &str, target: &str) -> Vec<Issue> {
    let ctx = PairContext {
        source: Side::new("en", source.to_string()),
        target: Side::new(lang, target.to_string()),
        confidence: 1.0,
    };
    run_all(&ctx, &DocumentKnowledge::default())
        .into_iter()
        .filter(|i| matches!(i.check, CheckId::Date | CheckId::Number))
        .collect()
}

fn changed(text: &str, (from, to): (&str, &str)) -> String {
    assert!(text.contains(from), "{from:?} is not in {text:?}");
    text.replacen(from, to, 1)
}

#[test]
fn faithful_dates_raise_nothing() {
    let full_date = DateValue {
        year: Some(2024),
        month: Some(1),
        day: Some(5),
        weekday: None,
    };
    let weekday = DateValue {
        weekday: Some(4),
        ..DateValue::default()
    };
    let month = DateValue {
        month: Some(10),
        ..DateValue::default()
    };
    for case in CASES {
        for (source, target, value) in [
            (FULL_DATE, case.full_date, full_date),
            (WEEKDAY, case.weekday, weekday),
            (MONTH, case.month, month),
        ] {
            // Read as the same date, not merely left alone.
            let dates = Side::new(case.lang, target.to_string()).facts.dates;
            assert!(
                dates.iter().any(|d| d.readings.contains(&value)),
                "{}: {target} read as {dates:?}",
                case.lang
            );
            let found = issues(case.lang, source, target);
            assert!(found.is_empty(), "{}: {target}\n{found:#?}", case.lang);
        }
    }
}

#[test]
fn changed_dates_are_date_errors_and_not_number_errors() {
    let mut missed = Vec::new();
    for case in CASES {
        let broken = [
            (
                "day",
                FULL_DATE,
                changed(case.full_date, case.day_change),
                "5 January 2024",
            ),
            (
                "month",
                FULL_DATE,
                changed(case.full_date, case.month_change),
                "5 January 2024",
            ),
            (
                "year",
                FULL_DATE,
                changed(case.full_date, case.year_change),
                "5 January 2024",
            ),
            (
                "weekday",
                WEEKDAY,
                changed(case.weekday, case.weekday_change),
                "Thursday",
            ),
            (
                "month",
                MONTH,
                changed(case.month, case.other_month_change),
                "October",
            ),
        ];
        for (what, source, target, source_date) in broken {
            let found = issues(case.lang, source, &target);
            let caught = found.iter().any(|i| {
                i.check == CheckId::Date
                    && i.severity == Severity::Error
                    && i.source == source_date
                    && !i.target.is_empty()
            });
            let number_error = found
                .iter()
                .any(|i| i.check == CheckId::Number && i.severity == Severity::Error);
            if !caught || number_error {
                missed.push(format!("{} {what}: {target}\n  {found:?}", case.lang));
            }
        }
    }
    assert!(missed.is_empty(), "{}", missed.join("\n"));
}

#[test]
fn a_dropped_weekday_is_only_a_warning() {
    let found = issues("de", WEEKDAY, "Die Gespräche wurden wieder aufgenommen.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].check, CheckId::Date);
    assert_eq!(found[0].severity, Severity::Warning);
    assert_eq!(found[0].source, "Thursday");
}

#[test]
fn numeric_dates_are_read_in_each_languages_order() {
    // 1/5/2024 in English is 5 January (US) or 1 May (UK): either reading may be the target's.
    for target in ["am 05.01.2024", "am 01.05.2024", "le 2024-01-05"] {
        let lang = if target.starts_with("le") { "fr" } else { "de" };
        assert!(issues(lang, "on 1/5/2024", target).is_empty(), "{target}");
    }
    let found = issues("de", "on 1/5/2024", "am 07.01.2024");
    assert!(
        found
            .iter()
            .any(|i| i.check == CheckId::Date && i.severity == Severity::Error),
        "{found:?}"
    );
}
