//! Glossaries: the renderings a project requires for its terms, read from CSV/TSV or TBX.
//!
//! - **CSV/TSV** (`.csv`, `.tsv`): a header row naming the languages (`en,de,fr`), then one term
//!   per row, a cell per language; a cell may list alternatives separated by `|`
//!   (`Ausschuss|Komitee`); an empty cell means the term has no required rendering there.
//! - **TBX** (`.tbx`, `.xml`): TBX-Basic / TBX v2 `<termEntry>` with `<langSet xml:lang>`, and
//!   TBX v3 `<conceptEntry>` with `<langSec xml:lang>`; every `<term>` of a language (inside
//!   `<tig>`, `<ntig>` or `<termSec>`) is an alternative.
//!
//! A term ending in `*` matches any word that begins with it (`Ausschuss*` also accepts
//! `Ausschusses`): inflection is the glossary author's to allow, term by term, rather than guessed
//! per language. Matching is case-insensitive, on whole words in languages written with spaces
//! and anywhere in the text in those without (Chinese, Japanese, Thai).

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{bail, Context};
use quick_xml::events::Event;
use quick_xml::Reader;

use crate::lang::tag;

/// One concept: its terms in each language (canonical BCP 47 tag → alternatives).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entry {
    pub terms: BTreeMap<String, Vec<String>>,
}

/// A glossary: its entries, in file order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Glossary {
    pub entries: Vec<Entry>,
}

/// What a glossary requires of one language pair: when the source has one of `source`, the
/// target has one of `target`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Requirement {
    pub source: Vec<String>,
    pub target: Vec<String>,
}

/// The largest glossary read (a term list, not a corpus).
const MAX_SIZE: u64 = 64 << 20;

impl Glossary {
    /// Reads a glossary file, chosen by its extension; any problem is an error that names it.
    pub fn load(path: &Path) -> anyhow::Result<Glossary> {
        let size = std::fs::metadata(path)
            .with_context(|| format!("cannot read the glossary {}", path.display()))?
            .len();
        if size > MAX_SIZE {
            bail!("the glossary {} is larger than 64 MiB", path.display());
        }
        let bytes = std::fs::read(path)
            .with_context(|| format!("cannot read the glossary {}", path.display()))?;
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        let parsed = match ext.as_str() {
            "csv" => Glossary::parse_table(&decode(&bytes, None)?, b','),
            "tsv" => Glossary::parse_table(&decode(&bytes, None)?, b'\t'),
            "tbx" | "xml" => {
                let declared = crate::load::decode::xml_declared_encoding(&bytes);
                Glossary::parse_tbx(&decode(&bytes, declared.as_deref())?)
            }
            _ => bail!("not a glossary type concord reads (.{ext}); expected .csv, .tsv or .tbx"),
        };
        parsed.with_context(|| format!("the glossary {} is not valid", path.display()))
    }

    /// A table with a header row of language tags.
    pub fn parse_table(text: &str, delimiter: u8) -> anyhow::Result<Glossary> {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .from_reader(text.as_bytes());
        let languages: Vec<String> = reader
            .headers()
            .context("cannot read its header row")?
            .iter()
            .map(|h| tag::canonical(h.trim()))
            .collect();
        if languages.len() < 2 || languages.iter().any(|l| l.is_empty()) {
            bail!("its header must name two languages or more (for example `en,de,fr`)");
        }
        let mut entries = Vec::new();
        for (i, record) in reader.records().enumerate() {
            let record = record.with_context(|| format!("cannot read row {}", i + 2))?;
            let mut entry = Entry::default();
            for (lang, cell) in languages.iter().zip(record.iter()) {
                let alternatives: Vec<String> = cell
                    .split('|')
                    .map(normalise)
                    .filter(|t| !t.is_empty())
                    .collect();
                if !alternatives.is_empty() {
                    entry.terms.insert(lang.clone(), alternatives);
                }
            }
            if entry.terms.len() >= 2 {
                entries.push(entry);
            }
        }
        Ok(Glossary { entries })
    }

    /// TBX-Basic, TBX v2 and v3 (see the module documentation).
    pub fn parse_tbx(text: &str) -> anyhow::Result<Glossary> {
        let mut reader = Reader::from_str(text);
        let mut entries = Vec::new();
        let mut entry: Option<Entry> = None;
        let mut lang = String::new();
        let mut term: Option<String> = None;
        loop {
            let event = reader.read_event().map_err(|e| {
                anyhow::anyhow!("XML error at byte {}: {e}", reader.buffer_position())
            })?;
            match event {
                Event::Start(e) => match e.local_name().as_ref() {
                    b"termEntry" | b"conceptEntry" => entry = Some(Entry::default()),
                    b"langSet" | b"langSec" => {
                        lang = e
                            .attributes()
                            .flatten()
                            .find(|a| a.key.as_ref() == b"xml:lang" || a.key.as_ref() == b"lang")
                            .and_then(|a| a.unescape_value().ok())
                            .map(|v| tag::canonical(v.trim()))
                            .unwrap_or_default();
                    }
                    b"term" => term = Some(String::new()),
                    _ => {}
                },
                Event::Text(t) => {
                    if let Some(term) = term.as_mut() {
                        term.push_str(&t.unescape().map_err(|e| anyhow::anyhow!("{e}"))?);
                    }
                }
                Event::CData(t) => {
                    if let Some(term) = term.as_mut() {
                        term.push_str(&String::from_utf8_lossy(&t));
                    }
                }
                Event::End(e) => match e.local_name().as_ref() {
                    b"term" => {
                        if let (Some(text), Some(entry)) = (term.take(), entry.as_mut()) {
                            let text = normalise(&text);
                            if !text.is_empty() && !lang.is_empty() {
                                entry.terms.entry(lang.clone()).or_default().push(text);
                            }
                        }
                    }
                    b"termEntry" | b"conceptEntry" => {
                        if let Some(done) = entry.take().filter(|e| e.terms.len() >= 2) {
                            entries.push(done);
                        }
                    }
                    _ => {}
                },
                Event::DocType(_) => bail!("a DOCTYPE is not read (entities are not expanded)"),
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(Glossary { entries })
    }

    /// What the glossary requires when `source_lang` is translated into `target_lang`. A
    /// language is found by its exact tag, else by its primary subtag (`de` for `de-AT`, and a
    /// `de-AT` column for a `de` target when it is the only German one).
    pub fn requirements(&self, source_lang: &str, target_lang: &str) -> Vec<Requirement> {
        self.entries
            .iter()
            .filter_map(|e| {
                Some(Requirement {
                    source: terms_for(e, source_lang)?.clone(),
                    target: terms_for(e, target_lang)?.clone(),
                })
            })
            .collect()
    }
}

fn terms_for<'e>(entry: &'e Entry, lang: &str) -> Option<&'e Vec<String>> {
    let lang = tag::canonical(lang);
    if let Some(terms) = entry.terms.get(&lang) {
        return Some(terms);
    }
    let primary = |t: &str| t.split('-').next().unwrap_or("").to_ascii_lowercase();
    let mut same = entry
        .terms
        .iter()
        .filter(|(l, _)| primary(l) == primary(&lang));
    match (same.next(), same.next()) {
        (Some((_, terms)), None) => Some(terms),
        _ => None,
    }
}

fn normalise(term: &str) -> String {
    term.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn decode(bytes: &[u8], declared: Option<&str>) -> anyhow::Result<String> {
    crate::load::decode::decode(bytes, declared).map_err(|e| anyhow::anyhow!("{e}"))
}

/// A text prepared once for many term searches: its characters and their lower-case forms.
pub struct Haystack<'t> {
    text: &'t str,
    chars: Vec<(usize, char)>,
    lower: Vec<char>,
}

impl<'t> Haystack<'t> {
    pub fn new(text: &'t str) -> Haystack<'t> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let lower = chars.iter().map(|&(_, c)| lower_char(c)).collect();
        Haystack { text, chars, lower }
    }

    /// Where `term` occurs (case-insensitive), as written in the text; on word boundaries when
    /// `words` (languages written with spaces), anywhere otherwise. A term ending in `*` accepts
    /// any ending of its last word. An apostrophe before a term does not join it to the word
    /// before (`l'Assemblée` contains `Assemblée`).
    pub fn find(&self, term: &str, words: bool) -> Option<&'t str> {
        let (stem, any_ending) = match term.strip_suffix('*') {
            Some(stem) => (stem.trim_end(), true),
            None => (term, false),
        };
        // One lower-case character per character (`İ` → `i`), so positions stay aligned.
        let wanted: Vec<char> = stem.chars().map(lower_char).collect();
        let (lower, n) = (&self.lower, wanted.len());
        if n == 0 || n > lower.len() {
            return None;
        }
        for start in 0..=lower.len() - n {
            if lower[start] != wanted[0] || lower[start..start + n] != wanted[..] {
                continue;
            }
            if words && start > 0 && lower[start - 1].is_alphanumeric() {
                continue;
            }
            let mut end = start + n;
            if any_ending {
                while end < lower.len() && lower[end].is_alphanumeric() {
                    end += 1;
                }
            } else if words && end < lower.len() && lower[end].is_alphanumeric() {
                continue;
            }
            let from = self.chars[start].0;
            let to = self.chars.get(end).map_or(self.text.len(), |&(i, _)| i);
            return Some(&self.text[from..to]);
        }
        None
    }
}

fn lower_char(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// [`Haystack::find`] on a text searched once.
pub fn find<'t>(text: &'t str, term: &str, words: bool) -> Option<&'t str> {
    Haystack::new(text).find(term, words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_with_alternatives_and_gaps() {
        let g = Glossary::parse_table(
            "en,de,fr\ncommittee,Ausschuss*|Komitee,comité\nsummit,Gipfel,\n",
            b',',
        )
        .unwrap();
        assert_eq!(g.entries.len(), 2);
        let de = g.requirements("en", "de-AT");
        assert_eq!(de[0].target, ["Ausschuss*", "Komitee"]);
        assert_eq!(g.requirements("en", "fr").len(), 1);
        assert!(Glossary::parse_table("en\nx\n", b',').is_err());
    }

    #[test]
    fn tbx_v2_and_v3() {
        let v2 = "<?xml version='1.0'?><martif type='TBX'><text><body>\
                  <termEntry id='1'><langSet xml:lang='en'><tig><term>committee</term></tig></langSet>\
                  <langSet xml:lang='de'><tig><term>Ausschuss</term></tig><ntig><termGrp><term>Komitee</term></termGrp></ntig></langSet></termEntry>\
                  </body></text></martif>";
        let g = Glossary::parse_tbx(v2).unwrap();
        assert_eq!(
            g.requirements("en", "de")[0].target,
            ["Ausschuss", "Komitee"]
        );
        let v3 = "<tbx type='TBX-Basic' xml:lang='en'><text><body><conceptEntry id='c1'>\
                  <langSec xml:lang='en'><termSec><term>summit</term></termSec></langSec>\
                  <langSec xml:lang='fr'><termSec><term>sommet</term></termSec></langSec></conceptEntry></body></text></tbx>";
        let g = Glossary::parse_tbx(v3).unwrap();
        assert_eq!(g.requirements("en", "fr")[0].source, ["summit"]);
        assert!(Glossary::parse_tbx("<!DOCTYPE x [<!ENTITY a 'b'>]><martif/>").is_err());
    }

    #[test]
    fn whole_words_case_insensitive_and_stars() {
        assert_eq!(
            find("The Committee met.", "committee", true),
            Some("Committee")
        );
        assert_eq!(find("The subcommittee met.", "committee", true), None);
        assert_eq!(find("des Ausschusses", "Ausschuss", true), None);
        assert_eq!(
            find("des Ausschusses", "Ausschuss*", true),
            Some("Ausschusses")
        );
        assert_eq!(
            find("安全理事会开会", "安全理事会", false),
            Some("安全理事会")
        );
        assert_eq!(
            find("the Security Council", "security council", true),
            Some("Security Council")
        );
    }
}
