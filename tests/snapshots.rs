//! The exact output on every annotated dispatch, as insta snapshots. A snapshot shows that
//! the output changed; `tests/gold.rs` decides whether it got better. Review with
//! `cargo insta review`; CI never writes snapshots (`INSTA_UPDATE=no`).

use wirelink::{Extractor, Input};

#[test]
fn dispatches() {
    insta::glob!("dispatches/**/*.txt", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let doc = Extractor::bundled().extract(Input::new(&text));
        insta::assert_json_snapshot!(doc);
    });
}
