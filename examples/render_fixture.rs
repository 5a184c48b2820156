//! Renders the test fixture to a PDF: `cargo run --example render_fixture -- OUT.pdf [SPEC.json]`.
use briefbook::packet::{assemble, PacketSpec};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let record = serde_json::from_str(&std::fs::read_to_string("tests/fixtures/hled-mini.json")?)?;
    let spec = match args.get(2) {
        Some(path) => PacketSpec::from_json(&std::fs::read_to_string(path)?)?,
        None => PacketSpec::default(),
    };
    let packet = assemble(&spec, &record, &[])?;
    let rendered = briefbook::render::render_pdf(&packet)?;
    std::fs::write(&args[1], &rendered.bytes)?;
    eprintln!(
        "{} pages, {} bytes, warnings {:?}",
        rendered.pages,
        rendered.bytes.len(),
        rendered.warnings
    );
    Ok(())
}
