//! The live page-count estimate stays close to the real count.
mod common;
use briefbook::import::builtin_record;
use briefbook::packet::{assemble, PacketSpec};
use briefbook::render::{estimate_pages, render_pdf};

#[test]
fn estimate_is_within_a_third_of_the_real_page_count() {
    let records = [common::record(), builtin_record().record];
    for record in &records {
        for json in [
            "{}",
            r#"{"filters":{"pillars":[2]}}"#,
            r#"{"lang":"es","page":"a4"}"#,
        ] {
            let packet = assemble(&PacketSpec::from_json(json).unwrap(), record, &[]).unwrap();
            let real = render_pdf(&packet).unwrap().pages as f32;
            let estimate = estimate_pages(&packet) as f32;
            eprintln!("{json}: estimate {estimate}, real {real}");
            assert!(
                (estimate - real).abs() <= (real / 3.0).max(2.0),
                "{json}: estimate {estimate}, real {real}"
            );
        }
    }
}
