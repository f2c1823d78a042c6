//! Loading: reads input files into plain text documents or bilingual units.
//!
//! Decoding (BOM, UTF-16, legacy encodings) happens here once; everything after works on `str`.
//! A file that cannot be read or parsed gives a [`LoadError`], which the pipeline reports as an
//! `input-error` finding without stopping the run.
//!
//! The format is chosen by the file's extension (case-insensitive): documents are `.txt`
//! ([`text::parse_plain`]) and `.md`/`.markdown` ([`text::parse_markdown`]); bilingual files are
//! `.tmx`, `.xlf`/`.xliff`, `.po`, `.tsv` and `.csv`. Every bilingual format skips units that are
//! not translated (no target, or an empty one), so an untranslated file is not a list of omissions.

pub mod decode;
mod po;
mod table;
pub mod text;
mod tmx;
mod xliff;

use std::io::Read;
use std::path::Path;

use crate::lang::tag;

/// A document in one language: its paragraphs, in order, each as one line of plain text
/// (markup removed, hard line breaks inside a paragraph joined).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TextDocument {
    pub paragraphs: Vec<String>,
}

/// One translation unit of a bilingual file.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BilingualUnit {
    /// TMX `tuid`, XLIFF unit id, PO `msgctxt` or msgid line, the id column of a table; the
    /// 1-based unit number where the file gives none.
    pub id: String,
    pub source: String,
    pub target: String,
    /// The unit's workflow state as the file gives it: XLIFF 1.2 `state` of the `<target>` and
    /// `approved` of the `<trans-unit>` (`translated`, `translated, approved`, `approved`),
    /// XLIFF 2.x `state` of the `<segment>`, `fuzzy` for a PO entry kept with `include_fuzzy`;
    /// empty otherwise.
    pub state: String,
    /// The inline codes of the source and the target (TMX `<ph>`, `<bpt>`, XLIFF `<x/>`,
    /// `<ph>`, `<pc>`, …), which [`xml::segment_text`] leaves out of the text, as tokens that
    /// can be compared (see [`xml::segment_codes`]).
    pub source_codes: Vec<String>,
    pub target_codes: Vec<String>,
}

/// The units of a bilingual file for one target language.
#[derive(Debug, Clone, PartialEq)]
pub struct BilingualSet {
    pub target_lang: String,
    pub units: Vec<BilingualUnit>,
}

/// A bilingual file: its source language and one set of units per target language (a TMX may hold
/// several target languages).
#[derive(Debug, Clone, PartialEq)]
pub struct BilingualFile {
    pub source_lang: String,
    pub sets: Vec<BilingualSet>,
}

/// Languages given on the command line, which override the file's own metadata.
#[derive(Debug, Clone, Default)]
pub struct LanguageOverride {
    pub source: Option<String>,
    pub target: Option<String>,
}

/// Choices about which units of a bilingual file to keep, and how large an input may be.
#[derive(Debug, Clone)]
pub struct LoadOptions {
    /// Keep PO entries flagged `#, fuzzy` (skipped by default, as gettext itself does).
    pub include_fuzzy: bool,
    /// A file larger than this many bytes is refused (an `input-error`) rather than read into
    /// memory: `--max-file-size`, by default [`DEFAULT_MAX_FILE_SIZE`].
    pub max_file_size: u64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            include_fuzzy: false,
            max_file_size: DEFAULT_MAX_FILE_SIZE,
        }
    }
}

/// Why an input could not be used; the message is shown to the user as is.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{0}")]
pub struct LoadError(pub String);

/// The largest file read when `--max-file-size` is not given: 64 MiB, about a million sentences
/// of text or a translation memory of a few hundred thousand units. Checking takes memory and time
/// in proportion to the text, so a larger input is refused (an `input-error`) rather than allowed
/// to exhaust the machine; raise the limit for a large translation memory.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 64 << 20;

const DOCUMENT_EXTENSIONS: &[&str] = &["txt", "md", "markdown"];
const BILINGUAL_EXTENSIONS: &[&str] = &["tmx", "xlf", "xliff", "po", "tsv", "csv"];

/// Whether `path` names a document that [`load_document`] reads (by extension).
pub fn is_document(path: &Path) -> bool {
    extension(path).is_some_and(|e| DOCUMENT_EXTENSIONS.contains(&e.as_str()))
}

/// Whether `path` names a bilingual file that [`load_bilingual`] reads (by extension).
pub fn is_bilingual(path: &Path) -> bool {
    extension(path).is_some_and(|e| BILINGUAL_EXTENSIONS.contains(&e.as_str()))
}

fn extension(path: &Path) -> Option<String> {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
}

/// Reads a plain-text or Markdown document.
pub fn load_document(path: &Path) -> Result<TextDocument, LoadError> {
    load_document_with(path, &LoadOptions::default())
}

/// [`load_document`] within the size limit of `options`.
pub fn load_document_with(path: &Path, options: &LoadOptions) -> Result<TextDocument, LoadError> {
    let ext = extension(path).unwrap_or_default();
    if !DOCUMENT_EXTENSIONS.contains(&ext.as_str()) {
        return Err(LoadError(format!(
            "not a document type concord reads (.{ext}); expected .txt or .md"
        )));
    }
    let bytes = read_file(path, options.max_file_size)?;
    parse_document(&bytes, ext != "txt")
}

/// Parses the bytes of a document: Markdown when `markdown`, else plain text.
pub fn parse_document(bytes: &[u8], markdown: bool) -> Result<TextDocument, LoadError> {
    let text = decode::decode(bytes, None)?;
    Ok(if markdown {
        text::parse_markdown(&text)
    } else {
        text::parse_plain(&text)
    })
}

/// Reads a bilingual file (TMX, XLIFF, PO, TSV/CSV), chosen by its extension.
pub fn load_bilingual(path: &Path, langs: &LanguageOverride) -> Result<BilingualFile, LoadError> {
    load_bilingual_with(path, langs, &LoadOptions::default())
}

/// [`load_bilingual`] with choices about which units to keep and how large the file may be.
pub fn load_bilingual_with(
    path: &Path,
    langs: &LanguageOverride,
    options: &LoadOptions,
) -> Result<BilingualFile, LoadError> {
    bilingual_format(path)?;
    let bytes = read_file(path, options.max_file_size)?;
    parse_bilingual(&bytes, path, langs, options)
}

/// Parses `bytes` as the bilingual file `path` names: its extension gives the format, and a PO
/// file's name may give its language (see [`load_bilingual`]). The file itself is not read.
pub fn parse_bilingual(
    bytes: &[u8],
    path: &Path,
    langs: &LanguageOverride,
    options: &LoadOptions,
) -> Result<BilingualFile, LoadError> {
    let ext = bilingual_format(path)?;
    let canonical = |lang: &Option<String>| {
        lang.as_deref()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(tag::canonical)
    };
    let langs = LanguageOverride {
        source: canonical(&langs.source),
        target: canonical(&langs.target),
    };
    let xml = || decode::decode(bytes, decode::xml_declared_encoding(bytes).as_deref());
    let file = match ext.as_str() {
        "tmx" => tmx::parse(&xml()?, &langs)?,
        "xlf" | "xliff" => xliff::parse(&xml()?)?,
        "po" => {
            let text = decode::decode(bytes, decode::po_declared_charset(bytes).as_deref())?;
            po::parse(&text, lang_from_file_name(path), options)?
        }
        "tsv" => table::parse(&decode::decode(bytes, None)?, b'\t', &langs)?,
        _ => {
            let text = decode::decode(bytes, None)?;
            table::parse(&text, table::csv_delimiter(&text), &langs)?
        }
    };
    apply_override(file, &langs)
}

/// The lower-cased extension of a bilingual file, or the error for a type concord does not read.
fn bilingual_format(path: &Path) -> Result<String, LoadError> {
    let ext = extension(path).unwrap_or_default();
    if !BILINGUAL_EXTENSIONS.contains(&ext.as_str()) {
        return Err(LoadError(format!(
            "not a bilingual file type concord reads (.{ext}); expected .tmx, .xlf, .xliff, .po, .tsv or .csv"
        )));
    }
    Ok(ext)
}

/// Reads at most `limit` bytes of `path`; a larger file, or one that cannot be read, is an error
/// with the operating system's reason. A file that grows while it is read is cut at `limit` and
/// refused too, so memory stays bounded whatever happens to the file.
fn read_file(path: &Path, limit: u64) -> Result<Vec<u8>, LoadError> {
    let cannot = |e: std::io::Error| LoadError(format!("cannot read {}: {e}", path.display()));
    let too_large = || {
        LoadError(format!(
            "{} is larger than {} (--max-file-size); split it into smaller files or raise the limit",
            path.display(),
            format_size(limit)
        ))
    };
    let file = std::fs::File::open(path).map_err(cannot)?;
    let known_len = file
        .metadata()
        .ok()
        .filter(|m| m.is_file())
        .map(|m| m.len());
    if known_len.is_some_and(|len| len > limit) {
        return Err(too_large());
    }
    let mut bytes = Vec::with_capacity(known_len.unwrap_or(0).min(limit) as usize);
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    if bytes.len() as u64 > limit {
        return Err(too_large());
    }
    Ok(bytes)
}

/// A byte count as people write it: `64 MiB`, `1 GiB`, `1000 bytes`.
pub fn format_size(bytes: u64) -> String {
    for (unit, shift) in [("GiB", 30), ("MiB", 20), ("KiB", 10)] {
        if bytes >= 1 << shift && bytes % (1 << shift) == 0 {
            return format!("{} {unit}", bytes >> shift);
        }
    }
    format!("{bytes} bytes")
}

/// A language tag in a file name, as gettext names its catalogues: `de.po`, `pt_BR.po`,
/// `messages.fr.po`.
fn lang_from_file_name(path: &Path) -> Option<String> {
    let stem = path.file_stem()?.to_str()?;
    let last = stem.rsplit('.').next()?;
    tag::is_language_tag(last).then(|| tag::canonical(last))
}

/// Applies the command line's languages: the source override relabels the source; the target
/// override relabels the only target set, or selects the set in that language when there are
/// several.
fn apply_override(
    mut file: BilingualFile,
    langs: &LanguageOverride,
) -> Result<BilingualFile, LoadError> {
    if let Some(source) = &langs.source {
        file.source_lang = source.clone();
    }
    if let Some(target) = &langs.target {
        if file.sets.len() == 1 {
            file.sets[0].target_lang = target.clone();
        } else if file.sets.len() > 1 {
            let pos = file
                .sets
                .iter()
                .position(|s| s.target_lang.eq_ignore_ascii_case(target))
                .or_else(|| {
                    let primary = |t: &str| t.split('-').next().unwrap_or("").to_ascii_lowercase();
                    let matching: Vec<usize> = (0..file.sets.len())
                        .filter(|&i| primary(&file.sets[i].target_lang) == primary(target))
                        .collect();
                    (matching.len() == 1).then(|| matching[0])
                });
            let Some(pos) = pos else {
                let have: Vec<&str> = file.sets.iter().map(|s| s.target_lang.as_str()).collect();
                return Err(LoadError(format!(
                    "no units in target language {target}; the file has {}",
                    have.join(", ")
                )));
            };
            let set = file.sets.swap_remove(pos);
            file.sets = vec![set];
        }
    }
    let has_units = file.sets.iter().any(|s| !s.units.is_empty());
    if file.source_lang.is_empty() {
        if has_units {
            return Err(LoadError(
                "the file does not say its source language; give it with --source-lang".into(),
            ));
        }
        file.source_lang = "und".into();
    }
    if let Some(unlabelled) = file.sets.iter().find(|s| s.target_lang.is_empty()) {
        if !unlabelled.units.is_empty() {
            return Err(LoadError(
                "the file does not say its target language; give it with --target-lang".into(),
            ));
        }
        file.sets.retain(|s| !s.target_lang.is_empty());
    }
    Ok(file)
}

/// Text shared by the bilingual formats: whitespace runs become one space, ends are trimmed.
fn collapse_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split([' ', '\t', '\n', '\r']).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The sets of a bilingual file being read, in order of first appearance of their language.
#[derive(Default)]
struct Sets {
    sets: Vec<BilingualSet>,
    index: std::collections::HashMap<String, usize>,
}

impl Sets {
    /// The set for `lang`, created empty if there is none yet.
    fn get(&mut self, lang: &str) -> &mut BilingualSet {
        let pos = match self.index.get(lang) {
            Some(&pos) => pos,
            None => {
                self.sets.push(BilingualSet {
                    target_lang: lang.to_owned(),
                    units: Vec::new(),
                });
                self.index.insert(lang.to_owned(), self.sets.len() - 1);
                self.sets.len() - 1
            }
        };
        &mut self.sets[pos]
    }

    fn push(&mut self, lang: &str, unit: BilingualUnit) {
        self.get(lang).units.push(unit);
    }

    fn into_vec(self) -> Vec<BilingualSet> {
        self.sets
    }
}

/// A small XML layer over quick-xml for TMX and XLIFF: streams the document, hands each unit
/// element (`tu`, `trans-unit`, `unit`) over as a tree, and extracts a segment's text around its
/// inline codes. It never reads a DTD, fetches an external entity or expands a custom entity
/// (`&name;` other than the five predefined ones stays as written). A file whose DOCTYPE declares
/// entities (XXE, "billion laughs") is refused, and so are nesting deeper than [`xml::MAX_DEPTH`],
/// more than [`xml::MAX_ATTRIBUTES`] attributes on one element and an attribute value longer than
/// [`xml::MAX_ATTRIBUTE_LEN`] bytes: each is a [`LoadError`], so an `input-error`.
mod xml {
    use quick_xml::events::{BytesStart, Event};
    use quick_xml::Reader;

    use super::LoadError;

    /// The deepest nesting of elements read; TMX and XLIFF need about ten levels.
    pub const MAX_DEPTH: usize = 256;
    /// The most attributes one element may have (checking them for duplicates takes time in the
    /// square of their number); TMX and XLIFF elements have at most about fifteen.
    pub const MAX_ATTRIBUTES: usize = 256;
    /// The longest attribute value read, in bytes; ids, languages and codes are short.
    pub const MAX_ATTRIBUTE_LEN: usize = 64 * 1024;
    /// The most elements and texts one unit (`<tu>`, `<trans-unit>`, `<unit>`) may hold, which
    /// bounds the memory of its tree to some tens of megabytes.
    pub const MAX_UNIT_NODES: usize = 200_000;

    #[derive(Debug, Default)]
    pub struct Element {
        /// The local name, without a namespace prefix.
        pub name: String,
        /// Attributes by their full name (`xml:lang`).
        pub attrs: Vec<(String, String)>,
        pub children: Vec<Node>,
    }

    #[derive(Debug)]
    pub enum Node {
        Element(Element),
        Text(String),
    }

    impl Element {
        pub fn attr(&self, name: &str) -> Option<&str> {
            self.attrs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.as_str())
        }

        pub fn elements(&self) -> impl Iterator<Item = &Element> {
            self.children.iter().filter_map(|n| match n {
                Node::Element(e) => Some(e),
                Node::Text(_) => None,
            })
        }

        pub fn child(&self, name: &str) -> Option<&Element> {
            self.elements().find(|e| e.name == name)
        }
    }

    /// What [`walk`] reports.
    pub enum Visit<'a> {
        /// An element that is not a unit, opened; `element` has no children yet.
        Open { element: &'a Element },
        /// A whole unit element; `ancestors` are its enclosing elements, root first.
        Unit {
            ancestors: &'a [Element],
            element: Element,
        },
    }

    /// Streams `text`, which must have the root element `root`, calling `visit` for every element
    /// opened and for every whole element that `is_unit` names.
    pub fn walk(
        text: &str,
        root: &str,
        is_unit: impl Fn(&str) -> bool,
        mut visit: impl FnMut(Visit<'_>) -> Result<(), LoadError>,
    ) -> Result<(), LoadError> {
        let mut reader = Reader::from_str(text);
        let mut stack: Vec<Element> = Vec::new();
        let mut seen_root = false;
        loop {
            let event = reader
                .read_event()
                .map_err(|e| syntax_error(text, &reader, e))?;
            let (start, empty) = match event {
                Event::Start(e) => (e, false),
                Event::Empty(e) => (e, true),
                Event::End(_) => {
                    stack.pop();
                    continue;
                }
                Event::Eof => break,
                Event::DocType(doctype) => {
                    refuse_entity_declarations(&doctype, text, &reader)?;
                    continue;
                }
                _ => continue,
            };
            let element = header(&start, text, &reader)?;
            if !seen_root {
                if element.name != root {
                    return Err(LoadError(format!(
                        "expected a <{root}> root element, found <{}>",
                        element.name
                    )));
                }
                seen_root = true;
            } else if stack.is_empty() {
                return Err(error_at(text, &reader, "a second root element"));
            }
            if stack.len() >= MAX_DEPTH {
                return Err(error_at(text, &reader, "elements nested too deeply"));
            }
            if is_unit(&element.name) {
                let unit = if empty {
                    element
                } else {
                    subtree(element, text, &mut reader, stack.len())?
                };
                visit(Visit::Unit {
                    ancestors: &stack,
                    element: unit,
                })?;
            } else {
                visit(Visit::Open { element: &element })?;
                if !empty {
                    stack.push(element);
                }
            }
        }
        if let Some(open) = stack.last() {
            return Err(error_at(
                text,
                &reader,
                &format!("unexpected end of file: <{}> is not closed", open.name),
            ));
        }
        if !seen_root {
            return Err(LoadError(format!(
                "no XML element in the file (expected <{root}>)"
            )));
        }
        Ok(())
    }

    /// Reads the content of `top` (whose start tag was just read) up to its end tag.
    fn subtree(
        top: Element,
        text: &str,
        reader: &mut Reader<&[u8]>,
        depth: usize,
    ) -> Result<Element, LoadError> {
        let mut stack = vec![top];
        let mut nodes = 0usize;
        loop {
            let event = reader
                .read_event()
                .map_err(|e| syntax_error(text, reader, e))?;
            if matches!(
                event,
                Event::Start(_) | Event::Empty(_) | Event::Text(_) | Event::CData(_)
            ) {
                nodes += 1;
                if nodes > MAX_UNIT_NODES {
                    let name = &stack[0].name;
                    return Err(error_at(
                        text,
                        reader,
                        &format!("a <{name}> with more than {MAX_UNIT_NODES} elements and texts"),
                    ));
                }
            }
            let parent = stack.last_mut().expect("the stack holds at least the unit");
            match event {
                Event::Start(e) => {
                    if depth + stack.len() >= MAX_DEPTH {
                        return Err(error_at(text, reader, "elements nested too deeply"));
                    }
                    let element = header(&e, text, reader)?;
                    stack.push(element);
                }
                Event::Empty(e) => {
                    let element = header(&e, text, reader)?;
                    parent.children.push(Node::Element(element));
                }
                Event::Text(t) => {
                    let raw = std::str::from_utf8(&t).unwrap_or_default();
                    parent.children.push(Node::Text(unescape(raw)));
                }
                Event::CData(t) => {
                    let raw = std::str::from_utf8(&t).unwrap_or_default();
                    parent.children.push(Node::Text(raw.to_owned()));
                }
                Event::End(_) => {
                    let done = stack.pop().expect("the stack holds at least the unit");
                    match stack.last_mut() {
                        Some(parent) => parent.children.push(Node::Element(done)),
                        None => return Ok(done),
                    }
                }
                Event::Eof => {
                    let open = &stack
                        .last()
                        .expect("the stack holds at least the unit")
                        .name;
                    return Err(error_at(
                        text,
                        reader,
                        &format!("unexpected end of file: <{open}> is not closed"),
                    ));
                }
                Event::DocType(doctype) => refuse_entity_declarations(&doctype, text, reader)?,
                _ => {}
            }
        }
    }

    /// A DOCTYPE may name a DTD (`<!DOCTYPE tmx SYSTEM "tmx14.dtd">`, never fetched), but one that
    /// declares entities is refused: they are the vehicle of external-entity (XXE) and
    /// entity-expansion ("billion laughs") attacks, and legitimate TMX and XLIFF files have none.
    fn refuse_entity_declarations(
        doctype: &[u8],
        text: &str,
        reader: &Reader<&[u8]>,
    ) -> Result<(), LoadError> {
        if doctype.windows(b"<!ENTITY".len()).any(|w| w == b"<!ENTITY") {
            return Err(error_at(
                text,
                reader,
                "the DOCTYPE declares entities (<!ENTITY …>), which concord neither expands nor fetches; remove the declarations",
            ));
        }
        Ok(())
    }

    fn header(
        start: &BytesStart,
        text: &str,
        reader: &Reader<&[u8]>,
    ) -> Result<Element, LoadError> {
        let name = String::from_utf8_lossy(start.local_name().as_ref()).into_owned();
        let mut attrs = Vec::new();
        for attr in start.attributes() {
            if attrs.len() == MAX_ATTRIBUTES {
                return Err(error_at(
                    text,
                    reader,
                    &format!("<{name}> has more than {MAX_ATTRIBUTES} attributes"),
                ));
            }
            let attr = attr
                .map_err(|e| error_at(text, reader, &format!("bad attribute in <{name}>: {e}")))?;
            if attr.value.len() > MAX_ATTRIBUTE_LEN {
                return Err(error_at(
                    text,
                    reader,
                    &format!(
                        "an attribute of <{name}> is longer than {}",
                        super::format_size(MAX_ATTRIBUTE_LEN as u64)
                    ),
                ));
            }
            let key = String::from_utf8_lossy(attr.key.as_ref()).into_owned();
            let value = unescape(&String::from_utf8_lossy(&attr.value));
            attrs.push((key, value));
        }
        Ok(Element {
            name,
            attrs,
            children: Vec::new(),
        })
    }

    fn line_at(text: &str, pos: u64) -> usize {
        let pos = usize::try_from(pos).unwrap_or(usize::MAX).min(text.len());
        text.as_bytes()[..pos]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1
    }

    fn syntax_error(text: &str, reader: &Reader<&[u8]>, e: quick_xml::Error) -> LoadError {
        LoadError(format!(
            "malformed XML at line {}: {e}",
            line_at(text, reader.error_position())
        ))
    }

    fn error_at(text: &str, reader: &Reader<&[u8]>, what: &str) -> LoadError {
        LoadError(format!(
            "malformed XML at line {}: {what}",
            line_at(text, reader.buffer_position())
        ))
    }

    /// Resolves the predefined entities and character references; any other `&name;` is kept as
    /// written (custom entities are never expanded).
    pub fn unescape(raw: &str) -> String {
        if !raw.contains('&') {
            return raw.to_owned();
        }
        let mut out = String::with_capacity(raw.len());
        let mut rest = raw;
        while let Some(amp) = rest.find('&') {
            out.push_str(&rest[..amp]);
            rest = &rest[amp..];
            // `;` is ASCII, so the name ends on a character boundary.
            let window = &rest.as_bytes()[1..rest.len().min(34)];
            let resolved = window
                .iter()
                .position(|&b| b == b';')
                .and_then(|semi| entity(&rest[1..=semi]).map(|c| (c, semi + 2)));
            match resolved {
                Some((c, len)) => {
                    out.push(c);
                    rest = &rest[len..];
                }
                None => {
                    out.push('&');
                    rest = &rest[1..];
                }
            }
        }
        out.push_str(rest);
        out
    }

    /// The character an entity name (without `&` and `;`) stands for: a predefined XML entity or a
    /// character reference to a character XML allows.
    pub fn entity(name: &str) -> Option<char> {
        let code = match name {
            "amp" => return Some('&'),
            "lt" => return Some('<'),
            "gt" => return Some('>'),
            "quot" => return Some('"'),
            "apos" => return Some('\''),
            _ => {
                let num = name.strip_prefix('#')?;
                match num.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                    None => num.parse::<u32>().ok()?,
                }
            }
        };
        char::from_u32(code).filter(|&c| {
            matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
        })
    }

    /// Marks where a placeholder code was removed: becomes a space between two words, else nothing.
    const CODE: char = '\u{FFFF}';

    /// The text of a segment (`<seg>`, `<source>`, `<target>`): the text of formatting elements
    /// (`<hi>`, `<g>`, `<pc>`, `<mrk>`, `<sub>`, unknown elements) is kept; codes (`<ph>`, `<bpt>`,
    /// `<ept>`, `<it>`, `<ut>`, `<x/>`, `<bx/>`, `<ex/>`, `<sc/>`, `<ec/>`, `<sm/>`, `<em/>`) are
    /// dropped, except the text of a `<sub>` inside them; a standalone placeholder (`<ph>`, `<x/>`)
    /// between two words still separates them. `<cp hex="…"/>` gives its character. Whitespace runs
    /// become one space.
    pub fn segment_text(segment: &Element) -> String {
        let mut raw = String::new();
        collect(segment, &mut raw, false);
        super::collapse_whitespace(&resolve_code_marks(&raw))
    }

    /// The inline codes of a segment, in order, as tokens a translation must keep: a code's own
    /// content where it has one (`<ph>&lt;br/&gt;</ph>` is `<br/>`, `<bpt>&lt;b></bpt>` is `<b>`),
    /// else its element and id (`<x id="1"/>`, `<ph id="2"/>`); a paired `<g>`/`<pc>` gives an
    /// opening and a closing token. Formatting and annotation (`<hi>`, `<mrk>`, `<sm/>`,
    /// `<em/>`) are not codes.
    pub fn segment_codes(segment: &Element) -> Vec<String> {
        let mut out = Vec::new();
        collect_codes(segment, &mut out);
        out
    }

    fn collect_codes(element: &Element, out: &mut Vec<String>) {
        for node in &element.children {
            let Node::Element(e) = node else { continue };
            let id = ["id", "i", "x", "startRef"]
                .iter()
                .find_map(|a| e.attr(a))
                .unwrap_or("")
                .trim();
            match e.name.as_str() {
                "ph" | "bpt" | "ept" | "it" | "ut" => {
                    let mut content = String::new();
                    collect(e, &mut content, false);
                    let content = super::collapse_whitespace(&resolve_code_marks(&content));
                    out.push(if content.is_empty() {
                        format!("<{} id=\"{id}\"/>", e.name)
                    } else {
                        content
                    });
                }
                "x" | "bx" | "ex" | "sc" | "ec" => out.push(format!("<{} id=\"{id}\"/>", e.name)),
                "g" | "pc" => {
                    out.push(format!("<{} id=\"{id}\">", e.name));
                    collect_codes(e, out);
                    out.push(format!("</{}>", e.name));
                }
                _ => collect_codes(e, out),
            }
        }
    }

    fn collect(element: &Element, out: &mut String, inside_code: bool) {
        for node in &element.children {
            match node {
                Node::Text(t) if !inside_code => out.push_str(t),
                Node::Text(_) => {}
                Node::Element(e) => match e.name.as_str() {
                    "sub" => {
                        out.push(CODE);
                        collect(e, out, false);
                        out.push(CODE);
                    }
                    "ph" | "x" => {
                        out.push(CODE);
                        collect(e, out, true);
                        out.push(CODE);
                    }
                    "bpt" | "ept" | "it" | "ut" | "bx" | "ex" | "sc" | "ec" | "sm" | "em" => {
                        collect(e, out, true)
                    }
                    "cp" => {
                        if let Some(c) = e
                            .attr("hex")
                            .and_then(|h| u32::from_str_radix(h, 16).ok())
                            .and_then(char::from_u32)
                        {
                            out.push(c);
                        }
                    }
                    _ => collect(e, out, inside_code),
                },
            }
        }
    }

    fn resolve_code_marks(raw: &str) -> String {
        if !raw.contains(CODE) {
            return raw.to_owned();
        }
        let mut out = String::with_capacity(raw.len());
        let mut pending = false;
        for c in raw.chars() {
            if c == CODE {
                pending = true;
                continue;
            }
            if pending {
                pending = false;
                if let Some(before) = out.chars().next_back() {
                    let separates = before.is_alphanumeric()
                        && c.is_alphanumeric()
                        && !(super::text::is_cjk(before) && super::text::is_cjk(c));
                    if separates {
                        out.push(' ');
                    }
                }
            }
            out.push(c);
        }
        out
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        fn parse_one(xml: &str) -> Element {
            let mut found = None;
            walk(
                xml,
                "r",
                |n| n == "seg",
                |v| {
                    if let Visit::Unit { element, .. } = v {
                        found = Some(element);
                    }
                    Ok(())
                },
            )
            .unwrap();
            found.unwrap()
        }

        #[test]
        fn unescapes_predefined_and_numeric_only() {
            assert_eq!(
                unescape("a &amp; b &lt;&#x41;&#66;&gt; &custom; &#0; & x"),
                "a & b <AB> &custom; &#0; & x"
            );
            assert_eq!(
                unescape("&amp;üüüüüüüüüüüüüüüüüüüüüüüüü;"),
                "&üüüüüüüüüüüüüüüüüüüüüüüüü;"
            );
        }

        #[test]
        fn codes_are_dropped_but_separate_words() {
            let seg = parse_one("<r><seg>Click<ph>&lt;br/&gt;</ph>here, <bpt i='1'>&lt;b></bpt>bold<ept i='1'>&lt;/b></ept> and <hi>high</hi>.</seg></r>");
            assert_eq!(segment_text(&seg), "Click here, bold and high.");
            let seg = parse_one("<r><seg>un<bpt i='1'>{b}</bpt>believ<ept i='1'>{/b}</ept>able <ph>x<sub>alt text</sub>y</ph>!</seg></r>");
            assert_eq!(segment_text(&seg), "unbelievable alt text!");
            let seg = parse_one("<r><seg>東京<ph/>大阪 a<cp hex='263A'/>b</seg></r>");
            assert_eq!(segment_text(&seg), "東京大阪 a☺b");
        }

        #[test]
        fn codes_are_kept_as_tokens() {
            let seg = parse_one("<r><seg>Click<ph>&lt;br/&gt;</ph>here, <bpt i='1'>&lt;b></bpt>bold<ept i='1'>&lt;/b></ept> <x id='7'/> <g id='2'>and <hi>high</hi></g><ph id='3'/>.</seg></r>");
            assert_eq!(
                segment_codes(&seg),
                [
                    "<br/>",
                    "<b>",
                    "</b>",
                    "<x id=\"7\"/>",
                    "<g id=\"2\">",
                    "</g>",
                    "<ph id=\"3\"/>"
                ]
            );
        }

        #[test]
        fn many_codes_and_languages_stay_linear() {
            let n = 20_000;
            let seg = parse_one(&format!("<r><seg>a{}b</seg></r>", "<ph/>".repeat(n)));
            assert_eq!(segment_text(&seg), "a b");
            let tuvs: String = (0..n)
                .map(|i| format!("<tuv xml:lang='x{i}'><seg>t</seg></tuv>"))
                .collect();
            let tmx = format!("<tmx><header srclang='x0'/><body><tu>{tuvs}</tu></body></tmx>");
            let file = super::super::tmx::parse(&tmx, &Default::default()).unwrap();
            assert_eq!(file.sets.len(), n - 1);
        }

        #[test]
        fn depth_is_bounded() {
            let deep = format!(
                "<r>{}{}</r>",
                "<a>".repeat(MAX_DEPTH + 5),
                "</a>".repeat(MAX_DEPTH + 5)
            );
            let err = walk(&deep, "r", |_| false, |_| Ok(())).unwrap_err();
            assert!(err.0.contains("nested too deeply"), "{err}");
            let deep = format!("<r><seg>{}</seg></r>", "<a>".repeat(MAX_DEPTH + 5));
            assert!(walk(&deep, "r", |n| n == "seg", |_| Ok(())).is_err());
        }

        #[test]
        fn truncated_and_mismatched() {
            for xml in [
                "<r><seg>abc",
                "<r><seg>abc</seg>",
                "<r><seg>a</x></r>",
                "<r><seg a='1",
                "",
                "plain text",
            ] {
                assert!(walk(xml, "r", |n| n == "seg", |_| Ok(())).is_err(), "{xml}");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(lang: &str, n: usize) -> BilingualSet {
        let unit = BilingualUnit {
            id: "1".into(),
            source: "a".into(),
            target: "b".into(),
            ..BilingualUnit::default()
        };
        BilingualSet {
            target_lang: lang.into(),
            units: vec![unit; n],
        }
    }

    fn over(source: Option<&str>, target: Option<&str>) -> LanguageOverride {
        LanguageOverride {
            source: source.map(Into::into),
            target: target.map(Into::into),
        }
    }

    #[test]
    fn size_limit_and_read_errors() {
        let dir = std::env::temp_dir().join(format!("concord-load-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("big.txt");
        std::fs::write(&file, b"0123456789").unwrap();
        assert_eq!(read_file(&file, 10).unwrap().len(), 10);
        assert!(read_file(&file, 9)
            .unwrap_err()
            .0
            .contains("larger than 9 bytes"));
        assert!(read_file(&dir, 10)
            .unwrap_err()
            .0
            .starts_with("cannot read"));
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(format_size(64 << 20), "64 MiB");
        assert_eq!(format_size(1 << 30), "1 GiB");
        assert_eq!(format_size(1536), "1536 bytes");
        assert_eq!(format_size(2048), "2 KiB");
    }

    #[test]
    fn target_override_relabels_one_set_or_selects_among_several() {
        let one = BilingualFile {
            source_lang: "en".into(),
            sets: vec![set("de", 1)],
        };
        let file = apply_override(one, &over(Some("en-GB"), Some("de-AT"))).unwrap();
        assert_eq!(
            (file.source_lang.as_str(), file.sets[0].target_lang.as_str()),
            ("en-GB", "de-AT")
        );

        let two = BilingualFile {
            source_lang: "en".into(),
            sets: vec![set("de-DE", 1), set("fr-FR", 2)],
        };
        let file = apply_override(two.clone(), &over(None, Some("fr"))).unwrap();
        assert_eq!(file.sets.len(), 1);
        assert_eq!(file.sets[0].target_lang, "fr-FR");
        let err = apply_override(two, &over(None, Some("it"))).unwrap_err();
        assert_eq!(
            err.0,
            "no units in target language it; the file has de-DE, fr-FR"
        );
    }

    #[test]
    fn missing_languages() {
        let unknown_target = BilingualFile {
            source_lang: "en".into(),
            sets: vec![set("", 1)],
        };
        assert!(apply_override(unknown_target.clone(), &over(None, None))
            .unwrap_err()
            .0
            .contains("--target-lang"));
        assert_eq!(
            apply_override(unknown_target, &over(None, Some("de")))
                .unwrap()
                .sets[0]
                .target_lang,
            "de"
        );
        let unknown_source = BilingualFile {
            source_lang: String::new(),
            sets: vec![set("de", 1)],
        };
        assert!(apply_override(unknown_source, &over(None, None))
            .unwrap_err()
            .0
            .contains("--source-lang"));
        let empty = BilingualFile {
            source_lang: String::new(),
            sets: vec![set("", 0)],
        };
        let file = apply_override(empty, &over(None, None)).unwrap();
        assert_eq!((file.source_lang.as_str(), file.sets.len()), ("und", 0));
    }

    #[test]
    fn kinds_by_extension() {
        assert!(is_document(Path::new("a/b.en.TXT")) && is_document(Path::new("x.md")));
        assert!(is_bilingual(Path::new("m.XLIFF")) && is_bilingual(Path::new("de.po")));
        assert!(
            !is_document(Path::new("a.tmx"))
                && !is_bilingual(Path::new("a.txt"))
                && !is_bilingual(Path::new("po"))
        );
        assert_eq!(
            lang_from_file_name(Path::new("po/pt_BR.po")).as_deref(),
            Some("pt-BR")
        );
        assert_eq!(
            lang_from_file_name(Path::new("messages.de.po")).as_deref(),
            Some("de")
        );
        assert_eq!(lang_from_file_name(Path::new("messages.po")), None);
    }
}
