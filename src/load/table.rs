//! Tab- and comma-separated tables with a header row: one column per language.
//!
//! A column is a language when its header, as written, is a language tag (`en`, `de`, `pt-BR`,
//! `zh_Hans`) whose subtags after the language are a script or a region; so annotation columns such
//! as `en_names` or `de_numbers` are not languages. The first column named `id`, `key` or `sent_id`
//! (any case) gives the unit ids, else the 1-based data row number; `id` is always the id column,
//! never Indonesian (name that column `id-ID`). Other columns are ignored.
//! The source column is the command line's source language, else `en`, else the first language
//! column; every other language column is a target set. Fields may be quoted (RFC 4180, also in
//! TSV, so a TSV field that starts with `"` must be quoted); rows may be shorter than the header
//! (missing cells are empty). A `.csv` whose header has semicolons and no comma is read with `;`
//! (spreadsheets in many locales save so). Skipped: empty rows; an empty target cell is kept
//! (the omission check reports a translation missing).

use super::{BilingualFile, BilingualSet, BilingualUnit, LanguageOverride, LoadError};
use crate::lang::tag;

pub fn parse(
    text: &str,
    delimiter: u8,
    langs: &LanguageOverride,
) -> Result<BilingualFile, LoadError> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(true)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = reader.headers().map_err(table_error)?.clone();
    let mut languages: Vec<(usize, String)> = Vec::new();
    let mut id_column = None;
    for (i, header) in headers.iter().enumerate() {
        let header = header.trim();
        if ["id", "key", "sent_id"]
            .iter()
            .any(|n| header.eq_ignore_ascii_case(n))
        {
            id_column = id_column.or(Some(i));
        } else if is_language_column(header) {
            let lang = tag::canonical(header);
            if !languages.iter().any(|(_, l)| *l == lang) {
                languages.push((i, lang));
            }
        }
    }
    if languages.len() < 2 {
        let found: Vec<&str> = languages.iter().map(|(_, l)| l.as_str()).collect();
        return Err(LoadError(format!(
            "no language columns in header: need a source and a target column named by language tags (en, de, pt-BR…), found {}",
            if found.is_empty() { "none".to_owned() } else { found.join(", ") }
        )));
    }
    let source_pos = match &langs.source {
        Some(source) => languages
            .iter()
            .position(|(_, l)| l.eq_ignore_ascii_case(source))
            .ok_or_else(|| {
                LoadError(format!(
                    "no column for the source language {source} in header"
                ))
            })?,
        None => languages.iter().position(|(_, l)| l == "en").unwrap_or(0),
    };
    let (source_col, source_lang) = languages.remove(source_pos);
    let mut sets: Vec<BilingualSet> = languages
        .iter()
        .map(|(_, lang)| BilingualSet {
            target_lang: lang.clone(),
            units: Vec::new(),
        })
        .collect();
    for (row, record) in reader.records().enumerate() {
        let record = record.map_err(table_error)?;
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let cell = |i: usize| record.get(i).unwrap_or("").trim();
        let id = id_column
            .map(cell)
            .filter(|id| !id.is_empty())
            .map_or_else(|| (row + 1).to_string(), str::to_owned);
        let source = cell(source_col);
        for (set, (col, _)) in sets.iter_mut().zip(&languages) {
            // An empty target cell is kept: a translation missing is the omission check's.
            let target = cell(*col);
            set.units.push(BilingualUnit {
                id: id.clone(),
                source: source.to_owned(),
                target: target.to_owned(),
                ..BilingualUnit::default()
            });
        }
    }
    Ok(BilingualFile { source_lang, sets })
}

/// The delimiter of a `.csv`: `;` when the header line has semicolons and no comma, else `,`.
pub fn csv_delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or("");
    if !header.contains(',') && header.contains(';') {
        b';'
    } else {
        b','
    }
}

/// A language tag whose subtags after the language are a script (`Hans`) or a region (`BR`,
/// `419`), as written.
fn is_language_column(header: &str) -> bool {
    tag::is_language_tag(header)
        && header.split(['-', '_']).skip(1).all(|sub| {
            let len = sub.len();
            (len == 4 && sub.bytes().all(|b| b.is_ascii_alphabetic()))
                || (len == 2 && sub.bytes().all(|b| b.is_ascii_alphabetic()))
                || (len == 3 && sub.bytes().all(|b| b.is_ascii_digit()))
        })
}

fn table_error(e: csv::Error) -> LoadError {
    match e.position() {
        Some(pos) => LoadError(format!("malformed table at line {}: {e}", pos.line())),
        None => LoadError(format!("malformed table: {e}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_columns() {
        for h in ["en", "de", "pt-BR", "zh_Hans", "es-419"] {
            assert!(is_language_column(h), "{h}");
        }
        for h in ["en_names", "de_numbers", "doc", "EN", "sent_id"] {
            assert!(!is_language_column(h), "{h}");
        }
    }

    #[test]
    fn pud_layout() {
        let tsv =
            "sent_id\tdoc\ten\tde\ten_names\tde_names\nn1\td\tHello Bob.\tHallo Bob.\tBob\tBob\n";
        let file = parse(tsv, b'\t', &LanguageOverride::default()).unwrap();
        assert_eq!(file.source_lang, "en");
        assert_eq!(file.sets.len(), 1);
        assert_eq!(
            file.sets[0].units[0],
            BilingualUnit {
                id: "n1".into(),
                source: "Hello Bob.".into(),
                target: "Hallo Bob.".into(),
                ..BilingualUnit::default()
            }
        );
    }

    #[test]
    fn semicolon_csv() {
        let text = "id;en;fr\n1;\"a;b\";c\n";
        assert_eq!(csv_delimiter(text), b';');
        let file = parse(text, csv_delimiter(text), &LanguageOverride::default()).unwrap();
        assert_eq!(file.sets[0].units[0].source, "a;b");
        assert_eq!(csv_delimiter("id,en;x,fr\n"), b',');
    }

    #[test]
    fn too_few_languages() {
        let err = parse("id,en,notes\n1,a,b\n", b',', &LanguageOverride::default()).unwrap_err();
        assert!(err.0.starts_with("no language columns in header"), "{err}");
    }
}
