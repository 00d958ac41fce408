//! Rules as data: the TOML schema of `rules/{fr,nl,en}/*.toml`, parsed with serde.
//! See `rules/README.md` for the fields and a worked example.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::error::{DataError, Error};
use crate::lang::data::toml_error;
use crate::lang::Lang;
use crate::model::{ArgRole, EntityKind, MentionForm, Modality, RelationKind};

/// One rule file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RuleFile {
    #[serde(default)]
    pub rule: Vec<Spanned<RuleSpec>>,
}

/// How a rule finds its arguments.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Frame {
    /// Arguments are found around a trigger in its clause.
    #[default]
    Clause,
    /// A title before a name ("le président russe Vladimir Poutine"): no trigger; the
    /// mention passes record the titles.
    Title,
}

/// Which side of the trigger an argument stands on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Side {
    Before,
    After,
}

/// One argument slot of a rule.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SlotSpec {
    pub role: ArgRole,
    pub side: Side,
    /// The argument must follow one of these words directly ("avec", "par", "au").
    #[serde(default)]
    pub preps: Vec<String>,
    /// Entity kinds accepted (default: person, country, organization).
    #[serde(default)]
    pub kinds: Vec<EntityKind>,
    /// Mention forms accepted (default: all but adjective).
    #[serde(default)]
    pub forms: Vec<MentionForm>,
    /// At most this many words between the trigger and the argument.
    pub max_gap: Option<usize>,
    /// The rule fires only when this slot is filled (default true).
    #[serde(default = "yes")]
    pub required: bool,
    /// Coordinated arguments count too ("X et Y se sont rencontrés").
    #[serde(default)]
    pub group: bool,
    /// A text argument (`item`): the span after one of `preps` to the end of the clause.
    #[serde(default)]
    pub text: bool,
    /// Which fitting mention on the side: the `nearest` (default) or the `first` of the
    /// clause (the subject of a Dutch verb-final clause).
    #[serde(default)]
    pub pick: Pick,
    /// Tried only when no earlier slot of the same role was filled: an alternative place for
    /// the argument ("Zelensky reisde …" / "… reisde Zelensky door naar …").
    #[serde(default)]
    pub fallback: bool,
    /// A mention followed by the possessive 's may fill the slot (default true): the target of
    /// "criticized Russia's invasion" is Russia, but "welcomed Trump's efforts" meets nobody.
    #[serde(default = "yes")]
    pub possessor: bool,
}

fn yes() -> bool {
    true
}

/// Which of the fitting mentions a slot takes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Pick {
    #[default]
    Nearest,
    First,
}

/// An example sentence of a rule, run as a test.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Example {
    pub text: String,
    pub date: Option<String>,
    #[serde(default)]
    pub expect: Vec<Expect>,
}

/// What a rule example must give.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Expect {
    #[serde(rename = "type")]
    pub kind: RelationKind,
    /// Entity ids of the arguments, in the rule's slot order (a set for `met_with`).
    pub args: Vec<String>,
    #[serde(default)]
    pub negated: bool,
    pub modality: Option<Modality>,
}

/// One rule as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RuleSpec {
    pub id: String,
    pub relation: RelationKind,
    #[serde(default)]
    pub cameo: String,
    #[serde(default)]
    pub frame: Frame,
    #[serde(default)]
    pub triggers: Vec<String>,
    /// For the `title` frame: the role kinds that make a leader.
    #[serde(default)]
    pub roles: Vec<String>,
    #[serde(default)]
    pub modality: Modality,
    /// A meeting noun with one participant takes the other from the sentences before
    /// ("a déclaré Poutine lors d'une rencontre": the rencontre with the one named before).
    #[serde(default)]
    pub context: bool,
    /// "le Kosovo et Israël allaient se reconnaître mutuellement": the group of the one
    /// slot is source and target both ways, one relation per ordered pair.
    #[serde(default)]
    pub mutual: bool,
    /// The trigger must end its clause: Dutch verb-final order ("dat Poetin Loekasjenko
    /// dinsdag ontmoette", "heeft … Poetin ontmoet."), where both arguments stand before.
    #[serde(default)]
    pub last: bool,
    #[serde(default)]
    pub args: Vec<SlotSpec>,
    #[serde(default)]
    pub example: Vec<Spanned<Example>>,
}

/// A parsed rule with where it was written.
#[derive(Debug, Clone)]
pub(crate) struct Rule {
    pub spec: RuleSpec,
    pub lang: Lang,
    pub path: PathBuf,
    pub line: usize,
    /// Line of each example.
    pub example_lines: Vec<usize>,
}

fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset).map_or(0, |s| s.matches('\n').count()) + 1
}

/// Parses one rule file and checks what serde cannot.
pub(crate) fn parse(lang: Lang, path: &Path, text: &str, errors: &mut Vec<Error>) -> Vec<Rule> {
    let file: RuleFile = match toml::from_str(text) {
        Ok(f) => f,
        Err(e) => {
            errors.push(toml_error(path, text, e));
            return Vec::new();
        }
    };
    let mut out = Vec::new();
    for spanned in file.rule {
        let line = line_of(text, spanned.span().start);
        let mut spec = spanned.into_inner();
        let example_lines = spec.example.iter().map(|e| line_of(text, e.span().start)).collect();
        let bad = |msg: String| Error::Data { path: path.to_path_buf(), line, kind: DataError::Toml(msg) };
        let prefix = format!("{}.", lang.code());
        if !spec.id.starts_with(&prefix) || spec.id.split('.').count() != 3 {
            errors.push(bad(format!("rule id {:?} must read {}family.name", spec.id, prefix)));
            continue;
        }
        if spec.frame == Frame::Clause && spec.triggers.is_empty() {
            errors.push(bad(format!("{}: a clause rule needs triggers", spec.id)));
            continue;
        }
        if let Some(r) = spec.roles.iter().find(|r| crate::gazetteer::RoleKind::parse(r).is_none()) {
            errors.push(bad(format!("{}: unknown role {r:?}", spec.id)));
            continue;
        }
        if spec.example.iter().all(|e| e.get_ref().expect.is_empty()) || spec.example.iter().all(|e| !e.get_ref().expect.is_empty()) {
            errors.push(bad(format!("{}: a rule needs at least one positive and one negative example", spec.id)));
            continue;
        }
        for slot in &mut spec.args {
            if slot.kinds.is_empty() {
                slot.kinds = vec![EntityKind::Person, EntityKind::Country, EntityKind::Organization];
            }
            if slot.forms.is_empty() {
                use MentionForm::*;
                slot.forms = vec![Name, Partial, Metonym, Role, Coref];
            }
        }
        out.push(Rule { spec, lang, path: path.to_path_buf(), line, example_lines });
    }
    out
}
