//! Parse time of the seed fact sheet and of a generated ~1 MB document.
//! Targets (issue 3): seed import <= 5 ms including the store; 1 MB <= 200 ms.
//! Run: `cargo bench --bench import`.

use briefbook::import::{parse_document, read_text, BUILTIN_NAME, BUILTIN_SOURCE};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

/// A fact sheet of about `target` bytes: numbered pillars, initiatives with a summary,
/// bullets and nested bullets with dates, agencies and status words.
fn generated_document(target: usize) -> String {
    let bullets = [
        "The United States and Mexico intend to meet monthly to advance the Working Group's goals on supply chains and trade facilitation across the border.",
        "USAID and the Mexican Agency for International Development Cooperation (AMEXCID) signed a MOU in June 2021 and have developed an action plan to be completed over the coming year.",
        "The Mexican sanitary agency (COFEPRIS) and the United States Patent and Trademark Office are finalizing a proposal on regulatory convergence, with a launch planned in July 2022.",
        "Both governments carried out a virtual trade mission on October 25, 2021, which provided an opportunity to exchange information and explore commercial collaboration.",
        "Se firmó un memorándum entre la Secretaría de Economía y USTR el 12 de septiembre de 2022 para fortalecer las cadenas de suministro.",
    ];
    let mut doc = String::from("U.S.-Mexico High-Level Economic Dialogue (HLED) Fact Sheet\n\nFOR IMMEDIATE RELEASE\n\nMonday, December 13, 2021\n\nThe United States and Mexico agree to work on the pillars of the [HLED](#), relaunched on September 9, 2021.\n\n");
    let mut pillar = 0;
    while doc.len() < target {
        pillar += 1;
        doc.push_str(&format!(
            "Pillar {pillar}: Building Back Together Part {pillar}\n\n"
        ));
        for initiative in 1..=10 {
            doc.push_str(&format!(
                "Strengthening Supply Chains Cooperation {pillar}.{initiative}\n\n"
            ));
            doc.push_str("- Seeks opportunities to complement supply chain needs of both countries by establishing a Working Group.\n");
            for (i, bullet) in bullets.iter().cycle().take(12).enumerate() {
                let indent = if i % 4 == 3 { " " } else { "" };
                doc.push_str(&format!(
                    "{indent}- {bullet} (item {pillar}.{initiative}.{i})\n"
                ));
            }
            doc.push('\n');
        }
    }
    doc
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("import");
    group.throughput(Throughput::Bytes(BUILTIN_SOURCE.len() as u64));
    group.bench_function("parse seed fact sheet", |b| {
        b.iter(|| parse_document(black_box(BUILTIN_SOURCE), BUILTIN_NAME))
    });
    let big = generated_document(1024 * 1024);
    group.throughput(Throughput::Bytes(big.len() as u64));
    group.sample_size(10);
    group.bench_function("parse 1 MB document", |b| {
        b.iter(|| parse_document(black_box(&big), "generated.txt"))
    });
    group.bench_function("decode 1 MB document", |b| {
        b.iter(|| read_text(black_box(big.as_bytes()), "generated.txt"))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
