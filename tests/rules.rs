//! Every rule's examples run: a rule whose example gives another result fails with the
//! rule file and line (`src/relation/rules/fr/meet.toml:9: fr.meet.…: example 2 expected …`).

use wirelink::Extractor;

#[test]
fn every_rule_example_gives_what_it_says() {
    let ex = Extractor::builder().build().expect("bundled data loads");
    if let Err(e) = ex.check_examples() {
        let lines: Vec<String> = e.flatten().iter().map(|e| e.to_string()).collect();
        panic!(
            "{} rule example(s) failed:\n{}\nhelp: fix the rule (triggers, args) or the example in the file and line named",
            lines.len(),
            lines.join("\n")
        );
    }
}
