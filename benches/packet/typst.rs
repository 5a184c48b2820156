//! The benchmark's baseline: the same content as Typst markup, compiled to PDF/UA-1 by the
//! PyPI `typst` package in a child Python (`BENCH_PYTHON`).

use briefbook::model::*;
use std::fmt::Write as _;
use std::path::Path;

fn typst_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\#*_`$<>@[]~/=-+\"'".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The same content as Typst markup: headings, paragraphs, a timeline table, page footer.
pub fn typst_source(record: &Record) -> String {
    let mut s = String::new();
    s.push_str("#set page(paper: \"us-letter\", margin: (x: 68pt, top: 74pt, bottom: 76pt), header: [#text(8pt)[SBU #h(1fr) Benchmark packet]], footer: context [#text(8pt)[Prepared on: December 10, 2021 #h(1fr) Page #counter(page).display() of #counter(page).final().first()]])\n");
    // PDF/UA-1 needs a document title and language.
    s.push_str(
        "#set document(title: \"Benchmark packet\")\n#set text(font: \"Noto Sans\", size: 10pt, lang: \"en\")\n#set par(justify: true)\n",
    );
    s.push_str("#align(center)[#text(27pt, weight: \"bold\")[Benchmark packet]]\n#pagebreak()\n#outline()\n");
    let mut timeline = Vec::new();
    for pillar in &record.dialogues[0].pillars {
        let _ = writeln!(
            s,
            "#pagebreak()\n= Pillar {} {}",
            roman(pillar.number),
            typst_escape(&pillar.title)
        );
        for i in &pillar.initiatives {
            let _ = writeln!(s, "== {}", typst_escape(&i.title));
            if let Some(summary) = &i.summary {
                let _ = writeln!(s, "_{}_\n", typst_escape(summary));
            }
            for e in &i.entries {
                let date = e.date.as_ref().map(|d| d.text.clone()).unwrap_or_default();
                let _ = writeln!(
                    s,
                    "- *{}* {}\n  #text(8.5pt)[{} · {}]",
                    typst_escape(&date),
                    typst_escape(&e.text),
                    e.status,
                    e.agencies.join(", ")
                );
                if !date.is_empty() {
                    timeline.push((
                        date,
                        pillar.number,
                        i.title.clone(),
                        e.text.clone(),
                        e.status,
                        e.agencies.join(", "),
                    ));
                }
            }
        }
    }
    timeline.sort_by(|a, b| a.0.cmp(&b.0));
    s.push_str("#pagebreak()\n= Timeline\n#set text(8.5pt)\n#table(columns: (17%, 7%, 48%, 12%, 16%), table.header[*Date*][*Pillar*][*Entry*][*Status*][*Agencies*],\n");
    for (date, p, title, text, status, agencies) in timeline {
        let _ = writeln!(
            s,
            "[{}], [{}], [*{}.* {}], [{}], [{}],",
            typst_escape(&date),
            roman(p),
            typst_escape(&title),
            typst_escape(&text),
            status,
            typst_escape(&agencies)
        );
    }
    s.push_str(")\n");
    s
}

/// Compiles to PDF/UA-1 with the PyPI `typst` package; returns (compile ms, max RSS MiB,
/// size bytes).
pub fn typst(source: &str, dir: &Path) -> Option<(f64, f64, usize)> {
    let input = dir.join("packet.typ");
    let output = dir.join("packet.pdf");
    std::fs::write(&input, source).ok()?;
    let fonts = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/fonts");
    let script = format!(
        "import resource, time, typst\nt = time.perf_counter()\ntypst.compile({:?}, output={:?}, font_paths=[{:?}], pdf_standards=[\"ua-1\"])\nprint((time.perf_counter() - t) * 1000, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)",
        input.display().to_string(),
        output.display().to_string(),
        fonts.display().to_string()
    );
    let python = std::env::var("BENCH_PYTHON").unwrap_or_else(|_| "python3".into());
    let out = std::process::Command::new(python)
        .arg("-c")
        .arg(script)
        .output()
        .ok()?;
    if !out.status.success() {
        eprintln!("typst failed: {}", String::from_utf8_lossy(&out.stderr));
        return None;
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let mut parts = text
        .split_whitespace()
        .map(|p| p.parse::<f64>().unwrap_or(0.0));
    let ms = parts.next()?;
    let rss = parts.next()?;
    Some((ms, rss, std::fs::metadata(&output).ok()?.len() as usize))
}
