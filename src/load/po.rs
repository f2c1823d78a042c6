//! gettext PO catalogues: one unit per translated message.
//!
//! The target language is the header's `Language:` (`sr@latin` → `sr-Latn`), else a language tag
//! in the file name (`de.po`, `messages.pt_BR.po`); the source is the command line's or `en`.
//! Entries: `msgctxt`, `msgid`, `msgid_plural`, `msgstr`, `msgstr[n]`, strings continued on
//! following lines, C escapes (`\n`, `\t`, `\"`, `\\`, octal, `\x`). Skipped: the header, obsolete
//! `#~` entries, entries flagged `#, fuzzy` (unless [`LoadOptions::include_fuzzy`]) and empty
//! translations. The unit id is the `msgctxt` (when not empty), else `line N` with N the 1-based line of the
//! `msgid`; plural forms are one unit each, id suffixed `[n]`, with the source `msgid` for n = 0
//! and `msgid_plural` for the others. Translator comments, references and `#|` previous strings
//! are not read.

use super::{BilingualFile, BilingualSet, BilingualUnit, LoadError, LoadOptions};
use crate::lang::tag;

#[derive(Default)]
struct Entry {
    context: Option<String>,
    id: Option<String>,
    id_line: usize,
    plural: Option<String>,
    translations: Vec<(usize, String)>,
    fuzzy: bool,
}

/// Which string a continuation line (`"…"` alone) extends.
#[derive(Clone, Copy)]
enum Field {
    Context,
    Id,
    Plural,
    Translation(usize),
}

pub fn parse(
    text: &str,
    file_lang: Option<String>,
    options: &LoadOptions,
) -> Result<BilingualFile, LoadError> {
    let mut entries: Vec<Entry> = Vec::new();
    let mut entry = Entry::default();
    let mut field: Option<Field> = None;
    for (n, line) in text.lines().enumerate() {
        let line_no = n + 1;
        let t = line.trim();
        if t.is_empty() {
            finish(&mut entries, &mut entry);
            field = None;
            continue;
        }
        if t.starts_with("#~") {
            field = None;
            continue;
        }
        if let Some(comment) = t.strip_prefix('#') {
            // A comment after a translation starts the next entry.
            if !entry.translations.is_empty() {
                finish(&mut entries, &mut entry);
            }
            if let Some(flags) = comment.strip_prefix(',') {
                if flags.split(',').any(|f| f.trim() == "fuzzy") {
                    entry.fuzzy = true;
                }
            }
            field = None;
            continue;
        }
        if t.starts_with('"') {
            let s = string(t, line_no)?;
            let target = match field {
                Some(Field::Context) => entry.context.as_mut(),
                Some(Field::Id) => entry.id.as_mut(),
                Some(Field::Plural) => entry.plural.as_mut(),
                Some(Field::Translation(i)) => entry.translations.get_mut(i).map(|(_, s)| s),
                None => None,
            };
            match target {
                Some(target) => target.push_str(&s),
                None => return Err(error(line_no, "a string without a keyword before it")),
            }
            continue;
        }
        let keyword_len = t.find([' ', '\t', '"']).unwrap_or(t.len());
        let (keyword, rest) = (&t[..keyword_len], t[keyword_len..].trim_start());
        let plural_index = keyword
            .strip_prefix("msgstr[")
            .and_then(|r| r.strip_suffix(']'))
            .and_then(|i| i.trim().parse::<usize>().ok());
        if plural_index.is_none()
            && !["msgctxt", "msgid", "msgid_plural", "msgstr"].contains(&keyword)
        {
            return Err(error(line_no, &format!("unexpected `{keyword}`")));
        }
        let value = string(rest, line_no)?;
        match keyword {
            "msgctxt" => {
                if entry.id.is_some() || entry.context.is_some() {
                    finish(&mut entries, &mut entry);
                }
                entry.context = Some(value);
                field = Some(Field::Context);
            }
            "msgid" => {
                if entry.id.is_some() {
                    finish(&mut entries, &mut entry);
                }
                entry.id = Some(value);
                entry.id_line = line_no;
                field = Some(Field::Id);
            }
            "msgid_plural" => {
                entry.plural = Some(value);
                field = Some(Field::Plural);
            }
            "msgstr" => {
                entry.translations.push((0, value));
                field = Some(Field::Translation(entry.translations.len() - 1));
            }
            _ => {
                entry.translations.push((plural_index.unwrap_or(0), value));
                field = Some(Field::Translation(entry.translations.len() - 1));
            }
        }
    }
    finish(&mut entries, &mut entry);

    let mut target_lang = file_lang.unwrap_or_default();
    let mut units = Vec::new();
    for entry in entries {
        let Some(msgid) = entry.id else { continue };
        if msgid.is_empty() && entry.context.is_none() {
            if let Some(lang) = entry
                .translations
                .first()
                .and_then(|(_, header)| header_language(header))
            {
                target_lang = lang;
            }
            continue;
        }
        if entry.fuzzy && !options.include_fuzzy {
            continue;
        }
        let base = entry
            .context
            .clone()
            .filter(|c| !c.is_empty())
            .unwrap_or_else(|| format!("line {}", entry.id_line));
        let plural = entry.plural.is_some()
            || entry.translations.iter().any(|(i, _)| *i > 0)
            || entry.translations.len() > 1;
        // An empty msgstr is kept: an untranslated entry is the omission check's to report.
        for (index, translation) in entry.translations {
            let (id, source) = if plural {
                let source = match (&entry.plural, index) {
                    (Some(p), i) if i >= 1 => p.clone(),
                    _ => msgid.clone(),
                };
                (format!("{base}[{index}]"), source)
            } else {
                (base.clone(), msgid.clone())
            };
            units.push(BilingualUnit {
                id,
                source,
                target: translation,
                state: if entry.fuzzy {
                    "fuzzy".into()
                } else {
                    String::new()
                },
                ..BilingualUnit::default()
            });
        }
    }
    let mut sets = Vec::new();
    if !target_lang.is_empty() || !units.is_empty() {
        sets.push(BilingualSet { target_lang, units });
    }
    Ok(BilingualFile {
        source_lang: "en".into(),
        sets,
    })
}

fn finish(entries: &mut Vec<Entry>, entry: &mut Entry) {
    let done = std::mem::take(entry);
    if done.id.is_some() || done.context.is_some() || !done.translations.is_empty() {
        entries.push(done);
    }
}

fn error(line: usize, what: &str) -> LoadError {
    LoadError(format!("malformed PO at line {line}: {what}"))
}

/// The `Language:` of a header (`de_DE`, `sr@latin`), canonicalised.
fn header_language(header: &str) -> Option<String> {
    let value = header.lines().find_map(|l| {
        let (key, value) = l.split_once(':')?;
        key.trim()
            .eq_ignore_ascii_case("Language")
            .then(|| value.trim())
    })?;
    let (lang, modifier) = value.split_once('@').unwrap_or((value, ""));
    let lang = lang.split('.').next().unwrap_or(lang).trim();
    if lang.is_empty() {
        return None;
    }
    let script = match modifier {
        "latin" => "-Latn",
        "cyrillic" => "-Cyrl",
        _ => "",
    };
    let mut canonical = tag::canonical(lang);
    if !script.is_empty() {
        // The script goes after the language, before any region: sr_RS@latin → sr-Latn-RS.
        let (primary, region) = canonical
            .split_once('-')
            .map_or((canonical.as_str(), None), |(p, r)| (p, Some(r)));
        canonical = format!(
            "{primary}{script}{}",
            region.map(|r| format!("-{r}")).unwrap_or_default()
        );
    }
    Some(canonical)
}

/// A quoted PO string with its C escapes resolved.
fn string(quoted: &str, line: usize) -> Result<String, LoadError> {
    let Some(body) = quoted.strip_prefix('"') else {
        return Err(error(line, "expected a quoted string"));
    };
    let mut out = String::with_capacity(body.len());
    let mut chars = body.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        match c {
            '"' => {
                let rest: String = chars.map(|(_, c)| c).collect();
                if !rest.trim().is_empty() {
                    return Err(error(line, "text after the closing quote"));
                }
                return Ok(out);
            }
            '\\' => {
                let Some((_, e)) = chars.next() else { break };
                match e {
                    'n' => out.push('\n'),
                    't' => out.push('\t'),
                    'r' => out.push('\r'),
                    'a' => out.push('\u{7}'),
                    'b' => out.push('\u{8}'),
                    'f' => out.push('\u{C}'),
                    'v' => out.push('\u{B}'),
                    '0'..='7' => {
                        let mut code = e.to_digit(8).unwrap_or(0);
                        for _ in 0..2 {
                            match chars.peek().and_then(|(_, d)| d.to_digit(8)) {
                                Some(d) => {
                                    code = code * 8 + d;
                                    chars.next();
                                }
                                None => break,
                            }
                        }
                        out.extend(char::from_u32(code));
                    }
                    'x' => {
                        let mut code = 0u32;
                        let mut digits = 0;
                        while let Some(d) = chars
                            .peek()
                            .and_then(|(_, d)| d.to_digit(16))
                            .filter(|_| digits < 2)
                        {
                            code = code * 16 + d;
                            digits += 1;
                            chars.next();
                        }
                        if digits == 0 {
                            out.push_str("\\x");
                        } else {
                            out.extend(char::from_u32(code));
                        }
                    }
                    '"' | '\\' | '\'' | '?' => out.push(e),
                    other => {
                        out.push('\\');
                        out.push(other);
                    }
                }
            }
            c => out.push(c),
        }
    }
    Err(error(line, "unterminated string"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(
            string(r#""a\"b\\c\nd\te\101\x42""#, 1).unwrap(),
            "a\"b\\c\nd\teAB"
        );
        assert!(string(r#""open"#, 3)
            .unwrap_err()
            .0
            .contains("line 3: unterminated"));
        assert!(string(r#""a\""#, 1).is_err());
        assert!(string(r#""a" b"#, 1).is_err());
        assert!(string("x", 1).is_err());
    }

    #[test]
    fn header_languages() {
        assert_eq!(
            header_language("Project-Id-Version: x\nLanguage: pt_BR\n").as_deref(),
            Some("pt-BR")
        );
        assert_eq!(
            header_language("Language: sr_RS@latin\n").as_deref(),
            Some("sr-Latn-RS")
        );
        assert_eq!(header_language("Language: \n"), None);
    }

    #[test]
    fn entries_without_blank_lines_between() {
        let po = "msgid \"a\"\nmsgstr \"A\"\nmsgid \"b\"\nmsgstr \"B\"\n#, fuzzy\nmsgid \"c\"\nmsgstr \"C\"\n";
        let file = parse(po, Some("de".into()), &LoadOptions::default()).unwrap();
        let units = &file.sets[0].units;
        assert_eq!(units.len(), 2);
        assert_eq!(
            (units[1].id.as_str(), units[1].target.as_str()),
            ("line 3", "B")
        );
        let file = parse(
            po,
            Some("de".into()),
            &LoadOptions {
                include_fuzzy: true,
                ..LoadOptions::default()
            },
        )
        .unwrap();
        assert_eq!(file.sets[0].units.len(), 3);
        let states: Vec<&str> = file.sets[0]
            .units
            .iter()
            .map(|u| u.state.as_str())
            .collect();
        assert_eq!(states, ["", "", "fuzzy"]);
    }
}
