//! Loading: reads input files into plain text documents or bilingual units.
//!
//! Decoding (BOM, UTF-16, legacy encodings) happens here once; everything after works on `str`.
//! A file that cannot be read or parsed gives a [`LoadError`], which the pipeline reports as an
//! `input-error` finding without stopping the run.

use std::path::Path;

/// A document in one language: its paragraphs, in order, each as one line of plain text
/// (markup removed, hard line breaks inside a paragraph joined).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TextDocument {
    pub paragraphs: Vec<String>,
}

/// One translation unit of a bilingual file.
#[derive(Debug, Clone, PartialEq)]
pub struct BilingualUnit {
    /// TMX `tuid`, XLIFF unit id, PO `msgctxt` or msgid line, the id column of a table; the
    /// 1-based unit number where the file gives none.
    pub id: String,
    pub source: String,
    pub target: String,
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

/// Why an input could not be used; the message is shown to the user as is.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{0}")]
pub struct LoadError(pub String);

/// Reads a plain-text or Markdown document.
pub fn load_document(_path: &Path) -> Result<TextDocument, LoadError> {
    Err(LoadError("not implemented".into()))
}

/// Reads a bilingual file (TMX, XLIFF, PO, TSV/CSV), chosen by its extension.
pub fn load_bilingual(_path: &Path, _langs: &LanguageOverride) -> Result<BilingualFile, LoadError> {
    Err(LoadError("not implemented".into()))
}
