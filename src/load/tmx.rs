//! TMX (1.1–1.4b) translation memories: one [`super::BilingualSet`] per target language.
//!
//! The source language is the command line's, else the header's `srclang`, else the first `<tu>`'s
//! `srclang`; `*all*` (or none) means the language of the first `<tuv>` of the first `<tu>`. It is
//! fixed for the whole file: in each `<tu>` the source is the `<tuv>` in that language (`xml:lang`,
//! or `lang` in TMX 1.1; `en` also matches `en-US` when it is the only such variant), and every
//! other language is a target. A `<tu>` without a source `<tuv>` is skipped; so is a target that is
//! missing or empty; a second `<tuv>` in the same language is ignored. Unit ids are `tuid`, else the
//! 1-based position of the `<tu>`. Segment text: see [`super::xml::segment_text`].

use std::collections::HashSet;

use super::xml::{self, Element, Visit};
use super::{BilingualFile, BilingualUnit, LanguageOverride, LoadError, Sets};
use crate::lang::tag;

pub fn parse(text: &str, langs: &LanguageOverride) -> Result<BilingualFile, LoadError> {
    let mut header_srclang: Option<String> = None;
    let mut source_lang: Option<String> = langs.source.clone();
    let mut sets = Sets::default();
    let mut index = 0usize;
    xml::walk(
        text,
        "tmx",
        |name| name == "tu",
        |visit| {
            match visit {
                Visit::Open { element } if element.name == "header" => {
                    header_srclang = element.attr("srclang").and_then(declared_lang);
                }
                Visit::Unit { element: tu, .. } => {
                    index += 1;
                    let tuvs: Vec<(String, &Element)> = tu
                        .elements()
                        .filter(|e| e.name == "tuv")
                        .filter_map(|tuv| {
                            let lang = tuv.attr("xml:lang").or_else(|| tuv.attr("lang"))?.trim();
                            (!lang.is_empty()).then(|| (tag::canonical(lang), tuv))
                        })
                        .collect();
                    let Some((first_lang, _)) = tuvs.first() else {
                        return Ok(());
                    };
                    let source = source_lang
                        .get_or_insert_with(|| {
                            header_srclang
                                .clone()
                                .or_else(|| tu.attr("srclang").and_then(declared_lang))
                                .unwrap_or_else(|| first_lang.clone())
                        })
                        .clone();
                    let Some(src_pos) = source_position(&tuvs, &source) else {
                        return Ok(());
                    };
                    let source_text = seg_text(tuvs[src_pos].1);
                    let source_codes = seg_codes(tuvs[src_pos].1);
                    let id = tu
                        .attr("tuid")
                        .map(str::trim)
                        .filter(|t| !t.is_empty())
                        .map_or_else(|| index.to_string(), str::to_owned);
                    let mut done: HashSet<&str> = HashSet::from([tuvs[src_pos].0.as_str()]);
                    for (lang, tuv) in &tuvs {
                        if !done.insert(lang) {
                            continue;
                        }
                        // An empty <seg> is kept (a translation missing is the omission
                        // check's); a language with no <tuv> at all is simply not in the unit.
                        let target = seg_text(tuv);
                        let unit = BilingualUnit {
                            id: id.clone(),
                            source: source_text.clone(),
                            target,
                            source_codes: source_codes.clone(),
                            target_codes: seg_codes(tuv),
                            ..BilingualUnit::default()
                        };
                        sets.push(lang, unit);
                    }
                }
                _ => {}
            }
            Ok(())
        },
    )?;
    Ok(BilingualFile {
        source_lang: source_lang.unwrap_or_default(),
        sets: sets.into_vec(),
    })
}

/// A `srclang` value that names a language (not `*all*`), canonicalised.
fn declared_lang(value: &str) -> Option<String> {
    let value = value.trim();
    (!value.is_empty() && value != "*all*").then(|| tag::canonical(value))
}

/// The `<tuv>` in the source language: an exact match, else the only one with the same primary
/// language subtag.
fn source_position(tuvs: &[(String, &Element)], source: &str) -> Option<usize> {
    if let Some(pos) = tuvs
        .iter()
        .position(|(lang, _)| lang.eq_ignore_ascii_case(source))
    {
        return Some(pos);
    }
    let primary = |t: &str| t.split('-').next().unwrap_or("").to_ascii_lowercase();
    let mut same: Vec<usize> = (0..tuvs.len())
        .filter(|&i| primary(&tuvs[i].0) == primary(source))
        .collect();
    same.dedup_by_key(|i| tuvs[*i].0.clone());
    (same.len() == 1).then(|| same[0])
}

fn seg_text(tuv: &Element) -> String {
    tuv.child("seg").map(xml::segment_text).unwrap_or_default()
}

fn seg_codes(tuv: &Element) -> Vec<String> {
    tuv.child("seg").map(xml::segment_codes).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tmx(body: &str, srclang: &str) -> String {
        format!("<?xml version='1.0'?><tmx version='1.4'><header srclang='{srclang}' segtype='sentence'/><body>{body}</body></tmx>")
    }

    #[test]
    fn all_means_first_tuv_and_primary_subtag_matches() {
        let body = "<tu><tuv xml:lang='EN-us'><seg>Hi</seg></tuv><tuv xml:lang='de'><seg>Hallo</seg></tuv></tu>";
        let file = parse(&tmx(body, "*all*"), &LanguageOverride::default()).unwrap();
        assert_eq!(file.source_lang, "en-US");
        assert_eq!(file.sets[0].target_lang, "de");
        let file = parse(&tmx(body, "en"), &LanguageOverride::default()).unwrap();
        assert_eq!(file.sets[0].units[0].source, "Hi");
        assert_eq!(file.sets[0].units[0].id, "1");
    }

    #[test]
    fn override_selects_the_source_tuv() {
        let body = "<tu tuid='a'><tuv lang='en'><seg>Hi</seg></tuv><tuv lang='de'><seg>Hallo</seg></tuv></tu>";
        let langs = LanguageOverride {
            source: Some("de".into()),
            target: None,
        };
        let file = parse(&tmx(body, "en"), &langs).unwrap();
        assert_eq!(file.source_lang, "de");
        assert_eq!(file.sets[0].target_lang, "en");
        assert_eq!(file.sets[0].units[0].source, "Hallo");
    }

    #[test]
    fn tu_without_source_is_skipped_and_an_empty_target_kept() {
        let body = "<tu><tuv xml:lang='fr'><seg>Salut</seg></tuv><tuv xml:lang='de'><seg>Hallo</seg></tuv></tu>\
                    <tu><tuv xml:lang='en'><seg>Hi</seg></tuv><tuv xml:lang='de'><seg> </seg></tuv></tu>";
        let file = parse(&tmx(body, "en"), &LanguageOverride::default()).unwrap();
        // The empty German <seg> is a translation missing, for the omission check.
        assert_eq!(file.sets.len(), 1);
        assert_eq!(file.sets[0].units.len(), 1);
        assert_eq!(
            (
                file.sets[0].units[0].source.as_str(),
                file.sets[0].units[0].target.as_str()
            ),
            ("Hi", "")
        );
    }
}
