//! wirelink reads news-agency dispatches in French, Dutch and English and extracts who and
//! where — political leaders, countries, cities, organizations — and what happened between
//! them: *met with*, *detained*, *supplied* and more, each relation with its trigger,
//! evidence, negation and modality. Its output is the JSON of `CONTRACT.md` (v1).
//!
//! ```
//! use wirelink::{Extractor, Input, Lang};
//!
//! let extractor = Extractor::builder()
//!     .languages([Lang::Fr, Lang::Nl, Lang::En])
//!     .build()?;                     // every data error surfaces here, as file:line
//! let text = "Vladimir Poutine a reçu Alexandre Loukachenko à Sotchi.";
//! let doc = extractor.extract(Input::new(text).date("2021-02-22"));
//! assert!(doc.mentions.iter().all(|m| &text[m.start..m.end] == m.text));
//! assert_eq!(doc.relations[0].rule, "fr.meet.verb_rencontrer");
//! # Ok::<(), wirelink::Error>(())
//! ```
//!
//! # Tour
//!
//! * [`Extractor`] holds the compiled gazetteers (one aho-corasick automaton over folded
//!   surfaces) and rules; [`Extractor::extract`] returns a [`Document`] and never fails.
//! * [`Input`] carries the per-call options (date, language, file name);
//!   [`Scratch`] holds the buffers a batch caller reuses with [`Extractor::extract_with`].
//! * [`Document`], [`Entity`], [`Mention`], [`Relation`] are the serde types of the contract.
//! * [`eval`] scores documents against gold annotations.
//! * [`output`] writes a document as brat standoff or as a self-contained HTML page.
//!
//! The text is folded once (NFD, marks dropped, lower case, `’` → `'`, `œ` → `oe`, …) with a
//! map back to the original bytes; overlapping automaton hits are resolved by small passes
//! (longest reading, casing, metonyms, dated roles, surnames, references), then rules written
//! as data per language attach arguments around trigger words. `DESIGN.md` says why.

#![deny(missing_docs)]
#![warn(rustdoc::broken_intra_doc_links)]

mod dateline;
mod error;
pub mod eval;
mod extractor;
mod gazetteer;
mod hash;
mod lang;
mod matcher;
mod mention;
mod model;
mod normalize;
pub mod output;
mod relation;
mod segment;

pub use error::{DataError, Error, Result};
pub use extractor::{Builder, Extractor, Input, Scratch};
pub use gazetteer::FILES as GAZETTEER_FILES;
pub use lang::Lang;
pub use model::{
    ArgRole, Argument, ByteSpan, Document, Entity, EntityKind, Mention, MentionForm, Modality, Relation, RelationKind,
    TextSpan,
};

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn public_types_are_send_and_sync() {
        assert_send_sync::<Extractor>();
        assert_send_sync::<Builder>();
        assert_send_sync::<Document>();
        assert_send_sync::<Error>();
        assert_send_sync::<Scratch>();
    }
}

/// The README's examples compile and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
