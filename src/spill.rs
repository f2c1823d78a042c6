//! Findings kept on disk rather than in memory until the report is written.
//!
//! A large run finds tens of thousands of findings, each with its source and target text; held
//! together until the final sort they made the peak memory grow with the corpus (1.7 KB a
//! finding). Instead, each job's findings are sorted on their own and appended to a temporary
//! file as one sorted *run*; the report is then written from a k-way merge of the runs, one
//! finding at a time. The merge takes equal sort keys in the order of the runs, and each run is
//! sorted stably, so the order is that of one stable sort of all the findings in job order: the
//! same bytes as sorting them in memory.
//!
//! The encoding is private to the run: each string as its length (u32, little-endian) and its
//! bytes, the check and severity as one byte each, the position as two u32. The file is
//! removed as soon as it is created (on Unix) and at the latest when the [`Spill`] is dropped.

use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::fs::File;
use std::io::{BufReader, Read, Write};
use std::path::PathBuf;
use std::sync::Mutex;

use anyhow::Context;

use crate::finding::{CheckId, Finding, Position, Severity};

/// The bytes of one sorted run in the file.
#[derive(Debug, Clone, Copy, Default)]
struct Run {
    offset: u64,
    len: u64,
}

/// The temporary file and its runs, each at the index of the job that wrote it.
pub struct Spill {
    file: Mutex<(File, u64)>,
    runs: Mutex<Vec<Run>>,
    path: PathBuf,
}

impl Spill {
    /// A new, empty spill file in the system's temporary folder, for `runs` runs.
    pub fn new(runs: usize) -> anyhow::Result<Spill> {
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let path =
            std::env::temp_dir().join(format!("concord-findings-{}-{n}.tmp", std::process::id()));
        let file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create_new(true)
            .open(&path)
            .with_context(|| format!("cannot create a temporary file {}", path.display()))?;
        // On Unix the open file outlives its name: nothing is left behind even on a crash.
        if cfg!(unix) {
            let _ = std::fs::remove_file(&path);
        }
        Ok(Spill {
            file: Mutex::new((file, 0)),
            runs: Mutex::new(vec![Run::default(); runs]),
            path,
        })
    }

    /// Sorts one job's findings (stably, into report order) and appends them as run `index`.
    pub fn write_run(&self, index: usize, mut findings: Vec<Finding>) -> anyhow::Result<()> {
        if findings.is_empty() {
            return Ok(());
        }
        findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        let mut bytes = Vec::new();
        for f in &findings {
            encode(f, &mut bytes);
        }
        drop(findings);
        let offset = {
            let mut guard = self.file.lock().unwrap_or_else(|e| e.into_inner());
            let (file, end) = &mut *guard;
            file.write_all(&bytes)
                .context("cannot write findings to a temporary file")?;
            let offset = *end;
            *end += bytes.len() as u64;
            offset
        };
        self.runs.lock().unwrap_or_else(|e| e.into_inner())[index] = Run {
            offset,
            len: bytes.len() as u64,
        };
        Ok(())
    }

    /// Every finding of every run in report order (duplicates included), read back one at a
    /// time.
    pub fn merged(self) -> anyhow::Result<Merged> {
        let (mut file, _) = self.file.into_inner().unwrap_or_else(|e| e.into_inner());
        file.flush()?;
        let runs = self.runs.into_inner().unwrap_or_else(|e| e.into_inner());
        let file = std::sync::Arc::new(file);
        let mut heap = BinaryHeap::new();
        for (index, run) in runs.into_iter().enumerate() {
            if run.len == 0 {
                continue;
            }
            let mut reader = BufReader::with_capacity(
                8 * 1024,
                RunReader {
                    file: file.clone(),
                    pos: run.offset,
                    end: run.offset + run.len,
                },
            );
            if let Some(finding) = decode(&mut reader)? {
                heap.push(Head {
                    finding,
                    run: index,
                    reader,
                });
            }
        }
        if cfg!(not(unix)) {
            let _ = std::fs::remove_file(&self.path);
        }
        Ok(Merged { heap })
    }
}

/// The merge of the runs: an iterator of findings in report order.
pub struct Merged {
    heap: BinaryHeap<Head>,
}

impl Iterator for Merged {
    type Item = anyhow::Result<Finding>;

    fn next(&mut self) -> Option<Self::Item> {
        let mut head = self.heap.pop()?;
        match decode(&mut head.reader) {
            Ok(Some(next)) => {
                let finding = std::mem::replace(&mut head.finding, next);
                self.heap.push(head);
                Some(Ok(finding))
            }
            Ok(None) => Some(Ok(head.finding)),
            Err(e) => Some(Err(e)),
        }
    }
}

/// The next finding of a run, with the rest of the run.
struct Head {
    finding: Finding,
    run: usize,
    reader: BufReader<RunReader>,
}

impl Head {
    fn order(&self, other: &Head) -> Ordering {
        (self.finding.sort_key(), self.run).cmp(&(other.finding.sort_key(), other.run))
    }
}

// The heap is a max-heap: the smallest finding (then the earliest run) must compare greatest.
impl Ord for Head {
    fn cmp(&self, other: &Head) -> Ordering {
        other.order(self)
    }
}

impl PartialOrd for Head {
    fn partial_cmp(&self, other: &Head) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Head {
    fn eq(&self, other: &Head) -> bool {
        self.order(other) == Ordering::Equal
    }
}

impl Eq for Head {}

/// One run's bytes, read at their place in the shared file.
struct RunReader {
    file: std::sync::Arc<File>,
    pos: u64,
    end: u64,
}

impl Read for RunReader {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let want = buf.len().min((self.end - self.pos) as usize);
        if want == 0 {
            return Ok(0);
        }
        let n = read_at(&self.file, &mut buf[..want], self.pos)?;
        self.pos += n as u64;
        Ok(n)
    }
}

#[cfg(unix)]
fn read_at(file: &File, buf: &mut [u8], pos: u64) -> std::io::Result<usize> {
    std::os::unix::fs::FileExt::read_at(file, buf, pos)
}

#[cfg(windows)]
fn read_at(file: &File, buf: &mut [u8], pos: u64) -> std::io::Result<usize> {
    std::os::windows::fs::FileExt::seek_read(file, buf, pos)
}

fn encode(f: &Finding, out: &mut Vec<u8>) {
    for s in [
        &f.document,
        &f.segment,
        &f.source_lang,
        &f.target_lang,
        &f.source,
        &f.target,
        &f.message,
        &f.source_text,
        &f.target_text,
        &f.state,
    ] {
        out.extend_from_slice(&(s.len() as u32).to_le_bytes());
        out.extend_from_slice(s.as_bytes());
    }
    let check = CheckId::ALL.iter().position(|c| *c == f.check).unwrap_or(0) as u8;
    out.push(check);
    out.push(f.severity as u8);
    out.extend_from_slice(&f.position.major.to_le_bytes());
    out.extend_from_slice(&f.position.minor.to_le_bytes());
}

/// The next finding of a run, or `None` at its end.
fn decode(r: &mut impl Read) -> anyhow::Result<Option<Finding>> {
    let mut len = [0u8; 4];
    // The end of a run can only fall before a finding's first field.
    match r.read(&mut len[..1])? {
        0 => return Ok(None),
        _ => r.read_exact(&mut len[1..])?,
    }
    let mut first = Some(u32::from_le_bytes(len));
    let mut string = |r: &mut dyn Read| -> anyhow::Result<String> {
        let n = match first.take() {
            Some(n) => n,
            None => {
                r.read_exact(&mut len)?;
                u32::from_le_bytes(len)
            }
        };
        let mut bytes = vec![0u8; n as usize];
        r.read_exact(&mut bytes)?;
        String::from_utf8(bytes).context("a corrupt temporary file of findings")
    };
    let document = string(r)?;
    let segment = string(r)?;
    let source_lang = string(r)?;
    let target_lang = string(r)?;
    let source = string(r)?;
    let target = string(r)?;
    let message = string(r)?;
    let source_text = string(r)?;
    let target_text = string(r)?;
    let state = string(r)?;
    let mut tail = [0u8; 10];
    r.read_exact(&mut tail)?;
    let check = *CheckId::ALL
        .get(tail[0] as usize)
        .context("a corrupt temporary file of findings")?;
    let severity = match tail[1] {
        0 => Severity::Info,
        1 => Severity::Warning,
        _ => Severity::Error,
    };
    let position = Position {
        major: u32::from_le_bytes([tail[2], tail[3], tail[4], tail[5]]),
        minor: u32::from_le_bytes([tail[6], tail[7], tail[8], tail[9]]),
    };
    Ok(Some(Finding {
        document,
        segment,
        position,
        source_lang,
        target_lang,
        check,
        severity,
        source,
        target,
        message,
        source_text,
        target_text,
        state,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(document: &str, major: u32, source: &str, message: &str) -> Finding {
        Finding {
            document: document.into(),
            position: Position { major, minor: 1 },
            message: message.into(),
            source_text: "Ünïcode — text".into(),
            state: "fuzzy".into(),
            severity: Severity::Warning,
            check: CheckId::Quote,
            ..Finding::example(source, "t")
        }
    }

    #[test]
    fn the_merge_of_runs_is_one_stable_sort_of_all_findings_in_job_order() {
        let jobs = vec![
            vec![
                finding("b", 2, "x", "first b2"),
                finding("a", 1, "y", "a1"),
                finding("b", 2, "x", "first b2"),
            ],
            vec![],
            vec![
                finding("a", 0, "z", "a0"),
                finding("b", 2, "x", "second b2"),
            ],
            // The same sort key as job 0's b2, another severity: it must stay after them.
            vec![Finding {
                severity: Severity::Error,
                ..finding("b", 2, "x", "first b2")
            }],
        ];
        let mut expected: Vec<Finding> = jobs.iter().flatten().cloned().collect();
        expected.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        let spill = Spill::new(jobs.len()).unwrap();
        // Written out of job order, as parallel jobs finish.
        for (i, job) in jobs.into_iter().enumerate().rev() {
            spill.write_run(i, job).unwrap();
        }
        let merged: Vec<Finding> = spill.merged().unwrap().map(|f| f.unwrap()).collect();
        assert_eq!(merged, expected);
        assert_eq!(merged.len(), 6);
        assert_eq!(merged[0].message, "a0");
        assert_eq!(merged[4].severity, Severity::Error);
        assert_eq!(merged[0].source_text, "Ünïcode — text");
    }
}
