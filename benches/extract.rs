//! The hot paths before alignment: sentence splitting, fact extraction (numbers, names,
//! quotations) and language identification (`lingua`, asked once per target segment by the
//! `untranslated`/`wrong-language` checks: the largest share of a whole `check` run, see
//! docs/BENCHMARKS.md), on the shipped corpus's faithful translations in five scripts.
//! Throughput is reported in bytes, so the figures read as MB/s.
//!
//! `cargo bench --bench extract`

use std::hint::black_box;

use concord::extract::extract;
use concord::lang::detect::identify;
use concord::lang::profile;
use concord::segment::split_sentences;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

/// The corpus document in `lang`, repeated to about 64 KB so that each run is long enough to
/// time.
fn text(lang: &str) -> String {
    let path = format!(
        "{}/corpora/russia-osce/russia-osce.{lang}.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let one = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    one.repeat((65_536 / one.len().max(1)).max(1))
}

const LANGS: [&str; 5] = ["en", "de", "ru", "ar", "zh"];

fn segmentation(c: &mut Criterion) {
    let mut group = c.benchmark_group("split_sentences");
    for lang in LANGS {
        let text = text(lang);
        let p = profile(lang);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(lang), &text, |b, text| {
            b.iter(|| black_box(split_sentences(text, p).len()))
        });
    }
    group.finish();
}

fn extraction(c: &mut Criterion) {
    let mut group = c.benchmark_group("extract");
    for lang in LANGS {
        let text = text(lang);
        let p = profile(lang);
        let sentences: Vec<&str> = split_sentences(&text, p);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(lang), &sentences, |b, s| {
            b.iter(|| {
                s.iter()
                    .map(|sentence| extract(sentence, p).numbers.len())
                    .sum::<usize>()
            })
        });
    }
    group.finish();
}

fn identification(c: &mut Criterion) {
    let mut group = c.benchmark_group("identify");
    group.sample_size(10);
    for lang in LANGS {
        let text = text(lang);
        let p = profile(lang);
        // The first 100 sentences, each identified as a check asks for it.
        let sentences: Vec<&str> = split_sentences(&text, p).into_iter().take(100).collect();
        let bytes: usize = sentences.iter().map(|s| s.len()).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_with_input(BenchmarkId::from_parameter(lang), &sentences, |b, s| {
            b.iter(|| {
                s.iter()
                    .map(|sentence| identify(sentence).ranked.len())
                    .sum::<usize>()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, segmentation, extraction, identification);
criterion_main!(benches);
