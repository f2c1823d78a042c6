//! Discovery: finds the documents and bilingual files to check under the paths given.
//!
//! Two folder layouts are understood (see the contract): `<name>.<lang>.<ext>` files side by side,
//! and `<lang>/<path>` trees. Files that share a name (or a path under sibling language folders)
//! are the language versions of one document; the one in the source language is the source. The
//! walk is sorted, never follows symbolic links (so a link loop cannot trap it) and skips hidden
//! entries.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::lang::tag::{canonical, is_language_tag};
use crate::load;

/// One language version of a document.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentFile {
    pub path: PathBuf,
    /// The path shown in the report: relative to the folder given.
    pub display: String,
    pub lang: String,
}

/// The language versions of one document.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentGroup {
    pub source: DocumentFile,
    pub targets: Vec<DocumentFile>,
}

/// A bilingual file to check.
#[derive(Debug, Clone, PartialEq)]
pub struct BilingualInput {
    pub path: PathBuf,
    pub display: String,
}

/// A unit of work: checked on its own, in parallel with the others.
#[derive(Debug, Clone, PartialEq)]
pub enum Job {
    Documents(DocumentGroup),
    Bilingual(BilingualInput),
}

impl Job {
    /// The path shown for this job's first document, used to order and shard work.
    pub fn display(&self) -> &str {
        match self {
            Job::Documents(g) => g.targets.first().map_or(&g.source.display, |t| &t.display),
            Job::Bilingual(b) => &b.display,
        }
    }
}

/// An input that could not be used, reported as an `input-error` finding.
#[derive(Debug, Clone, PartialEq)]
pub struct InputProblem {
    pub display: String,
    pub lang: String,
    pub message: String,
}

#[derive(Debug, Default)]
pub struct Discovery {
    pub jobs: Vec<Job>,
    pub problems: Vec<InputProblem>,
}

impl Discovery {
    pub fn is_empty(&self) -> bool {
        self.jobs.is_empty() && self.problems.is_empty()
    }
}

/// Finds everything to check under `paths`. A path that does not exist is a problem, not a
/// failure: the others are still checked.
pub fn discover(paths: &[PathBuf], source_lang: &str) -> Discovery {
    let source_lang = canonical(source_lang);
    let mut out = Discovery::default();
    // Document versions grouped by their document key, per folder given.
    let mut groups: BTreeMap<(usize, String), Vec<DocumentFile>> = BTreeMap::new();
    for (root_index, root) in paths.iter().enumerate() {
        if root.is_file() {
            let display = root.display().to_string();
            let base = root.parent().unwrap_or(Path::new(""));
            classify(root, base, display, root_index, true, &mut groups, &mut out);
            continue;
        }
        if !root.is_dir() {
            let message = match std::fs::metadata(root) {
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    "no such file or folder".to_string()
                }
                Err(e) => format!("cannot read: {e}"),
                Ok(_) => "not a file or folder (a device, pipe or socket?)".to_string(),
            };
            out.problems.push(InputProblem {
                display: root.display().to_string(),
                lang: String::new(),
                message,
            });
            continue;
        }
        let walker = walkdir::WalkDir::new(root)
            .follow_links(false)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
        for entry in walker {
            match entry {
                Ok(e) if e.file_type().is_file() => {
                    let rel = e.path().strip_prefix(root).unwrap_or(e.path());
                    let display = rel.to_string_lossy().replace('\\', "/");
                    classify(
                        e.path(),
                        root,
                        display,
                        root_index,
                        false,
                        &mut groups,
                        &mut out,
                    );
                }
                Ok(_) => {}
                Err(err) => out.problems.push(InputProblem {
                    display: err.path().map_or_else(
                        || root.display().to_string(),
                        |p| match p.strip_prefix(root) {
                            Ok(rel) if !rel.as_os_str().is_empty() => {
                                rel.to_string_lossy().replace('\\', "/")
                            }
                            _ => p.display().to_string(),
                        },
                    ),
                    lang: String::new(),
                    // The operating system's reason alone: the path is in the document column.
                    message: match err.io_error() {
                        Some(io) => format!("cannot read: {io}"),
                        None => format!("cannot read: {err}"),
                    },
                }),
            }
        }
    }
    for ((_, key), mut versions) in groups {
        versions.sort_by(|a, b| a.lang.cmp(&b.lang).then(a.display.cmp(&b.display)));
        let source_at = versions
            .iter()
            .position(|v| v.lang == source_lang)
            .or_else(|| {
                let base = crate::lang::profile::primary_subtag(&source_lang);
                versions
                    .iter()
                    .position(|v| crate::lang::profile::primary_subtag(&v.lang) == base)
            });
        match source_at {
            Some(i) => {
                let source = versions.remove(i);
                if !versions.is_empty() {
                    out.jobs.push(Job::Documents(DocumentGroup {
                        source,
                        targets: versions,
                    }));
                }
            }
            None if versions.len() > 1 => {
                for v in versions {
                    out.problems.push(InputProblem {
                        display: v.display,
                        lang: v.lang,
                        message: format!("no source version in {source_lang} for document {key}"),
                    });
                }
            }
            None => {}
        }
    }
    out.jobs.sort_by(|a, b| a.display().cmp(b.display()));
    out
}

/// Files a folder walk takes as bilingual only if they look like it: a CSV or TSV must have
/// two language columns in its header, so that a report written into the folder is not read.
fn looks_bilingual(path: &Path) -> bool {
    let ext = extension(path);
    if ext != "csv" && ext != "tsv" {
        return true;
    }
    let Ok(file) = std::fs::File::open(path) else {
        return true;
    };
    let mut first = String::new();
    let mut reader = std::io::BufReader::new(std::io::Read::take(file, 64 * 1024));
    let _ = std::io::BufRead::read_line(&mut reader, &mut first);
    let delimiter = if ext == "tsv" { '\t' } else { ',' };
    first
        .trim_start_matches('\u{feff}')
        .split(delimiter)
        .filter(|c| is_language_tag(c.trim().trim_matches('"')))
        .count()
        >= 2
}

fn extension(path: &Path) -> String {
    path.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}

fn classify(
    path: &Path,
    root: &Path,
    display: String,
    root_index: usize,
    explicit: bool,
    groups: &mut BTreeMap<(usize, String), Vec<DocumentFile>>,
    out: &mut Discovery,
) {
    if load::is_bilingual(path) {
        if explicit || looks_bilingual(path) {
            out.jobs.push(Job::Bilingual(BilingualInput {
                path: path.to_path_buf(),
                display,
            }));
        }
        return;
    }
    if !load::is_document(path) {
        return;
    }
    let rel = path.strip_prefix(root).unwrap_or(path);
    if let Some((key, lang)) = document_key(rel) {
        groups
            .entry((root_index, key))
            .or_default()
            .push(DocumentFile {
                path: path.to_path_buf(),
                display,
                lang: canonical(&lang),
            });
    }
}

/// The document a file is a version of, and its language: `a/report.de.txt` → (`a/report..txt`,
/// `de`); `de/a/report.txt` → (`*/a/report.txt`, `de`).
fn document_key(rel: &Path) -> Option<(String, String)> {
    let name = rel.file_name()?.to_string_lossy();
    let parent = rel
        .parent()
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .unwrap_or_default();
    if let Some((stem, ext)) = name.rsplit_once('.') {
        if let Some((base, lang)) = stem.rsplit_once('.') {
            if is_language_tag(lang) && !base.is_empty() {
                return Some((format!("{parent}/{base}.*.{ext}"), lang.to_string()));
            }
        }
    }
    let parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().to_string())
        .collect();
    let dirs = parts.len().saturating_sub(1);
    let k = parts[..dirs].iter().position(|p| is_language_tag(p))?;
    let mut key = parts.clone();
    let lang = std::mem::replace(&mut key[k], "*".to_string());
    Some((key.join("/"), lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_keys_in_both_layouts() {
        assert_eq!(
            document_key(Path::new("news/russia.de.txt")),
            Some(("news/russia.*.txt".into(), "de".into()))
        );
        assert_eq!(
            document_key(Path::new("pt-BR/news/russia.md")),
            Some(("*/news/russia.md".into(), "pt-BR".into()))
        );
        assert_eq!(document_key(Path::new("news/notes.old.txt")), None);
        assert_eq!(document_key(Path::new("readme.txt")), None);
    }
}
