//! XLIFF 1.2 and 2.x bilingual files.
//!
//! XLIFF 1.x (`<xliff version="1.2">`): languages from `<file source-language target-language>`
//! (else the `xml:lang` of `<source>`/`<target>`); one unit per `<trans-unit id>` from its
//! `<source>` and `<target>`; a file may hold several `<file>`s, one set per target language.
//! XLIFF 2.x (`version="2.x"` or `srcLang`): languages from `<xliff srcLang trgLang>`; one unit per
//! `<segment>` of a `<unit id>`, with the id `unitid`, or `unitid/segid` (segment `id`, else its
//! 1-based position) when the unit has several segments; `<ignorable>` is skipped.
//!
//! Skipped: units with `translate="no"` (on the unit or inherited from `<group>` or `<file>`), and
//! units or segments with no target or an empty one (not translated yet). Not read: `<seg-source>`
//! segmentation and `<alt-trans>` (1.2), notes and metadata. The source language of the whole
//! file is that of its first `<file>` (1.2). Segment text: see [`super::xml::segment_text`];
//! inline codes: [`super::xml::segment_codes`].
//!
//! Kept per unit for the report ([`BilingualUnit::state`]): 1.2 `<target state>` and
//! `<trans-unit approved="yes">` (as `translated, approved`), 2.x `<segment state>`.

use std::cell::Cell;

use super::xml::{self, Element, Visit};
use super::{BilingualFile, BilingualUnit, LoadError, Sets};
use crate::lang::tag;

pub fn parse(text: &str) -> Result<BilingualFile, LoadError> {
    let version2 = Cell::new(false);
    let mut source_lang = String::new();
    let mut sets = Sets::default();
    let mut index = 0usize;
    let is_unit = |name: &str| {
        if version2.get() {
            name == "unit"
        } else {
            name == "trans-unit"
        }
    };
    xml::walk(text, "xliff", is_unit, |visit| {
        match visit {
            Visit::Open { element } if element.name == "xliff" => {
                let v2 = element
                    .attr("version")
                    .is_some_and(|v| v.trim().starts_with('2'))
                    || element.attr("srcLang").is_some()
                    || element
                        .attr("xmlns")
                        .is_some_and(|ns| ns.contains("xliff:document:2"));
                version2.set(v2);
                if v2 {
                    source_lang = lang_attr(element, "srcLang");
                    let target = lang_attr(element, "trgLang");
                    if !target.is_empty() {
                        sets.get(&target);
                    }
                }
            }
            Visit::Open { element } if element.name == "file" && !version2.get() => {
                if source_lang.is_empty() {
                    source_lang = lang_attr(element, "source-language");
                }
                let target = lang_attr(element, "target-language");
                if !target.is_empty() {
                    sets.get(&target);
                }
            }
            Visit::Unit { ancestors, element } => {
                index += 1;
                if !translatable(ancestors, &element) {
                    return Ok(());
                }
                if version2.get() {
                    unit_2(ancestors, &element, index, &mut sets);
                } else {
                    let source_from_unit = trans_unit_1(ancestors, &element, index, &mut sets);
                    if source_lang.is_empty() {
                        source_lang = source_from_unit;
                    }
                }
            }
            _ => {}
        }
        Ok(())
    })?;
    Ok(BilingualFile {
        source_lang,
        sets: sets.into_vec(),
    })
}

fn lang_attr(element: &Element, name: &str) -> String {
    element
        .attr(name)
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(tag::canonical)
        .unwrap_or_default()
}

/// `translate="no"` on the unit, or on its nearest enclosing `<group>` or `<file>` that says.
fn translatable(ancestors: &[Element], unit: &Element) -> bool {
    let says = std::iter::once(unit)
        .chain(ancestors.iter().rev())
        .find_map(|e| e.attr("translate"))
        .unwrap_or("yes");
    !says.trim().eq_ignore_ascii_case("no")
}

fn unit_id(unit: &Element, index: usize) -> String {
    unit.attr("id")
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map_or_else(|| index.to_string(), str::to_owned)
}

/// Adds an XLIFF 1.x `<trans-unit>`; returns the source language it gives (for files whose
/// `<file>` does not).
fn trans_unit_1(ancestors: &[Element], unit: &Element, index: usize, sets: &mut Sets) -> String {
    let file = ancestors.iter().rev().find(|e| e.name == "file");
    let source = unit.child("source");
    let source_lang = source.map(|s| lang_attr(s, "xml:lang")).unwrap_or_default();
    let Some(target) = unit.child("target") else {
        return source_lang;
    };
    // An empty target is kept: a translation missing is the omission check's to report.
    let target_text = xml::segment_text(target);
    let target_lang = file
        .map(|f| lang_attr(f, "target-language"))
        .filter(|l| !l.is_empty())
        .unwrap_or_else(|| lang_attr(target, "xml:lang"));
    let state = target.attr("state").map(str::trim).unwrap_or("");
    let approved = unit
        .attr("approved")
        .is_some_and(|a| a.trim().eq_ignore_ascii_case("yes"));
    let state = match (state.is_empty(), approved) {
        (_, false) => state.to_string(),
        (true, true) => "approved".to_string(),
        (false, true) => format!("{state}, approved"),
    };
    let unit = BilingualUnit {
        id: unit_id(unit, index),
        source: source.map(xml::segment_text).unwrap_or_default(),
        target: target_text,
        state,
        source_codes: source.map(xml::segment_codes).unwrap_or_default(),
        target_codes: xml::segment_codes(target),
    };
    sets.push(&target_lang, unit);
    source_lang
}

/// Adds the segments of an XLIFF 2.x `<unit>`.
fn unit_2(ancestors: &[Element], unit: &Element, index: usize, sets: &mut Sets) {
    let root = ancestors.first();
    let target_lang = root.map(|r| lang_attr(r, "trgLang")).unwrap_or_default();
    let id = unit_id(unit, index);
    let segments: Vec<&Element> = unit.elements().filter(|e| e.name == "segment").collect();
    for (k, segment) in segments.iter().enumerate() {
        let Some(target) = segment.child("target") else {
            continue;
        };
        // An empty target is kept: a translation missing is the omission check's to report.
        let target_text = xml::segment_text(target);
        let id = if segments.len() == 1 {
            id.clone()
        } else {
            let seg_id = segment.attr("id").map(str::trim).filter(|v| !v.is_empty());
            format!(
                "{id}/{}",
                seg_id.map_or_else(|| (k + 1).to_string(), str::to_owned)
            )
        };
        let lang = if target_lang.is_empty() {
            lang_attr(target, "xml:lang")
        } else {
            target_lang.clone()
        };
        let source = segment.child("source");
        sets.push(
            &lang,
            BilingualUnit {
                id,
                source: source.map(xml::segment_text).unwrap_or_default(),
                target: target_text,
                state: segment
                    .attr("state")
                    .map(str::trim)
                    .unwrap_or("")
                    .to_string(),
                source_codes: source.map(xml::segment_codes).unwrap_or_default(),
                target_codes: xml::segment_codes(target),
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_1_languages_from_target_when_file_has_none() {
        let x = "<xliff version='1.2'><file original='a'><body><trans-unit id='t1'>\
                 <source xml:lang='en-us'>Hi</source><target xml:lang='de-de'>Hallo</target></trans-unit></body></file></xliff>";
        let file = parse(x).unwrap();
        assert_eq!(file.source_lang, "en-US");
        assert_eq!(file.sets[0].target_lang, "de-DE");
    }

    #[test]
    fn translate_no_is_inherited_from_groups() {
        let x = "<xliff version='1.2'><file source-language='en' target-language='fr'><body>\
                 <group translate='no'><trans-unit id='a'><source>A</source><target>A</target></trans-unit>\
                 <trans-unit id='b' translate='yes'><source>B</source><target>Bé</target></trans-unit></group>\
                 </body></file></xliff>";
        let file = parse(x).unwrap();
        let ids: Vec<&str> = file.sets[0].units.iter().map(|u| u.id.as_str()).collect();
        assert_eq!(ids, ["b"]);
    }

    #[test]
    fn states_and_codes_are_kept_per_unit() {
        let x = "<xliff version='1.2'><file source-language='en' target-language='de'><body>\
                 <trans-unit id='a' approved='yes'><source>A <x id='1'/></source><target state='translated'>A <x id='1'/></target></trans-unit>\
                 <trans-unit id='b'><source>B</source><target state='needs-review-translation'>B</target></trans-unit>\
                 <trans-unit id='c' approved='yes'><source>C</source><target>C</target></trans-unit>\
                 <trans-unit id='d'><source>D <ph id='2'>&lt;br/&gt;</ph></source><target>D</target></trans-unit>\
                 </body></file></xliff>";
        let units = &parse(x).unwrap().sets[0].units;
        let states: Vec<&str> = units.iter().map(|u| u.state.as_str()).collect();
        assert_eq!(
            states,
            [
                "translated, approved",
                "needs-review-translation",
                "approved",
                ""
            ]
        );
        assert_eq!(units[0].source_codes, ["<x id=\"1\"/>"]);
        assert_eq!(units[0].target_codes, units[0].source_codes);
        assert_eq!(units[3].source_codes, ["<br/>"]);
        assert!(units[3].target_codes.is_empty());
        let x2 = "<xliff version='2.0' srcLang='en' trgLang='fr'><file id='f'><unit id='u'>\
                  <segment state='reviewed'><source>A <ph id='1'/></source><target>A</target></segment></unit></file></xliff>";
        let unit = &parse(x2).unwrap().sets[0].units[0];
        assert_eq!(unit.state, "reviewed");
        assert_eq!(unit.source_codes, ["<ph id=\"1\"/>"]);
    }

    #[test]
    fn version_2_segment_ids() {
        let x = "<xliff xmlns='urn:oasis:names:tc:xliff:document:2.0' version='2.0' srcLang='en' trgLang='ja'><file id='f'>\
                 <unit id='u'><segment><source>A.</source><target>あ。</target></segment><ignorable><source> </source></ignorable>\
                 <segment id='s2'><source>B.</source><target>い。</target></segment><segment><source>C.</source></segment></unit>\
                 </file></xliff>";
        let file = parse(x).unwrap();
        let ids: Vec<&str> = file.sets[0].units.iter().map(|u| u.id.as_str()).collect();
        assert_eq!(ids, ["u/1", "u/s2"]);
    }
}
