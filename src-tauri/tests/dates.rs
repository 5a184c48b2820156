//! Dates in the interface's language through the command layer: the words for a view's
//! dates in one call, and a typed date read back in Spanish.

mod common;

use common::Harness;
use serde_json::json;

#[test]
fn date_words_writes_spanish_dates_and_keeps_english_source_words() {
    let h = Harness::new();
    let dates = json!([
        { "edtf": "2021-06", "text": "June 2021", "cadence": null },
        { "edtf": null, "text": "monthly", "cadence": "monthly" },
        { "edtf": null, "text": "early next year", "cadence": null }
    ]);
    let es = h.ok("date_words", json!({ "dates": dates, "lang": "es" }));
    assert_eq!(es, json!(["junio de 2021", "Mensual", "early next year"]));
    let en = h.ok("date_words", json!({ "dates": dates, "lang": "en" }));
    assert_eq!(en, json!(["June 2021", "monthly", "early next year"]));
}

#[test]
fn read_date_explains_in_the_language_asked() {
    let h = Harness::new();
    let es = h.ok("read_date", json!({ "text": "June 2021", "lang": "es" }));
    assert_eq!(es["explanation"], "2021-06: junio de 2021 (mes)");
    assert_eq!(es["date"]["text"], "June 2021");
    let en = h.ok("read_date", json!({ "text": "June 2021", "lang": "en" }));
    assert!(en["explanation"].as_str().unwrap().contains("June 2021"));
}
