//! The aligner on synthetic documents of 1,000 and 16,000 sentences: time should grow linearly.
//!
//! `cargo bench --bench align`

use std::hint::black_box;

use concord::align::{align, AlignUnit};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};

/// A made-up document of `n` sentences and its "translation": every word replaced by a
/// pseudo-word of about the same length, numbers kept, one sentence in fifty dropped and one in
/// forty split in two.
fn synthetic(n: usize) -> (Vec<String>, Vec<String>) {
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) as usize
    };
    let (mut src, mut tgt) = (Vec::with_capacity(n), Vec::with_capacity(n));
    for k in 0..n {
        let words = 3 + next() % 30;
        let (mut s, mut t) = (Vec::new(), Vec::new());
        for _ in 0..words {
            if next() % 12 == 0 {
                let number = (next() % 5000).to_string();
                s.push(number.clone());
                t.push(number);
            } else {
                let len = 2 + next() % 9;
                let word: String = (0..len)
                    .map(|_| char::from(b'a' + (next() % 26) as u8))
                    .collect();
                t.push(
                    word.bytes()
                        .rev()
                        .map(|b| char::from(b'a' + (b - b'a' + 7) % 26))
                        .collect(),
                );
                s.push(word);
            }
        }
        src.push(s.join(" ") + ".");
        if k % 50 == 49 {
            continue;
        }
        if k % 40 == 39 && t.len() > 4 {
            let half = t.len() / 2;
            tgt.push(t[..half].join(" ") + ".");
            tgt.push(t[half..].join(" ") + ".");
        } else {
            tgt.push(t.join(" ") + ".");
        }
    }
    (src, tgt)
}

fn units(texts: &[String]) -> Vec<AlignUnit<'_>> {
    texts
        .iter()
        .map(|t| AlignUnit {
            text: t,
            paragraph: 0,
            anchors: Vec::new(),
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("align");
    group.sample_size(10);
    for n in [1_000, 16_000] {
        let (src, tgt) = synthetic(n);
        let (s, t) = (units(&src), units(&tgt));
        group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter(|| align(black_box(&s), black_box(&t)))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
