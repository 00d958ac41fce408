//! The gold annotation types: a contract document plus the gold-only keys.

use serde::{Deserialize, Serialize};

use super::brat::BratError;
use crate::model::{ArgRole, Entity, MentionForm, Modality, RelationKind};
use crate::Lang;

// ---------------------------------------------------------------------------------------------
// Gold types
// ---------------------------------------------------------------------------------------------

/// A gold annotation: the contract's document plus the gold-only keys. Unknown keys are ignored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldDocument {
    /// The annotated file (`NAME.txt`); names the document in misses and extras.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// The language of the dispatch; the per-language scores are keyed by it.
    pub lang: Lang,
    /// The dispatch date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The entities, with their kinds (an entity missing here takes the system's kind).
    #[serde(default)]
    pub entities: Vec<Entity>,
    /// The mentions a careful reader finds.
    #[serde(default)]
    pub mentions: Vec<GoldMention>,
    /// The relations a careful reader finds.
    #[serde(default)]
    pub relations: Vec<GoldRelation>,
    /// Relations a careful reader would never extract; each one found is a false positive.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub must_not: Vec<GoldRelation>,
    /// Free text for the annotator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl GoldDocument {
    /// Parses a `.gold.json` file.
    ///
    /// # Errors
    ///
    /// The JSON is malformed or a required key (`lang`, a mention's offsets, a relation's
    /// `type`) is missing or misspelled; the error says where.
    pub fn from_json(json: &str) -> Result<GoldDocument, serde_json::Error> {
        serde_json::from_str(json)
    }

    /// Reads brat standoff (a `NAME.ann` file) of `text` as the gold of a document in `lang`:
    /// entity spans with their `wirelink:` reference are mentions, `R` and `E` lines are
    /// relations, `Negated`, `Modality` and `Optional` attributes fill the same keys. The
    /// inverse of [`crate::output::brat::standoff`]; `docs/VIEWS.md` describes the format.
    /// There is no `must_not` in standoff.
    ///
    /// # Errors
    ///
    /// A malformed line, an id defined twice or never defined, offsets past the text, a span
    /// whose quoted text differs from the text at its offsets, an unknown type or role, or a
    /// mention without a reference; the error gives the line.
    pub fn from_brat(ann: &str, text: &str, lang: Lang) -> Result<GoldDocument, BratError> {
        super::brat::read(ann, text, lang)
    }
}

/// A gold mention. Only `char_start`, `char_end` and `entity` are compared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldMention {
    /// UTF-8 byte offset of the first byte.
    pub start: usize,
    /// UTF-8 byte offset one past the last byte.
    pub end: usize,
    /// Unicode scalar offset of the first char.
    pub char_start: usize,
    /// Unicode scalar offset one past the last char.
    pub char_end: usize,
    /// The mentioned text.
    pub text: String,
    /// The entity id.
    pub entity: String,
    /// How the mention names the entity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<MentionForm>,
    /// Finding it or not costs nothing.
    #[serde(default, skip_serializing_if = "is_false")]
    pub optional: bool,
    /// Free text for the annotator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A gold relation (also the shape of a `must_not` entry). Only the type, `negated` and the
/// entity ids of the core roles are compared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldRelation {
    /// The relation type.
    #[serde(rename = "type")]
    pub kind: RelationKind,
    /// The arguments.
    #[serde(default)]
    pub args: Vec<GoldArgument>,
    /// Whether the text denies it ("ne reconnaît plus"); absent means `false`.
    #[serde(default)]
    pub negated: bool,
    /// Asserted, reported, planned or hypothetical (not scored).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modality: Option<Modality>,
    /// Where it happened (not scored).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// When it happened (not scored).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Finding it or not costs nothing.
    #[serde(default, skip_serializing_if = "is_false")]
    pub optional: bool,
    /// Free text for the annotator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A gold relation argument: an entity (one id or several acceptable ones) or a text span.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldArgument {
    /// The argument's role.
    pub role: ArgRole,
    /// The acceptable entity ids, for entity arguments.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<GoldIds>,
    /// The text, for text arguments such as `item` (not scored).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Byte offset of a text argument.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<usize>,
    /// Byte end of a text argument.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<usize>,
}

/// The entity of a gold argument: `"RUS"` or `["RUS", "vladimir-putin"]` (either one scores).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum GoldIds {
    /// The one right id.
    One(String),
    /// Every acceptable id, the preferred one first.
    Any(Vec<String>),
}

impl GoldIds {
    /// The acceptable ids, the preferred one first.
    pub fn ids(&self) -> &[String] {
        match self {
            GoldIds::One(id) => std::slice::from_ref(id),
            GoldIds::Any(ids) => ids,
        }
    }

    /// Whether a system argument with this id matches.
    pub fn accepts(&self, id: &str) -> bool {
        self.ids().iter().any(|ok| ok == id)
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

