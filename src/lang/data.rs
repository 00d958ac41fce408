//! Per-language word lists (`src/lang/{fr,nl,en}.toml`): abbreviations, determiners,
//! prepositions, pronouns, months … Code asks a [`LangData`] for a list; it never matches on
//! a language to find a word.

use std::path::Path;

use serde::Deserialize;

use super::Lang;
use crate::error::{DataError, Error};
use crate::hash::{word_hash, FastMap};
use crate::segment::{tokenize_words, Token};

/// Words with a value, found by the hash a token already holds: an open-addressing table of
/// at least four slots per word, so that a token that is none of them (most are) costs one
/// or two probes and no string comparison.
#[derive(Debug, Default, Clone)]
struct WordTable {
    slots: Vec<Option<(u64, String, u8)>>,
    shift: u32,
}

impl WordTable {
    fn new(words: FastMap<String, u8>) -> WordTable {
        let bits = (words.len() * 4).next_power_of_two().max(16).trailing_zeros();
        let mut slots = vec![None; 1 << bits];
        let shift = 64 - bits;
        for (w, v) in words {
            let h = word_hash(w.as_bytes());
            let mut i = (h >> shift) as usize;
            while slots[i].is_some() {
                i = (i + 1) & (slots.len() - 1);
            }
            slots[i] = Some((h, w, v));
        }
        WordTable { slots, shift }
    }

    fn get(&self, folded: &str, t: &Token) -> Option<u8> {
        let mut i = (t.hash >> self.shift) as usize;
        while let Some((h, w, v)) = &self.slots[i] {
            if *h == t.hash && w == t.text(folded) {
                return Some(*v);
            }
            i = (i + 1) & (self.slots.len() - 1);
        }
        None
    }
}

/// A list of words or word sequences, folded and split into tokens like the text is.
///
/// Lookups are asked at nearly every token, so entries are indexed by the hash of their
/// first and last word, the one [`Token::hash`] holds: a lookup that finds nothing (most of
/// them) costs one bit test, one that may find something a binary search, then the words
/// are compared.
#[derive(Debug, Default, Clone)]
pub(crate) struct Words {
    /// Longest first, so that "de la" wins over "de"; each word with its hash.
    seqs: Vec<Vec<(u64, String)>>,
    /// (hash of the first word, entry), sorted: entries of one hash stay longest first.
    by_first: Vec<(u64, u32)>,
    by_last: Vec<(u64, u32)>,
    /// 1024-bit filters over the hashes of the first and last words.
    first_filter: Filter,
    last_filter: Filter,
}

#[derive(Debug, Default, Clone)]
struct Filter([u64; 16]);

impl Filter {
    fn slot(hash: u64) -> usize {
        (hash >> 54) as usize
    }
    fn add(&mut self, hash: u64) {
        let s = Filter::slot(hash);
        self.0[s >> 6] |= 1 << (s & 63);
    }
    fn has(&self, hash: u64) -> bool {
        let s = Filter::slot(hash);
        self.0[s >> 6] & (1 << (s & 63)) != 0
    }
}

/// The entries of an index under `hash`.
fn under(index: &[(u64, u32)], hash: u64) -> impl Iterator<Item = usize> + '_ {
    let from = index.partition_point(|e| e.0 < hash);
    index[from..].iter().take_while(move |e| e.0 == hash).map(|e| e.1 as usize)
}

impl Words {
    pub fn new<S: AsRef<str>>(items: &[S]) -> Words {
        let mut seqs: Vec<Vec<String>> = items.iter().map(|s| tokenize_words(s.as_ref())).filter(|v| !v.is_empty()).collect();
        seqs.sort_by_key(|s| std::cmp::Reverse(s.len()));
        seqs.dedup();
        let seqs: Vec<Vec<(u64, String)>> = seqs.into_iter().map(|s| s.into_iter().map(|w| (word_hash(w.as_bytes()), w)).collect()).collect();
        let (mut by_first, mut by_last) = (Vec::new(), Vec::new());
        let (mut first_filter, mut last_filter) = (Filter::default(), Filter::default());
        for (i, s) in seqs.iter().enumerate() {
            let (first, last) = (s[0].0, s[s.len() - 1].0);
            by_first.push((first, i as u32));
            by_last.push((last, i as u32));
            first_filter.add(first);
            last_filter.add(last);
        }
        by_first.sort_unstable();
        by_last.sort_unstable();
        Words { seqs, by_first, by_last, first_filter, last_filter }
    }

    /// Whether some entry starts with this token's word.
    pub fn starts_with_token(&self, folded: &str, t: &Token) -> bool {
        self.first_filter.has(t.hash) && under(&self.by_first, t.hash).any(|k| self.seqs[k][0].1 == t.text(folded))
    }

    /// The length (in tokens) of the longest entry that starts at token `i`.
    pub fn match_at(&self, folded: &str, tokens: &[Token], i: usize) -> Option<usize> {
        let h = tokens.get(i)?.hash;
        if !self.first_filter.has(h) {
            return None;
        }
        under(&self.by_first, h).map(|k| &self.seqs[k]).find(|seq| seq_at(folded, tokens, i, seq)).map(Vec::len)
    }

    /// The length of the longest entry that ends just before token `end` (exclusive).
    pub fn match_before(&self, folded: &str, tokens: &[Token], end: usize) -> Option<usize> {
        let h = tokens.get(end.checked_sub(1)?)?.hash;
        if !self.last_filter.has(h) {
            return None;
        }
        under(&self.by_last, h)
            .map(|k| &self.seqs[k])
            .find(|seq| end >= seq.len() && seq_at(folded, tokens, end - seq.len(), seq))
            .map(Vec::len)
    }
}

fn seq_at(folded: &str, tokens: &[Token], i: usize, seq: &[(u64, String)]) -> bool {
    tokens.len() >= i + seq.len() && seq.iter().zip(&tokens[i..]).all(|((h, w), t)| t.hash == *h && t.text(folded) == w)
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    abbreviations: Vec<String>,
    titles: Vec<String>,
    determiners: Vec<String>,
    of: Vec<String>,
    place_prepositions: Vec<String>,
    place_nouns: Vec<String>,
    authority_nouns: Vec<String>,
    stopwords: Vec<String>,
    person_cues: Vec<String>,
    person_pronouns: Vec<String>,
    object_pronouns: Vec<String>,
    person_objects: Vec<String>,
    possessive_country: Vec<String>,
    plural_refs: Vec<String>,
    coordination: Vec<String>,
    distributive: Vec<String>,
    relative: Vec<String>,
    oblique: Vec<String>,
    name_heads: Vec<String>,
    clause_breaks: Vec<String>,
    months: Vec<String>,
    month_prepositions: Vec<String>,
    home_countries: Vec<String>,
    detect: Vec<String>,
    #[serde(default)]
    detect_chars: String,
    #[serde(default)]
    example: Vec<toml::Spanned<Example>>,
}

/// An example of a language file, run as a test.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Example {
    pub text: String,
    /// How many sentences the segmenter must find.
    pub sentences: Option<usize>,
    /// The language detection must give.
    pub lang: Option<Lang>,
}

/// The word lists of one language.
#[derive(Debug, Clone)]
pub(crate) struct LangData {
    pub lang: Lang,
    /// Abbreviations, folded, without their final period.
    pub abbreviations: Vec<String>,
    pub titles: Words,
    pub determiners: Words,
    pub of: Words,
    pub place_prepositions: Words,
    pub place_nouns: Words,
    pub authority_nouns: Words,
    pub stopwords: Vec<String>,
    pub person_cues: Words,
    pub person_pronouns: Words,
    pub object_pronouns: Words,
    pub person_objects: Words,
    /// Every reference entry (pronouns, possessives, plural references) in one list: a
    /// token that starts none of them is passed over with one lookup.
    pub references: Words,
    pub possessive_country: Words,
    pub plural_refs: Words,
    pub coordination: Words,
    /// "separate talks with X and Y", "séparément": one meeting with each of X and Y.
    pub distributive: Words,
    pub relative: Words,
    /// Prepositions after which a person is not the subject a pronoun refers back to ("un
    /// tête-à-tête avec Vladimir Poutine, Emmanuel Macron … où il": "il" is Macron).
    pub oblique: Words,
    /// Capitalised nouns that make a city's name part of a longer one ("Buckingham Palace",
    /// "Oxford Street"): the city is not meant.
    pub name_heads: Words,
    pub clause_breaks: Words,
    /// Folded month names, January first.
    pub months: Vec<String>,
    pub month_prepositions: Words,
    /// Alpha-3 codes of the countries where the language is spoken.
    pub home_countries: Vec<String>,
    pub detect: Vec<String>,
    pub detect_chars: Vec<char>,
    /// The file the lists come from, and each example with its line.
    pub path: std::path::PathBuf,
    pub examples: Vec<(usize, Example)>,
}

impl LangData {
    pub fn parse(lang: Lang, path: &Path, text: &str) -> Result<LangData, Error> {
        let raw: Raw = toml::from_str(text).map_err(|e| toml_error(path, text, e))?;
        let fold = |v: &[String]| v.iter().map(|s| crate::normalize::fold(s).into_owned()).collect::<Vec<_>>();
        Ok(LangData {
            lang,
            abbreviations: raw
                .abbreviations
                .iter()
                .map(|a| crate::normalize::fold(a.trim_end_matches('.')).into_owned())
                .collect(),
            titles: Words::new(&raw.titles),
            determiners: Words::new(&raw.determiners),
            of: Words::new(&raw.of),
            place_prepositions: Words::new(&raw.place_prepositions),
            place_nouns: Words::new(&raw.place_nouns),
            authority_nouns: Words::new(&raw.authority_nouns),
            stopwords: fold(&raw.stopwords),
            person_cues: Words::new(&raw.person_cues),
            person_pronouns: Words::new(&raw.person_pronouns),
            object_pronouns: Words::new(&raw.object_pronouns),
            person_objects: Words::new(&raw.person_objects),
            references: Words::new(
                &[&raw.plural_refs, &raw.possessive_country, &raw.person_pronouns, &raw.object_pronouns, &raw.person_objects]
                    .iter()
                    .flat_map(|v| v.iter())
                    .collect::<Vec<_>>(),
            ),
            possessive_country: Words::new(&raw.possessive_country),
            plural_refs: Words::new(&raw.plural_refs),
            coordination: Words::new(&raw.coordination),
            distributive: Words::new(&raw.distributive),
            relative: Words::new(&raw.relative),
            oblique: Words::new(&raw.oblique),
            name_heads: Words::new(&raw.name_heads),
            clause_breaks: Words::new(&raw.clause_breaks),
            months: fold(&raw.months),
            month_prepositions: Words::new(&raw.month_prepositions),
            home_countries: raw.home_countries,
            detect: fold(&raw.detect),
            detect_chars: raw.detect_chars.chars().collect(),
            path: path.to_path_buf(),
            examples: raw
                .example
                .into_iter()
                .map(|e| (text.get(..e.span().start).map_or(0, |s| s.matches('\n').count()) + 1, e.into_inner()))
                .collect(),
        })
    }

    /// The bundled lists of `lang`.
    pub fn bundled(lang: Lang) -> (&'static str, &'static str) {
        match lang {
            Lang::Fr => ("src/lang/fr.toml", include_str!("fr.toml")),
            Lang::Nl => ("src/lang/nl.toml", include_str!("nl.toml")),
            Lang::En => ("src/lang/en.toml", include_str!("en.toml")),
        }
    }
}

/// Turns a TOML error into `file:line: message`.
pub(crate) fn toml_error(path: &Path, text: &str, e: toml::de::Error) -> Error {
    let line = e.span().map(|s| text[..s.start.min(text.len())].lines().count().max(1)).unwrap_or(0);
    let msg = e.message().trim().to_string();
    Error::Data { path: path.to_path_buf(), line, kind: DataError::Toml(msg) }
}

/// The word lists of every language, indexed by [`Lang::index`].
#[derive(Debug, Clone)]
pub(crate) struct LangSet {
    pub langs: Vec<LangData>,
    /// Detection words and letters: for each, one bit per language.
    /// The frequent words of each language (bit `Lang::index`), by [`Token::hash`].
    detect_words: WordTable,
    detect_chars: FastMap<char, u8>,
    /// The byte length of the longest detection word: longer tokens are not looked up.
    detect_len: usize,
}

impl LangSet {
    pub fn bundled() -> Result<LangSet, Error> {
        let mut langs = Vec::new();
        for lang in Lang::ALL {
            let (path, text) = LangData::bundled(lang);
            langs.push(LangData::parse(lang, Path::new(path), text)?);
        }
        let mut detect_words: FastMap<String, u8> = FastMap::default();
        let mut detect_chars: FastMap<char, u8> = FastMap::default();
        for d in &langs {
            let bit = 1u8 << d.lang.index();
            for w in &d.detect {
                *detect_words.entry(w.clone()).or_default() |= bit;
            }
            for &c in &d.detect_chars {
                *detect_chars.entry(c).or_default() |= bit;
            }
        }
        let detect_len = detect_words.keys().map(String::len).max().unwrap_or(0);
        Ok(LangSet { langs, detect_words: WordTable::new(detect_words), detect_chars, detect_len })
    }

    pub fn get(&self, lang: Lang) -> &LangData {
        &self.langs[lang.index()]
    }

    /// The language whose frequent words and telling letters are most frequent; English
    /// when nothing tells (an empty text, a list of names).
    pub fn detect(&self, original: &str, folded: &str, tokens: &[Token]) -> Lang {
        let mut scores = [0usize; 3];
        let add = |scores: &mut [usize; 3], mask: u8| {
            for (i, s) in scores.iter_mut().enumerate() {
                *s += usize::from(mask >> i & 1);
            }
        };
        for (n, t) in tokens.iter().take(400).enumerate() {
            let long = t.span.end - t.span.start > self.detect_len;
            if let Some(mask) = (!long).then(|| self.detect_words.get(folded, t)).flatten() {
                add(&mut scores, mask);
            }
            // Past a hundred words, a lead of twenty function words no longer changes.
            if n >= 100 && n % 25 == 0 {
                let mut sorted = scores;
                sorted.sort_unstable();
                if sorted[2] >= sorted[1] + 20 {
                    break;
                }
            }
        }
        // Telling letters are never ASCII: the first 4 kB are searched for non-ASCII bytes
        // and only those chars are decoded.
        let mut end = original.len().min(4000);
        while !original.is_char_boundary(end) {
            end -= 1;
        }
        let mut rest = &original[..end];
        while let Some(p) = rest.bytes().position(|b| !b.is_ascii()) {
            let Some(c) = rest[p..].chars().next() else { break };
            if let Some(&mask) = self.detect_chars.get(&c.to_lowercase().next().unwrap_or(c)) {
                add(&mut scores, mask);
            }
            rest = &rest[p + c.len_utf8()..];
        }
        let best = (0..3).max_by_key(|&i| (scores[i], i == Lang::En.index())).unwrap_or(2);
        if scores[best] == 0 {
            Lang::En
        } else {
            Lang::ALL[best]
        }
    }

    /// Every stop word of every language (a French text can quote "Of").
    pub fn is_stopword(&self, folded_word: &str) -> bool {
        self.langs.iter().any(|d| d.stopwords.iter().any(|s| s == folded_word))
    }
}
