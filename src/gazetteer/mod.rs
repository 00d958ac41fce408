//! The gazetteers: entities, their surfaces in every language, and dated offices.
//!
//! `format.rs` parses the TSV files, `load.rs` checks them and builds a [`Gazetteer`],
//! `compile.rs` folds every surface into the pattern list of the matcher.

pub(crate) mod compile;
pub(crate) mod format;
mod load;

use crate::hash::FastMap;

pub(crate) use format::{Day, LangMask};
pub(crate) use load::{load, Source};
pub use load::FILES;

use crate::model::EntityKind;

/// Dense index of an entity in [`Gazetteer::entities`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct EntityId(pub u32);

/// An office a person can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum OfficeKind {
    President,
    PrimeMinister,
    Chancellor,
    ForeignMinister,
    Monarch,
    SecretaryGeneral,
}

impl OfficeKind {
    const ALL: [OfficeKind; 6] = [
        OfficeKind::President,
        OfficeKind::PrimeMinister,
        OfficeKind::Chancellor,
        OfficeKind::ForeignMinister,
        OfficeKind::Monarch,
        OfficeKind::SecretaryGeneral,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            OfficeKind::President => "president",
            OfficeKind::PrimeMinister => "prime_minister",
            OfficeKind::Chancellor => "chancellor",
            OfficeKind::ForeignMinister => "foreign_minister",
            OfficeKind::Monarch => "monarch",
            OfficeKind::SecretaryGeneral => "secretary_general",
        }
    }

    pub fn parse(s: &str) -> Option<OfficeKind> {
        OfficeKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Whether the holder leads a country (heads of state and of government).
    pub fn leads(self) -> bool {
        matches!(
            self,
            OfficeKind::President | OfficeKind::PrimeMinister | OfficeKind::Chancellor | OfficeKind::Monarch
        )
    }
}

/// What a role noun names: an office, the country's leader, or a counterpart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum RoleKind {
    Office(OfficeKind),
    /// The office in the country's `leader` column ("dirigeant", "leider").
    Leader,
    /// The office of the person the text is about, in another country ("homologue").
    Counterpart,
}

impl RoleKind {
    pub fn parse(s: &str) -> Option<RoleKind> {
        match s {
            "leader" => Some(RoleKind::Leader),
            "counterpart" => Some(RoleKind::Counterpart),
            _ => OfficeKind::parse(s).map(RoleKind::Office),
        }
    }
}

/// One entity of the gazetteers.
#[derive(Debug, Clone)]
pub(crate) struct EntityRec {
    pub id: String,
    pub kind: EntityKind,
    pub name: String,
    /// Country of a city or person.
    pub country: Option<EntityId>,
    /// Population of a city (0 when unknown).
    pub population: u64,
    /// For a country: its capital city.
    pub capital: Option<EntityId>,
    /// For a city: the country it is the capital of.
    pub capital_of: Option<EntityId>,
    /// For a country: the office whose holder leads it.
    pub leader: Option<OfficeKind>,
}

/// One term of office.
#[derive(Debug, Clone)]
pub(crate) struct Office {
    pub person: EntityId,
    pub kind: OfficeKind,
    /// Country or organization.
    pub of: EntityId,
    pub start: Day,
    pub end: Option<Day>,
}

impl Office {
    pub fn holds_on(&self, day: Day) -> bool {
        self.start <= day && self.end.is_none_or(|e| day <= e)
    }
}

/// How a surface names its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum SurfaceForm {
    Name,
    /// A surname: a later mention is `partial`.
    Short,
    Adjective,
    Metonym,
}

/// What a matched surface can mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Reading {
    Entity { entity: EntityId, form: SurfaceForm },
    Role(RoleKind),
}

/// One reading of a surface, with the languages it is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct SurfaceEntry {
    pub reading: Reading,
    pub langs: LangMask,
    /// Written in capitals only in the gazetteer (`UE`, `NATO`): matches only capitals.
    pub acronym: bool,
}

/// The checked gazetteer data, before compilation into the matcher.
#[derive(Debug, Default)]
pub(crate) struct Gazetteer {
    pub entities: Vec<EntityRec>,
    pub by_id: FastMap<String, EntityId>,
    /// Sorted by person, then start ([`Gazetteer::index_offices`]).
    pub offices: Vec<Office>,
    /// Indices into `offices`, sorted by office holder (`of`), kind and start.
    pub offices_by_holder: Vec<u32>,
    /// Every surface as written, with its reading.
    pub surfaces: Vec<(String, SurfaceEntry)>,
    /// Frequent words (folded) and their frequency rank in each language (`Lang::index`; 0:
    /// not among that language's frequent words), from `common_words.tsv`.
    pub common_words: FastMap<String, [u32; 3]>,
}

impl Gazetteer {
    /// The frequency rank of a folded word in `lang`, if it is one of its frequent words.
    pub fn word_rank(&self, word: &str, lang: crate::lang::Lang) -> Option<u32> {
        self.common_words.get(word).map(|r| r[lang.index()]).filter(|&r| r != 0)
    }

    pub fn entity(&self, id: EntityId) -> &EntityRec {
        &self.entities[id.0 as usize]
    }

    /// Sorts the offices and builds their index by holder: both lookups below are binary
    /// searches, not scans of every term of office.
    pub fn index_offices(&mut self) {
        self.offices.sort_by_key(|o| (o.person, o.start, o.kind as u8, o.of));
        let mut by_holder: Vec<u32> = (0..self.offices.len() as u32).collect();
        by_holder.sort_by_key(|&i| {
            let o = &self.offices[i as usize];
            (o.of, o.kind as u8, o.start)
        });
        self.offices_by_holder = by_holder;
    }

    /// Every term of office of `person`, by start.
    pub fn offices_of(&self, person: EntityId) -> &[Office] {
        let from = self.offices.partition_point(|o| o.person < person);
        let to = self.offices.partition_point(|o| o.person <= person);
        &self.offices[from..to]
    }

    /// Every term of `kind` of `of`, by start.
    pub fn terms(&self, kind: OfficeKind, of: EntityId) -> impl Iterator<Item = &Office> {
        let key = |i: &u32| {
            let o = &self.offices[*i as usize];
            (o.of, o.kind as u8)
        };
        let from = self.offices_by_holder.partition_point(|i| key(i) < (of, kind as u8));
        let to = self.offices_by_holder.partition_point(|i| key(i) <= (of, kind as u8));
        self.offices_by_holder[from..to].iter().map(|&i| &self.offices[i as usize])
    }

    /// Who held `kind` of `of` on `day`. On a day of handover (or in a month where a date is
    /// known only to the month) the term that started last wins.
    pub fn holder(&self, kind: OfficeKind, of: EntityId, day: Day) -> Option<EntityId> {
        self.terms(kind, of).filter(|o| o.holds_on(day)).max_by_key(|o| o.start).map(|o| o.person)
    }
}
