//! Negation and modality: cue words per language (`rules/LANG/polarity.toml`).
//!
//! * negated: a `before` cue among the few words before the trigger ("ne reconnaît plus",
//!   "n'a pas rencontré", "did not meet"), an `after` cue right after it, or a `clause` cue
//!   anywhere in the clause (Dutch "ontmoette Poetin niet").
//! * modality: the strongest cue before the trigger in its sentence, hypothetical >
//!   planned > reported, or the rule's own (future forms are planned).

use std::ops::Range;
use std::path::Path;

use serde::Deserialize;

use crate::error::Error;
use crate::lang::data::toml_error;
use crate::lang::Words;
use crate::model::Modality;
use crate::segment::Token;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    negation: RawNegation,
    modality: RawModality,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNegation {
    before: Vec<String>,
    #[serde(default)]
    after: Vec<String>,
    #[serde(default)]
    clause: Vec<String>,
    window: usize,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawModality {
    reported: Vec<String>,
    planned: Vec<String>,
    hypothetical: Vec<String>,
}

/// The cues of one language.
#[derive(Debug, Clone)]
pub(crate) struct Polarity {
    before: Words,
    after: Words,
    clause: Words,
    window: usize,
    /// Strongest first.
    modal: [(Modality, Words); 3],
}

impl Polarity {
    pub fn parse(path: &Path, text: &str) -> Result<Polarity, Error> {
        let raw: Raw = toml::from_str(text).map_err(|e| toml_error(path, text, e))?;
        Ok(Polarity {
            before: Words::new(&raw.negation.before),
            after: Words::new(&raw.negation.after),
            clause: Words::new(&raw.negation.clause),
            window: raw.negation.window,
            modal: [
                (Modality::Hypothetical, Words::new(&raw.modality.hypothetical)),
                (Modality::Planned, Words::new(&raw.modality.planned)),
                (Modality::Reported, Words::new(&raw.modality.reported)),
            ],
        })
    }

    /// Whether the trigger at tokens `trigger` is negated within `clause`.
    pub fn negated(&self, folded: &str, tokens: &[Token], trigger: Range<usize>, clause: Range<usize>) -> bool {
        // Words before the trigger, back to a punctuation mark or `window` words.
        let mut words = 0;
        let mut i = trigger.start;
        while i > clause.start && words < self.window {
            i -= 1;
            let t = tokens[i];
            if !t.word && !matches!(t.text(folded), "'" | "-") {
                break;
            }
            if self.before.match_at(folded, tokens, i).is_some() {
                return true;
            }
            words += usize::from(t.word);
        }
        if trigger.end < clause.end && self.after.match_at(folded, tokens, trigger.end).is_some() {
            return true;
        }
        (clause.start..clause.end).any(|i| self.clause.match_at(folded, tokens, i).is_some())
    }

    /// The modality cues give to a trigger at token `trigger` of a sentence starting at
    /// token `sentence_start`.
    pub fn modality(&self, folded: &str, tokens: &[Token], sentence_start: usize, trigger: usize) -> Modality {
        for (m, words) in &self.modal {
            if (sentence_start..trigger).any(|i| words.match_at(folded, tokens, i).is_some_and(|n| i + n <= trigger)) {
                return *m;
            }
        }
        Modality::Asserted
    }
}

/// How strong a modality is: a cue only ever makes a relation less certain.
pub(crate) fn strength(m: Modality) -> u8 {
    match m {
        Modality::Asserted => 0,
        Modality::Reported => 1,
        Modality::Planned => 2,
        Modality::Hypothetical => 3,
    }
}
