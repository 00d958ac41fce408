//! The output of an extraction, exactly as `CONTRACT.md` (v1) specifies it.
//!
//! Every type here is plain owned data with serde derives; the JSON spelling of each kind
//! lives in one `#[serde(rename…)]` attribute so that code never compares strings.

use serde::{Deserialize, Serialize};

use crate::Lang;

/// One extracted document: what `wirelink extract` prints.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The input file name, when the document came from a file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// The 1-based line number, when the document is one line of a `--lines` input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// The language the document was read as.
    pub lang: Lang,
    /// The dispatch date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), from the dateline or the caller.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Every entity a mention names, in order of first mention, then any entity only a
    /// relation names (the country of "son homologue russe").
    pub entities: Vec<Entity>,
    /// Mentions, sorted by offset and never overlapping.
    pub mentions: Vec<Mention>,
    /// Relations, in order of their trigger.
    pub relations: Vec<Relation>,
}

impl Document {
    /// Checks the promises of the contract against the `text` the document was extracted
    /// from: every mention is a slice of the text on char boundaries, its char offsets count
    /// the chars before it, mentions are sorted and disjoint and name an entity of the
    /// document; every entity argument of a relation is an entity of the document, every
    /// text argument and trigger quotes the text, and the trigger lies inside its evidence.
    /// Linear in the text and the document. The error names the first broken promise.
    ///
    /// ```
    /// let text = "Vladimir Poutine est arrivé à Minsk.";
    /// let doc = wirelink::Extractor::bundled().extract(text);
    /// assert_eq!(doc.verify(text), Ok(()));
    /// assert!(doc.verify("another text").is_err());
    /// ```
    pub fn verify(&self, text: &str) -> Result<(), String> {
        let ids: std::collections::HashSet<&str> = self.entities.iter().map(|e| e.id.as_str()).collect();
        let entity = |id: &str| ids.contains(id);
        let (mut last_end, mut chars) = (0, 0);
        for m in &self.mentions {
            if !(m.start < m.end && m.start >= last_end) {
                return Err(format!("mentions not sorted and disjoint at {m:?}"));
            }
            let (Some(gap), Some(quoted)) = (text.get(last_end..m.start), text.get(m.start..m.end)) else {
                return Err(format!("mention off the text or its char boundaries: {m:?}"));
            };
            if quoted != m.text {
                return Err(format!("mention text {:?} is not the input's {quoted:?}", m.text));
            }
            chars += gap.chars().count();
            if m.char_start != chars || m.char_end != chars + quoted.chars().count() {
                return Err(format!("char offsets of {m:?} disagree with its byte offsets"));
            }
            chars = m.char_end;
            last_end = m.end;
            if !entity(&m.entity) {
                return Err(format!("mention of no entity of the document: {m:?}"));
            }
        }
        for r in &self.relations {
            for a in &r.args {
                if let Some(e) = a.entity.as_deref().filter(|e| !entity(e)) {
                    return Err(format!("argument {e} of {r:?} is no entity of the document"));
                }
                match (a.start, a.end, &a.text) {
                    (Some(s), Some(e), Some(t)) if text.get(s..e) == Some(t.as_str()) => {}
                    (None, None, _) => {}
                    _ => return Err(format!("a text argument that does not quote the input: {r:?}")),
                }
            }
            if text.get(r.trigger.start..r.trigger.end) != Some(r.trigger.text.as_str()) {
                return Err(format!("trigger that does not quote the input: {r:?}"));
            }
            if text.get(r.evidence.start..r.evidence.end).is_none()
                || !(r.evidence.start <= r.trigger.start && r.trigger.end <= r.evidence.end)
            {
                return Err(format!("evidence off the text or without its trigger: {r:?}"));
            }
        }
        Ok(())
    }
}

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// A country (id: ISO 3166-1 alpha-3).
    Country,
    /// A city (id: GeoNames id).
    City,
    /// A person (id: slug of the English Wikipedia title).
    Person,
    /// An organization (id: slug of the English Wikipedia title).
    Organization,
}

/// An entity of the document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// The contract id: `BLR`, `491422`, `vladimir-putin`, `european-union`.
    pub id: String,
    /// What the entity is.
    pub kind: EntityKind,
    /// Canonical English name.
    pub name: String,
    /// Country of a city or person (alpha-3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Office a person held on the dispatch date (`president`, `prime_minister`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// `false` for a person the gazetteers do not know; absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub known: Option<bool>,
}

/// How a mention names its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionForm {
    /// A gazetteer name: "Vladimir Poutine", "Bélarus".
    Name,
    /// A later surname-only mention: "Poutine", "M. Loukachenko".
    Partial,
    /// A country adjective: "russe", "Belgische".
    Adjective,
    /// A seat of power or a capital standing for its country: "le Kremlin", "Moscou considère".
    Metonym,
    /// An office standing for its holder on the dispatch date: "son homologue russe".
    Role,
    /// A pronoun or demonstrative resolved to an entity: "celui-ci".
    Coref,
}

/// One mention of an entity in the input text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// UTF-8 byte offset of the first byte in the input.
    pub start: usize,
    /// UTF-8 byte offset one past the last byte.
    pub end: usize,
    /// Unicode scalar offset of the first char.
    pub char_start: usize,
    /// Unicode scalar offset one past the last char.
    pub char_end: usize,
    /// `input[start..end]`, always.
    pub text: String,
    /// The entity id.
    pub entity: String,
    /// How the mention names the entity.
    pub form: MentionForm,
}

/// The relation types of the contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RelationKind {
    /// Participants met (CAMEO 040/042/043).
    MetWith,
    /// Someone was detained (173).
    Detained,
    /// A supplier supplied a recipient (070–074).
    Supplied,
    /// A person leads a country.
    LeaderOf,
    /// A city lies in a country.
    LocatedIn,
    /// A promise (033).
    Promised,
    /// A visit (042).
    Visited,
    /// An accusation (112).
    Accused,
    /// A criticism (111).
    Criticized,
    /// Sanctions (163).
    Sanctioned,
    /// An appeal (010–019).
    CalledOn,
    /// A recognition (054).
    Recognized,
}

impl RelationKind {
    /// Whether the arguments are an unordered set of participants (`met_with`).
    pub fn is_symmetric(self) -> bool {
        matches!(self, RelationKind::MetWith)
    }

    /// The roles that scoring compares (the contract's "core roles").
    pub fn core_roles(self) -> &'static [ArgRole] {
        use ArgRole::*;
        match self {
            RelationKind::MetWith => &[Participant],
            RelationKind::Detained => &[Detainee],
            RelationKind::Supplied => &[Supplier, Recipient],
            RelationKind::LeaderOf => &[Leader, Country],
            RelationKind::LocatedIn => &[City, Country],
            RelationKind::Promised => &[Promiser, Recipient],
            RelationKind::Visited => &[Visitor, Place],
            RelationKind::Accused
            | RelationKind::Criticized
            | RelationKind::Sanctioned
            | RelationKind::CalledOn
            | RelationKind::Recognized => &[Source, Target],
        }
    }
}

/// The role of a relation argument.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ArgRole {
    /// A party to a meeting.
    Participant,
    /// Who was detained.
    Detainee,
    /// Who detained.
    Detainer,
    /// Where (an entity).
    Place,
    /// Who supplied.
    Supplier,
    /// Who received.
    Recipient,
    /// What was supplied, promised or asked for (a text span).
    Item,
    /// The leader of `leader_of`.
    Leader,
    /// The country of `leader_of` or `located_in`.
    Country,
    /// The city of `located_in`.
    City,
    /// Who promised.
    Promiser,
    /// Who visited.
    Visitor,
    /// Who accused, criticized, sanctioned, called on or recognized.
    Source,
    /// Whom.
    Target,
}

/// Whether a relation is asserted by the text or only reported, planned or imagined.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    /// The text states it happened.
    #[default]
    Asserted,
    /// Someone says so ("a annoncé", "according to").
    Reported,
    /// Future: "will meet", "va rencontrer".
    Planned,
    /// Expected, hoped, conditional: "s'attendaient à ce que".
    Hypothetical,
}

/// One argument of a relation: an entity, or a span of text for `item`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Argument {
    /// The argument's role.
    pub role: ArgRole,
    /// The entity id, for entity arguments.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    /// The copied input span, for text arguments.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Byte offset of a text argument.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<usize>,
    /// Byte end of a text argument.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<usize>,
}

/// A span of the input with its text (the trigger of a relation).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextSpan {
    /// UTF-8 byte offset of the first byte.
    pub start: usize,
    /// UTF-8 byte offset one past the last byte.
    pub end: usize,
    /// `input[start..end]`.
    pub text: String,
}

/// A span of the input without its text (the evidence of a relation: its clause).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ByteSpan {
    /// UTF-8 byte offset of the first byte.
    pub start: usize,
    /// UTF-8 byte offset one past the last byte.
    pub end: usize,
}

/// A relation between entities, with the rule and spans that produced it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Relation {
    /// The relation type.
    #[serde(rename = "type")]
    pub kind: RelationKind,
    /// The arguments, in the rule's order.
    pub args: Vec<Argument>,
    /// Where it happened (a city or country id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// When it happened (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// "ne reconnaît plus", "did not meet".
    pub negated: bool,
    /// Asserted, reported, planned or hypothetical.
    pub modality: Modality,
    /// The words that fired the rule.
    pub trigger: TextSpan,
    /// The clause the rule read.
    pub evidence: ByteSpan,
    /// The rule id, `lang.family.name`.
    pub rule: String,
    /// The CAMEO event code, empty for `leader_of` and `located_in`.
    pub cameo: String,
}

impl Relation {
    /// The entity ids of the arguments with this role, in order.
    pub fn entities(&self, role: ArgRole) -> impl Iterator<Item = &str> {
        self.args
            .iter()
            .filter(move |a| a.role == role)
            .filter_map(|a| a.entity.as_deref())
    }
}
