//! The `check` command's pipeline: discover → load → segment → align → extract → check → report.
//!
//! Each job (a document with its language versions, or a bilingual file) is checked on its own,
//! in parallel; a job that fails to load, or panics, becomes an `input-error` finding and the
//! others go on. A document's targets, once each is checked, are compared with each other
//! (`crosscheck`), so that an error in the source is reported once, on the source. The findings are sorted into one total order before any report is written, so
//! the same input gives the same report, byte for byte, whatever the number of threads.

use std::io::IsTerminal;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::Context;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use crate::align::{self, AlignUnit, Bead};
use crate::checks::{self, source_hygiene, DocumentKnowledge, Issue, PairContext, Side};
use crate::cli::{CheckArgs, FailOn};
use crate::crosscheck;
use crate::discover::{self, BilingualInput, DocumentGroup, Job};
use crate::extract::{self, Facts};
use crate::finding::{CheckId, Finding, Position, Severity};
use crate::glossary::Glossary;
use crate::lang::profile;
use crate::load::{self, LanguageOverride, LoadError, LoadOptions, TextDocument};
use crate::report::{self, DocumentAlignment};
use crate::segment::{self, Sentence};
use crate::spill::Spill;

/// The source language of documents in folders when `--source-lang` is not given.
pub const DEFAULT_SOURCE_LANG: &str = "en";

pub fn run(args: &CheckArgs) -> anyhow::Result<ExitCode> {
    // The report options and the baseline are checked before any work is done.
    let destinations = report::destinations(args)?;
    let baseline = match &args.baseline {
        Some(path) => Some(report::baseline::Baseline::load(path)?),
        None => None,
    };
    let config = crate::config::Config::for_run(args.config.as_deref(), &args.paths)?;
    let glossary = match args.glossary.clone().or_else(|| config.glossary_path()) {
        Some(path) => Glossary::load(&path)?,
        None => Glossary::default(),
    };
    let keep_alignments = report::needs_alignments(&destinations);
    let mut discovery = discover::discover(
        &args.paths,
        args.source_lang
            .as_deref()
            .or(config.source_lang.as_deref())
            .unwrap_or(DEFAULT_SOURCE_LANG),
    );
    config.restrict(&mut discovery);
    if discovery.is_empty() {
        anyhow::bail!("no documents or bilingual files found in the paths given (documents are named <name>.<lang>.txt or .md, or kept under <lang>/ folders)");
    }
    // A share may be empty (fewer inputs than shares): its report is then just the header.
    if let Some(shard) = args.shard {
        shard.restrict(&mut discovery);
    }
    let threads = args.threads.unwrap_or(0);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .context("cannot start worker threads")?;
    let overrides = LanguageOverride {
        source: args.source_lang.clone(),
        target: args.target_lang.clone(),
    };
    let load_options = LoadOptions {
        max_file_size: args.max_file_size.unwrap_or(load::DEFAULT_MAX_FILE_SIZE),
        include_fuzzy: args.include_fuzzy || config.include_fuzzy,
    };
    let progress = Progress::new(discovery.jobs.len() as u64, args.quiet);
    let counts = |suppressed| report::summary::Counts {
        documents: discovery
            .jobs
            .iter()
            .filter(|j| matches!(j, Job::Documents(_)))
            .count(),
        targets: discovery
            .jobs
            .iter()
            .map(|j| {
                if let Job::Documents(g) = j {
                    g.targets.len()
                } else {
                    0
                }
            })
            .sum(),
        bilingual_files: discovery
            .jobs
            .iter()
            .filter(|j| matches!(j, Job::Bilingual(_)))
            .count(),
        suppressed,
    };
    let problems = || -> Vec<Finding> {
        discovery
            .problems
            .iter()
            .map(|p| input_error(&p.display, "", &p.lang, &p.message))
            .collect()
    };
    // One CSV report to a file, the usual case of a large run: each job's findings are sorted
    // and spilled to disk as they come, and the report is written from their merge, so memory
    // does not grow with the number of findings (see `spill`). Any other report needs them all,
    // and so does a run that cannot create the temporary file (it then holds them as before).
    let spill_to = match destinations.as_slice() {
        [report::Destination {
            format: crate::cli::ReportFormat::Csv,
            output: Some(path),
        }] => Spill::new(discovery.jobs.len() + 1)
            .ok()
            .map(|spill| (path, spill)),
        _ => None,
    };
    if let Some((path, spill)) = spill_to {
        pool.install(|| {
            discovery
                .jobs
                .par_iter()
                .enumerate()
                .try_for_each(|(i, job)| {
                    let (mut findings, _) =
                        check_job_isolated(job, &overrides, &load_options, &glossary, false);
                    config.apply(&mut findings);
                    progress.tick();
                    spill.write_run(i, findings)
                })
        })?;
        progress.finish();
        let mut problems = problems();
        config.apply(&mut problems);
        spill.write_run(discovery.jobs.len(), problems)?;
        let (mut tally, mut suppressed, mut failed) = (report::summary::Tally::default(), 0, false);
        report::write_file_with(path, |file| {
            let mut rows = report::csv::RowWriter::new(file)?;
            let mut last: Option<Finding> = None;
            for finding in spill.merged()? {
                let finding = finding?;
                // Sorted: a duplicate follows its original.
                if last.as_ref() == Some(&finding) {
                    continue;
                }
                if !baseline.as_ref().is_some_and(|b| b.contains(&finding)) {
                    rows.row(&finding)?;
                    tally.add(&finding);
                    failed |= report::fails(finding.severity, args.fail_on);
                } else {
                    suppressed += 1;
                }
                last = Some(finding);
            }
            rows.finish()
        })?;
        if !args.quiet {
            eprint!("{}", tally.render(counts(suppressed)));
        }
        return Ok(if failed {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        });
    }
    let checked: Vec<(Vec<Finding>, Vec<DocumentAlignment>)> = pool.install(|| {
        discovery
            .jobs
            .par_iter()
            .map(|job| {
                let checked =
                    check_job_isolated(job, &overrides, &load_options, &glossary, keep_alignments);
                progress.tick();
                checked
            })
            .collect()
    });
    progress.finish();
    let (findings, alignments): (Vec<_>, Vec<_>) = checked.into_iter().unzip();
    let mut findings: Vec<Finding> = findings.into_iter().flatten().collect();
    let mut alignments: Vec<DocumentAlignment> = alignments.into_iter().flatten().collect();
    report::alignment::sort(&mut alignments);
    findings.extend(problems());
    config.apply(&mut findings);
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    findings.dedup();
    let suppressed = baseline.map_or(0, |b| b.suppress(&mut findings));
    let counts = counts(suppressed);
    let view = report::Report {
        findings: &findings,
        alignments: &alignments,
        jobs: &discovery.jobs,
        counts,
        fail_on: args.fail_on,
    };
    report::write_all(&view, &destinations)?;
    if !args.quiet {
        eprint!("{}", report::summary::render(&findings, counts));
    }
    Ok(exit_code(&findings, args.fail_on))
}

/// 1 if a finding reaches the `--fail-on` level, else 0.
pub fn exit_code(findings: &[Finding], fail_on: FailOn) -> ExitCode {
    let least = match fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    };
    match least {
        Some(level) if findings.iter().any(|f| f.severity >= level) => ExitCode::from(1),
        _ => ExitCode::SUCCESS,
    }
}

/// Set to a job's path as shown in the report (`CONCORD_INJECT_PANIC=a/doc.de.txt`), this makes
/// checking that job panic: the tests use it to prove that a panic stays an `input-error` for its
/// own input.
pub const INJECT_PANIC_VAR: &str = "CONCORD_INJECT_PANIC";

/// Checks one job (keeping its documents' alignments for the reports if asked); a panic inside
/// becomes an `input-error` finding for it.
fn check_job_isolated(
    job: &Job,
    overrides: &LanguageOverride,
    load_options: &LoadOptions,
    glossary: &Glossary,
    keep_alignments: bool,
) -> (Vec<Finding>, Vec<DocumentAlignment>) {
    match catch_unwind(AssertUnwindSafe(|| {
        if std::env::var_os(INJECT_PANIC_VAR).is_some_and(|v| v == job.display()) {
            panic!("panic injected by {INJECT_PANIC_VAR}");
        }
        check_job(job, overrides, load_options, glossary, keep_alignments)
    })) {
        Ok(checked) => checked,
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            let finding = input_error(
                job.display(),
                "",
                "",
                &format!("internal error while checking this input (please report it): {what}"),
            );
            (vec![finding], Vec::new())
        }
    }
}

fn check_job(
    job: &Job,
    overrides: &LanguageOverride,
    load_options: &LoadOptions,
    glossary: &Glossary,
    keep_alignments: bool,
) -> (Vec<Finding>, Vec<DocumentAlignment>) {
    let mut alignments = Vec::new();
    let sink = keep_alignments.then_some(&mut alignments);
    let findings = match job {
        Job::Documents(group) => check_documents(
            group,
            &|path| load::load_document_with(path, load_options),
            glossary,
            sink,
        ),
        Job::Bilingual(input) => check_bilingual(input, overrides, load_options, glossary, sink),
    };
    (findings, alignments)
}

/// A loaded, segmented document with the facts of each sentence.
struct Prepared {
    sentences: Vec<Sentence>,
    facts: Vec<Facts>,
}

fn prepare(paragraphs: &[String], lang: &str) -> Prepared {
    let profile = profile(lang);
    let sentences = segment::split_document(paragraphs, profile);
    let facts = sentences
        .iter()
        .map(|s| extract::extract(&s.text, profile))
        .collect();
    Prepared { sentences, facts }
}

/// Checks one target text against its source text in memory, as `check` checks a document and
/// its translation found in a folder (plain text: paragraphs separated by blank lines). The entry
/// point for fuzzing the whole pipeline; a panic here is not caught.
pub fn check_text_pair(
    source: &str,
    source_lang: &str,
    target: &str,
    target_lang: &str,
) -> Vec<Finding> {
    let version = |name: &str, lang: &str| crate::discover::DocumentFile {
        path: name.into(),
        display: name.to_owned(),
        lang: lang.to_owned(),
    };
    let group = DocumentGroup {
        source: version("source.txt", source_lang),
        targets: vec![version("target.txt", target_lang)],
    };
    let load = |path: &std::path::Path| {
        let text = if path == std::path::Path::new("source.txt") {
            source
        } else {
            target
        };
        Ok(load::text::parse_plain(text))
    };
    check_documents(&group, &load, &Glossary::default(), None)
}

/// Checks every target of a document against its source, each read with `load`; pushes each
/// target's alignment to `alignments` when given.
fn check_documents(
    group: &DocumentGroup,
    load: &dyn Fn(&std::path::Path) -> Result<TextDocument, LoadError>,
    glossary: &Glossary,
    mut alignments: Option<&mut Vec<DocumentAlignment>>,
) -> Vec<Finding> {
    let src = &group.source;
    let source_doc = match load(&src.path) {
        Ok(d) => d,
        Err(e) => {
            return group
                .targets
                .iter()
                .map(|t| {
                    input_error(
                        &t.display,
                        "",
                        &t.lang,
                        &format!("the source version {} cannot be read: {e}", src.display),
                    )
                })
                .collect();
        }
    };
    let source = prepare(&source_doc.paragraphs, &src.lang);
    let mut findings = Vec::new();
    // Each target, to compare them all with each other once each is checked.
    let mut versions = Vec::new();
    // The source's own problems, once per document.
    let mut hygiene = vec![false; source.sentences.len()];
    for (i, s) in source.sentences.iter().enumerate() {
        // Alone in its paragraph: its first sentence, and the next one starts another.
        let alone = s.index == 0
            && source
                .sentences
                .get(i + 1)
                .is_none_or(|next| next.paragraph != s.paragraph);
        if let Some(issue) = source_hygiene::check_sentence(&s.text, &src.lang, alone) {
            hygiene[i] = true;
            findings.push(Finding {
                document: src.display.clone(),
                segment: label(&source.sentences[i..=i]),
                position: Position {
                    major: i as u32,
                    minor: 1,
                },
                source_lang: src.lang.clone(),
                target_lang: String::new(),
                source_text: s.text.clone(),
                target_text: String::new(),
                check: issue.check,
                severity: issue.severity,
                source: issue.source,
                target: issue.target,
                message: issue.message,
                state: String::new(),
            });
        }
    }
    for tgt in &group.targets {
        let target_doc = match load(&tgt.path) {
            Ok(d) => d,
            Err(e) => {
                findings.push(input_error(&tgt.display, "", &tgt.lang, &e.to_string()));
                continue;
            }
        };
        let target = prepare(&target_doc.paragraphs, &tgt.lang);
        let beads = align::align_expecting(
            &align_units(&source),
            &align_units(&target),
            crate::lang::profile::usual_length_ratio(&src.lang, &tgt.lang),
        );
        let pairs: Vec<PairContext> = beads
            .iter()
            .map(|b| pair_of(b, &source, &src.lang, &target, &tgt.lang))
            .collect();
        let mut knowledge = DocumentKnowledge::learn(&pairs);
        knowledge.glossary = glossary.requirements(&src.lang, &tgt.lang);
        let mut aligned = alignments.is_some().then(|| {
            DocumentAlignment::new(
                &tgt.display,
                &tgt.path,
                &src.display,
                &src.path,
                &src.lang,
                &tgt.lang,
            )
        });
        for (bead, pair) in beads.iter().zip(&pairs) {
            let only_hygiene = !bead.source.is_empty() && bead.source.clone().all(|i| hygiene[i]);
            let segment = if bead.source.is_empty() {
                format!(
                    "{}+",
                    if bead.source.start == 0 {
                        "0.0".to_string()
                    } else {
                        label(&source.sentences[bead.source.start - 1..bead.source.start])
                    }
                )
            } else {
                label(&source.sentences[bead.source.clone()])
            };
            let position = Position {
                major: bead.source.start as u32,
                minor: u32::from(!bead.source.is_empty()),
            };
            if let Some(a) = aligned.as_mut() {
                let (source, target) = (&pair.source.text, &pair.target.text);
                a.push(&segment, position, source, target, bead.confidence);
            }
            for issue in checks::run_all(pair, &knowledge) {
                if only_hygiene
                    && matches!(issue.check, CheckId::Untranslated | CheckId::WrongLanguage)
                {
                    continue;
                }
                findings.push(finding_of(issue, &tgt.display, &segment, position, pair));
            }
        }
        versions.push(crosscheck::TargetVersion::new(
            &tgt.display,
            &tgt.lang,
            &beads,
            &pairs,
            &knowledge,
        ));
        if let (Some(sink), Some(a)) = (alignments.as_mut(), aligned) {
            sink.push(a);
        }
    }
    let source_version = crosscheck::SourceVersion {
        display: &src.display,
        lang: &src.lang,
        sentences: &source.sentences,
        facts: &source.facts,
    };
    crosscheck::compare_versions(&source_version, &versions, &mut findings);
    findings
}

fn align_units(doc: &Prepared) -> Vec<AlignUnit<'_>> {
    doc.sentences
        .iter()
        .zip(&doc.facts)
        .map(|(s, f)| AlignUnit {
            text: &s.text,
            paragraph: s.paragraph,
            anchors: f.anchor_keys(),
        })
        .collect()
}

fn pair_of<'a>(
    bead: &Bead,
    source: &Prepared,
    source_lang: &'a str,
    target: &Prepared,
    target_lang: &'a str,
) -> PairContext<'a> {
    let side = |doc: &Prepared, range: std::ops::Range<usize>, lang: &'a str| {
        let profile = profile(lang);
        let joiner = if profile.spaces_between_words {
            " "
        } else {
            ""
        };
        let text = doc.sentences[range.clone()]
            .iter()
            .map(|s| s.text.as_str())
            .collect::<Vec<_>>()
            .join(joiner);
        Side {
            lang,
            profile,
            text,
            facts: Facts::merged(&doc.facts[range]),
            language: std::sync::OnceLock::new(),
        }
    };
    PairContext {
        source: side(source, bead.source.clone(), source_lang),
        target: side(target, bead.target.clone(), target_lang),
        // A confidence of 1 means "aligned by the file" (a bilingual unit) to the checks; the
        // aligner's posterior can round to 1, so a bead of a document stays below it.
        confidence: bead.confidence.min(DOCUMENT_CONFIDENCE_CAP),
    }
}

/// `P.S` or `P.S-P.S`, 1-based, for the source sentences of a bead.
fn label(sentences: &[Sentence]) -> String {
    let one = |s: &Sentence| format!("{}.{}", s.paragraph + 1, s.index + 1);
    match sentences {
        [] => String::new(),
        [s] => one(s),
        [first, .., last] => format!("{}-{}", one(first), one(last)),
    }
}

/// Checks every unit of a bilingual file; pushes each target language's units to `alignments`
/// when given.
fn check_bilingual(
    input: &BilingualInput,
    overrides: &LanguageOverride,
    load_options: &LoadOptions,
    glossary: &Glossary,
    mut alignments: Option<&mut Vec<DocumentAlignment>>,
) -> Vec<Finding> {
    let file = match load::load_bilingual_with(&input.path, overrides, load_options) {
        Ok(f) => f,
        Err(e) => {
            return vec![input_error(
                &input.display,
                "",
                overrides.target.as_deref().unwrap_or(""),
                &e.to_string(),
            )]
        }
    };
    let source_lang = file.source_lang.as_str();
    let mut findings = Vec::new();
    for set in &file.sets {
        let target_lang = set.target_lang.as_str();
        let pairs: Vec<PairContext> = set
            .units
            .iter()
            .map(|u| PairContext {
                source: Side::with_codes(source_lang, u.source.clone(), &u.source_codes),
                target: Side::with_codes(target_lang, u.target.clone(), &u.target_codes),
                confidence: 1.0,
            })
            .collect();
        let mut knowledge = DocumentKnowledge::learn(&pairs);
        knowledge.glossary = glossary.requirements(source_lang, target_lang);
        let (display, path) = (&input.display, &input.path);
        let mut aligned = alignments.is_some().then(|| {
            DocumentAlignment::new(display, path, display, path, source_lang, target_lang)
        });
        for (i, (unit, pair)) in set.units.iter().zip(&pairs).enumerate() {
            let position = Position {
                major: i as u32,
                minor: 1,
            };
            if let Some(a) = aligned.as_mut() {
                let (source, target) = (&pair.source.text, &pair.target.text);
                a.push(&unit.id, position, source, target, 1.0);
            }
            for issue in checks::run_all(pair, &knowledge) {
                let mut finding = finding_of(issue, &input.display, &unit.id, position, pair);
                finding.state.clone_from(&unit.state);
                findings.push(finding);
            }
        }
        if let (Some(sink), Some(a)) = (alignments.as_mut(), aligned) {
            sink.push(a);
        }
    }
    findings
}

fn finding_of(
    issue: Issue,
    document: &str,
    segment: &str,
    position: Position,
    pair: &PairContext,
) -> Finding {
    Finding {
        document: document.to_string(),
        segment: segment.to_string(),
        position,
        source_lang: pair.source.lang.to_string(),
        target_lang: pair.target.lang.to_string(),
        check: issue.check,
        severity: issue.severity,
        source: issue.source,
        target: issue.target,
        message: issue.message,
        source_text: pair.source.text.clone(),
        target_text: pair.target.text.clone(),
        state: String::new(),
    }
}

fn input_error(document: &str, source_lang: &str, target_lang: &str, message: &str) -> Finding {
    Finding {
        document: document.to_string(),
        segment: String::new(),
        position: Position::default(),
        source_lang: source_lang.to_string(),
        target_lang: target_lang.to_string(),
        check: CheckId::InputError,
        severity: Severity::Error,
        source: String::new(),
        target: String::new(),
        message: message.to_string(),
        source_text: String::new(),
        target_text: String::new(),
        state: String::new(),
    }
}

/// A progress bar on standard error, shown only on a terminal and only once the run has taken
/// more than a moment.
struct Progress {
    bar: ProgressBar,
    started: Instant,
    enabled: bool,
    shown: std::sync::atomic::AtomicBool,
}

impl Progress {
    fn new(total: u64, quiet: bool) -> Progress {
        let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::hidden());
        bar.set_style(
            ProgressStyle::with_template("{spinner} checking {pos}/{len} {wide_bar} {eta}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        Progress {
            bar,
            started: Instant::now(),
            enabled: !quiet && std::io::stderr().is_terminal(),
            shown: false.into(),
        }
    }

    fn tick(&self) {
        self.bar.inc(1);
        if self.enabled
            && self.started.elapsed() > Duration::from_millis(300)
            && !self.shown.swap(true, std::sync::atomic::Ordering::Relaxed)
        {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
        }
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

/// The highest confidence a bead of a document is given (see `pair_of`).
const DOCUMENT_CONFIDENCE_CAP: f64 = 0.999;
