//! Reading the gazetteer files and checking them: ids unique and well formed, references
//! resolved, terms of office ordered. Every bad line is reported, not just the first.

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::format::{self, data, rows, Row, ALL_LANGS};
use super::{EntityId, EntityRec, Gazetteer, Office, OfficeKind, Reading, RoleKind, SurfaceEntry, SurfaceForm};
use crate::error::{DataError, Error};
use crate::model::EntityKind;

/// The gazetteer files, in load order (countries first: the others refer to them): what a
/// folder given to [`Builder::gazetteers`](crate::Builder::gazetteers) holds.
pub const FILES: [&str; 8] = [
    "countries.tsv",
    "cities.tsv",
    "persons.tsv",
    "organizations.tsv",
    "offices.tsv",
    "roles.tsv",
    // Optional: extra surfaces for any entity, and the common words of each language.
    "surfaces.tsv",
    "common_words.tsv",
];

/// Files a gazetteer directory may leave out.
const OPTIONAL: [&str; 2] = ["surfaces.tsv", "common_words.tsv"];

/// One data file: where it comes from (for messages) and its text.
pub(crate) struct Source {
    pub path: PathBuf,
    pub text: Cow<'static, str>,
}

impl Source {
    pub fn read(dir: &Path, name: &str) -> Result<Option<Source>, Error> {
        let path = dir.join(name);
        match std::fs::read_to_string(&path) {
            Ok(text) => Ok(Some(Source { path, text: Cow::Owned(text) })),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && OPTIONAL.contains(&name) => Ok(None),
            Err(source) => Err(Error::Io { path, source }),
        }
    }
}

const COUNTRIES: [&str; 7] = ["id", "name", "capital", "leader", "names", "adjectives", "metonyms"];
const CITIES: [&str; 5] = ["id", "name", "country", "population", "names"];
const PERSONS: [&str; 5] = ["id", "name", "country", "names", "short"];
const ORGANIZATIONS: [&str; 3] = ["id", "name", "names"];
const OFFICES: [&str; 5] = ["person", "role", "of", "start", "end"];
const ROLES: [&str; 2] = ["role", "surfaces"];
const SURFACES: [&str; 3] = ["entity", "form", "surfaces"];
const COMMON_WORDS: [&str; 3] = ["lang", "word", "rank"];

struct Loader {
    g: Gazetteer,
    /// Where each id was defined: (file, line).
    defined: HashMap<String, usize>,
    errors: Vec<Error>,
    /// Capitals to resolve once cities are loaded: (country, city id, file, line).
    capitals: Vec<(EntityId, String, PathBuf, usize)>,
}

/// Loads and checks the gazetteer files, given by name (see [`FILES`]).
pub(crate) fn load(sources: &[(&str, Source)]) -> Result<Gazetteer, Error> {
    let mut l = Loader { g: Gazetteer::default(), defined: HashMap::new(), errors: Vec::new(), capitals: Vec::new() };
    let get = |name: &str| sources.iter().find(|(n, _)| *n == name).map(|(_, s)| s);
    for name in FILES {
        let Some(src) = get(name) else { continue };
        let path = src.path.as_path();
        match name {
            "countries.tsv" => l.countries(path, &src.text),
            "cities.tsv" => l.cities(path, &src.text),
            "persons.tsv" => l.persons(path, &src.text),
            "organizations.tsv" => l.organizations(path, &src.text),
            "offices.tsv" => l.offices(path, &src.text),
            "roles.tsv" => l.roles(path, &src.text),
            "common_words.tsv" => l.common_words(path, &src.text),
            _ => l.extra_surfaces(path, &src.text),
        }
        if name == "cities.tsv" {
            l.resolve_capitals();
        }
    }
    match Error::gather(l.errors) {
        Some(e) => Err(e),
        None => {
            l.g.index_offices();
            Ok(l.g)
        }
    }
}

impl Loader {
    fn add_entity(&mut self, path: &Path, row: &Row, rec: EntityRec) -> Option<EntityId> {
        if let Some(&first) = self.defined.get(&rec.id) {
            self.errors.push(data(path, row.line, DataError::Duplicate { id: rec.id, first }));
            return None;
        }
        let id = EntityId(self.g.entities.len() as u32);
        self.defined.insert(rec.id.clone(), row.line);
        self.g.by_id.insert(rec.id.clone(), id);
        self.g.entities.push(rec);
        Some(id)
    }

    fn check_id(&mut self, path: &Path, row: &Row, id: &str, kind: EntityKind) -> bool {
        let (ok, expected) = match kind {
            EntityKind::Country => (
                id.len() == 3 && id.bytes().all(|b| b.is_ascii_uppercase()),
                "a country id is ISO 3166-1 alpha-3 in capitals",
            ),
            EntityKind::City => (!id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()), "a city id is a GeoNames id"),
            EntityKind::Person | EntityKind::Organization => (
                !id.is_empty()
                    && !id.starts_with('-')
                    && !id.ends_with('-')
                    && !id.contains("--")
                    && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "a slug is ASCII lower case with '-' between words",
            ),
        };
        if !ok {
            self.errors.push(data(path, row.line, DataError::BadId { id: id.to_string(), expected }));
        }
        ok
    }

    fn required(&mut self, path: &Path, row: &Row, idx: usize, column: &'static str) -> bool {
        if row.cells[idx].is_empty() {
            self.errors.push(data(path, row.line, DataError::Empty { column }));
            return false;
        }
        true
    }

    fn country_ref(&mut self, path: &Path, row: &Row, value: &str) -> Option<EntityId> {
        match self.g.by_id.get(value) {
            Some(&id) if self.g.entity(id).kind == EntityKind::Country => Some(id),
            _ => {
                self.errors.push(data(path, row.line, DataError::UnknownCountry(value.to_string())));
                None
            }
        }
    }

    fn add_surfaces(&mut self, path: &Path, row: &Row, cell: &str, reading: Reading) {
        match format::surfaces(cell) {
            Ok(list) => {
                for (langs, s) in list {
                    self.push_surface(path, row, s, langs, reading);
                }
            }
            Err(e) => self.errors.push(data(path, row.line, e)),
        }
    }

    fn push_surface(&mut self, path: &Path, row: &Row, s: &str, langs: format::LangMask, reading: Reading) {
        if crate::normalize::fold(s).trim().is_empty() {
            self.errors.push(data(path, row.line, DataError::EmptySurface(s.to_string())));
            return;
        }
        let letters = s.chars().filter(|c| c.is_alphabetic()).count();
        let acronym = letters >= 2 && s.chars().all(|c| !c.is_lowercase());
        self.g.surfaces.push((s.to_string(), SurfaceEntry { reading, langs, acronym }));
    }

    fn entity_row(&mut self, path: &Path, row: &Row, kind: EntityKind) -> Option<EntityId> {
        let (id, name) = (row.cells[0], row.cells[1]);
        if !self.required(path, row, 0, "id") || !self.required(path, row, 1, "name") {
            return None;
        }
        if !self.check_id(path, row, id, kind) {
            return None;
        }
        let rec = EntityRec {
            id: id.to_string(),
            kind,
            name: name.to_string(),
            country: None,
            population: 0,
            capital: None,
            capital_of: None,
            leader: None,
        };
        let eid = self.add_entity(path, row, rec)?;
        self.push_surface(path, row, name, ALL_LANGS, Reading::Entity { entity: eid, form: SurfaceForm::Name });
        Some(eid)
    }

    fn countries(&mut self, path: &Path, text: &str) {
        for row in rows(path, text, &COUNTRIES, &mut self.errors) {
            let Some(id) = self.entity_row(path, &row, EntityKind::Country) else { continue };
            let c = &row.cells;
            if !c[2].is_empty() {
                self.capitals.push((id, c[2].to_string(), path.to_path_buf(), row.line));
            }
            if !c[3].is_empty() {
                match OfficeKind::parse(c[3]) {
                    Some(k) => self.g.entities[id.0 as usize].leader = Some(k),
                    None => self.errors.push(data(path, row.line, unknown_role(c[3], false))),
                }
            }
            self.add_surfaces(path, &row, c[4], Reading::Entity { entity: id, form: SurfaceForm::Name });
            self.add_surfaces(path, &row, c[5], Reading::Entity { entity: id, form: SurfaceForm::Adjective });
            self.add_surfaces(path, &row, c[6], Reading::Entity { entity: id, form: SurfaceForm::Metonym });
        }
    }

    fn cities(&mut self, path: &Path, text: &str) {
        for row in rows(path, text, &CITIES, &mut self.errors) {
            let Some(id) = self.entity_row(path, &row, EntityKind::City) else { continue };
            let c = &row.cells;
            let country = self.country_ref(path, &row, c[2]);
            let population = match c[3].parse::<u64>() {
                Ok(n) => n,
                Err(_) if c[3].is_empty() => 0,
                Err(_) => {
                    self.errors.push(data(path, row.line, DataError::Number { column: "population", value: c[3].to_string() }));
                    0
                }
            };
            let rec = &mut self.g.entities[id.0 as usize];
            rec.country = country;
            rec.population = population;
            self.add_surfaces(path, &row, c[4], Reading::Entity { entity: id, form: SurfaceForm::Name });
        }
    }

    fn resolve_capitals(&mut self) {
        for (country, city, path, line) in std::mem::take(&mut self.capitals) {
            match self.g.by_id.get(&city) {
                Some(&cid) if self.g.entity(cid).kind == EntityKind::City => {
                    self.g.entities[country.0 as usize].capital = Some(cid);
                    self.g.entities[cid.0 as usize].capital_of = Some(country);
                }
                _ => self.errors.push(data(&path, line, DataError::Unknown {
                    what: "capital",
                    value: city,
                    expected: "a city id of cities.tsv".to_string(),
                })),
            }
        }
    }

    fn persons(&mut self, path: &Path, text: &str) {
        for row in rows(path, text, &PERSONS, &mut self.errors) {
            let Some(id) = self.entity_row(path, &row, EntityKind::Person) else { continue };
            let c = &row.cells;
            if !c[2].is_empty() {
                self.g.entities[id.0 as usize].country = self.country_ref(path, &row, c[2]);
            }
            self.add_surfaces(path, &row, c[3], Reading::Entity { entity: id, form: SurfaceForm::Name });
            self.add_surfaces(path, &row, c[4], Reading::Entity { entity: id, form: SurfaceForm::Short });
        }
    }

    fn organizations(&mut self, path: &Path, text: &str) {
        for row in rows(path, text, &ORGANIZATIONS, &mut self.errors) {
            let Some(id) = self.entity_row(path, &row, EntityKind::Organization) else { continue };
            self.add_surfaces(path, &row, row.cells[2], Reading::Entity { entity: id, form: SurfaceForm::Name });
        }
    }

    fn offices(&mut self, path: &Path, text: &str) {
        for row in rows(path, text, &OFFICES, &mut self.errors) {
            let c = &row.cells;
            let person = match self.g.by_id.get(c[0]) {
                Some(&p) if self.g.entity(p).kind == EntityKind::Person => p,
                _ => {
                    self.errors.push(data(path, row.line, DataError::UnknownPerson(c[0].to_string())));
                    continue;
                }
            };
            let Some(kind) = OfficeKind::parse(c[1]) else {
                self.errors.push(data(path, row.line, unknown_role(c[1], false)));
                continue;
            };
            let of = match self.g.by_id.get(c[2]) {
                Some(&o) if matches!(self.g.entity(o).kind, EntityKind::Country | EntityKind::Organization) => o,
                _ => {
                    self.errors.push(data(path, row.line, DataError::UnknownHolder(c[2].to_string())));
                    continue;
                }
            };
            let start = match format::date("start", c[3]) {
                Ok(d) => d,
                Err(e) => {
                    self.errors.push(data(path, row.line, e));
                    continue;
                }
            };
            let end = match c[4] {
                "" => None,
                v => match format::date("end", v) {
                    Ok(d) => Some(d),
                    Err(e) => {
                        self.errors.push(data(path, row.line, e));
                        continue;
                    }
                },
            };
            if let Some(e) = end.filter(|&e| e < start) {
                self.errors.push(data(path, row.line, DataError::TermOrder {
                    start: format::day_string(start),
                    end: format::day_string(e),
                }));
                continue;
            }
            self.g.offices.push(Office { person, kind, of, start, end });
        }
    }

    fn roles(&mut self, path: &Path, text: &str) {
        for row in rows(path, text, &ROLES, &mut self.errors) {
            let Some(kind) = RoleKind::parse(row.cells[0]) else {
                self.errors.push(data(path, row.line, unknown_role(row.cells[0], true)));
                continue;
            };
            self.add_surfaces(path, &row, row.cells[1], Reading::Role(kind));
        }
    }

    fn common_words(&mut self, path: &Path, text: &str) {
        for row in rows(path, text, &COMMON_WORDS, &mut self.errors) {
            let Some(lang) = crate::lang::Lang::from_code(row.cells[0]) else {
                self.errors.push(data(path, row.line, DataError::Unknown {
                    what: "language",
                    value: row.cells[0].to_string(),
                    expected: "fr, nl or en".to_string(),
                }));
                continue;
            };
            let Ok(rank) = row.cells[2].parse::<u32>() else {
                self.errors.push(data(path, row.line, DataError::Unknown {
                    what: "rank",
                    value: row.cells[2].to_string(),
                    expected: "a whole number".to_string(),
                }));
                continue;
            };
            let word = crate::normalize::fold(row.cells[1]).into_owned();
            let ranks = self.g.common_words.entry(word).or_default();
            let best = &mut ranks[lang.index()];
            *best = if *best == 0 { rank } else { (*best).min(rank) };
        }
    }

    fn extra_surfaces(&mut self, path: &Path, text: &str) {
        for row in rows(path, text, &SURFACES, &mut self.errors) {
            let c = &row.cells;
            let Some(&entity) = self.g.by_id.get(c[0]) else {
                self.errors.push(data(path, row.line, DataError::Unknown {
                    what: "entity",
                    value: c[0].to_string(),
                    expected: "an id of another gazetteer file".to_string(),
                }));
                continue;
            };
            let form = match c[1] {
                "name" => SurfaceForm::Name,
                "short" => SurfaceForm::Short,
                "adjective" => SurfaceForm::Adjective,
                "metonym" => SurfaceForm::Metonym,
                other => {
                    self.errors.push(data(path, row.line, DataError::Unknown {
                        what: "form",
                        value: other.to_string(),
                        expected: "name, short, adjective or metonym".to_string(),
                    }));
                    continue;
                }
            };
            self.add_surfaces(path, &row, c[2], Reading::Entity { entity, form });
        }
    }
}

fn unknown_role(value: &str, relational: bool) -> DataError {
    let mut expected: Vec<&str> = OfficeKind::ALL.iter().map(|k| k.as_str()).collect();
    if relational {
        expected.extend(["leader", "counterpart"]);
    }
    DataError::Unknown { what: "role", value: value.to_string(), expected: expected.join(", ") }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADERS: [(&str, &str); 6] = [
        ("countries.tsv", "id\tname\tcapital\tleader\tnames\tadjectives\tmetonyms"),
        ("cities.tsv", "id\tname\tcountry\tpopulation\tnames"),
        ("persons.tsv", "id\tname\tcountry\tnames\tshort"),
        ("organizations.tsv", "id\tname\tnames"),
        ("offices.tsv", "person\trole\tof\tstart\tend"),
        ("roles.tsv", "role\tsurfaces"),
    ];

    /// A small valid gazetteer; `bad` replaces the body of one file.
    fn load_with(file: &str, body: &str) -> Result<Gazetteer, Error> {
        let base = [
            ("countries.tsv", "RUS\tRussia\t524901\tpresident\tfr:Russie\tfr:russe\t"),
            ("cities.tsv", "524901\tMoscow\tRUS\t10381222\tfr:Moscou"),
            ("persons.tsv", "vladimir-putin\tVladimir Putin\tRUS\tfr:Vladimir Poutine\tfr:Poutine"),
            ("organizations.tsv", "nato\tNATO\tOTAN"),
            ("offices.tsv", "vladimir-putin\tpresident\tRUS\t2012-05-07\t"),
            ("roles.tsv", "president\tfr:président"),
        ];
        let sources: Vec<(&str, Source)> = base
            .iter()
            .zip(HEADERS)
            .map(|((name, good), (_, header))| {
                let body = if *name == file { body } else { good };
                let text = format!("# comment\n{header}\n{body}\n");
                (*name, Source { path: PathBuf::from(format!("gazetteers/{name}")), text: Cow::Owned(text) })
            })
            .collect();
        load(&sources)
    }

    #[test]
    fn a_valid_gazetteer_loads() {
        let g = load_with("", "").unwrap();
        assert_eq!(g.entities.len(), 4);
        let rus = g.by_id["RUS"];
        let putin = g.by_id["vladimir-putin"];
        assert_eq!(g.holder(OfficeKind::President, rus, 20210215), Some(putin));
        assert_eq!(g.holder(OfficeKind::President, rus, 20110215), None);
        assert_eq!(g.entity(rus).capital, Some(g.by_id["524901"]));
        assert!(g.surfaces.iter().any(|(s, e)| s == "OTAN" && e.acronym));
    }

    /// (file, bad line, exact message): one case per kind of bad line.
    #[test]
    fn bad_lines_are_reported_with_file_and_line() {
        let cases = [
            ("cities.tsv", "524901\tMoscow\tRUS", "gazetteers/cities.tsv:3: expected 5 tab-separated columns, found 3"),
            ("persons.tsv", "vladimir-putin\tVladimir Putin\tRUX\t\t", "gazetteers/persons.tsv:3: unknown country \"RUX\", not in countries.tsv"),
            ("offices.tsv", "vladimir-putin\tpresident\tRUS\t2012-5-7\t", "gazetteers/offices.tsv:3: bad date \"2012-5-7\" in column start, expected YYYY-MM-DD (or YYYY-MM, YYYY when the day is not known)"),
            ("offices.tsv", "vladimir-putin\tpresident\tRUS\t2012-05-07\t2008-05-07", "gazetteers/offices.tsv:3: term ends 2008-05-07 before it starts 2012-05-07"),
            ("offices.tsv", "vladimir-putin\ttsar\tRUS\t2012-05-07\t", "gazetteers/offices.tsv:3: unknown role \"tsar\", expected one of president, prime_minister, chancellor, foreign_minister, monarch, secretary_general"),
            ("offices.tsv", "boris-yeltsin\tpresident\tRUS\t1991-07-10\t1999-12-31", "gazetteers/offices.tsv:3: unknown person \"boris-yeltsin\", not in persons.tsv"),
            ("roles.tsv", "tsar\tfr:tsar", "gazetteers/roles.tsv:3: unknown role \"tsar\", expected one of president, prime_minister, chancellor, foreign_minister, monarch, secretary_general, leader, counterpart"),
            ("organizations.tsv", "nato\tNATO\tOTAN\nnato\tNATO again\t", "gazetteers/organizations.tsv:4: duplicate id \"nato\", first defined at line 3"),
            ("organizations.tsv", "European Union\tEuropean Union\t", "gazetteers/organizations.tsv:3: bad id \"European Union\": a slug is ASCII lower case with '-' between words"),
            ("cities.tsv", "524901\tMoscow\tRUS\tmany\t", "gazetteers/cities.tsv:3: bad number \"many\" in column population"),
            ("persons.tsv", "vladimir-putin\tVladimir Putin\tRUS\txx:Putin\t", "gazetteers/persons.tsv:3: unknown language tag \"xx\", expected one of fr, nl, en, de or *"),
        ];
        for (file, line, want) in cases {
            let err = load_with(file, line).expect_err(line);
            let all: Vec<String> = err.flatten().iter().map(|e| e.to_string()).collect();
            assert!(all.iter().any(|m| m == want), "{file}: {line:?}\n  want: {want}\n  got:  {all:#?}");
        }
    }

    #[test]
    fn a_wrong_header_is_reported() {
        let sources = [(
            "roles.tsv",
            Source { path: PathBuf::from("roles.tsv"), text: Cow::Borrowed("kind\tsurfaces\n") },
        )];
        let err = load(&sources).unwrap_err().to_string();
        assert_eq!(err, "roles.tsv:1: expected the header \"role\\tsurfaces\", found \"kind\\tsurfaces\"");
    }
}
