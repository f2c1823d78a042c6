//! BCP 47 language tags as they appear in file names and folder names.

/// ISO 639-1 codes: a file-name part or folder name is taken for a language only if its primary
/// subtag is one of these (so `notes.old.txt` is not a document in language `old`).
const ISO_639_1: &str = "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce \
ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he \
hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw \
ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj \
om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta \
te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu";

/// Whether `s` reads as a language tag: an ISO 639-1 primary subtag, optionally followed by
/// script and region subtags (`pt-BR`, `zh-Hans`, `sr-Latn-RS`).
pub fn is_language_tag(s: &str) -> bool {
    let mut parts = s.split(['-', '_']);
    let Some(primary) = parts.next() else {
        return false;
    };
    if primary.len() != 2 || !primary.bytes().all(|b| b.is_ascii_lowercase()) {
        return false;
    }
    if !ISO_639_1.split_ascii_whitespace().any(|c| c == primary) {
        return false;
    }
    // Script (`Hans`, `Latn`) and region (`BR`, `419`) subtags only: `en_names` is a column
    // name, not English.
    parts.all(|p| match p.len() {
        2 => p.bytes().all(|b| b.is_ascii_alphabetic()),
        3 => p.bytes().all(|b| b.is_ascii_digit()),
        4 => p.bytes().all(|b| b.is_ascii_alphabetic()),
        _ => false,
    })
}

/// Canonical spelling of a tag: `pt_br` → `pt-BR`, `ZH-hans` → `zh-Hans`.
pub fn canonical(tag: &str) -> String {
    tag.split(['-', '_'])
        .enumerate()
        .map(|(i, p)| match (i, p.len()) {
            (0, _) => p.to_ascii_lowercase(),
            (_, 2) => p.to_ascii_uppercase(),
            (_, 4) if p.is_ascii() => {
                let mut s = p[..1].to_ascii_uppercase();
                s.push_str(&p[1..].to_ascii_lowercase());
                s
            }
            _ => p.to_ascii_lowercase(),
        })
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_tags_and_rejects_other_words() {
        for t in [
            "de",
            "en",
            "pt-BR",
            "zh-Hans",
            "sr-Latn-RS",
            "es-419",
            "pt_BR",
        ] {
            assert!(is_language_tag(t), "{t}");
        }
        for t in [
            "old",
            "v2",
            "txt",
            "draft",
            "xx",
            "EN",
            "",
            "en_names",
            "de_numbers",
        ] {
            assert!(!is_language_tag(t), "{t}");
        }
    }

    #[test]
    fn canonical_spelling() {
        assert_eq!(canonical("pt_br"), "pt-BR");
        assert_eq!(canonical("ZH-hans"), "zh-Hans");
    }
}
