//! Per-language word lists (`src/lang/{fr,nl,en}.toml`): abbreviations, determiners,
//! prepositions, pronouns, months … Code asks a [`LangData`] for a list; it never matches on
//! a language to find a word.

use std::path::Path;

use serde::Deserialize;

use super::Lang;
use crate::error::{DataError, Error};
use crate::segment::{tokenize_words, Token};

/// A list of words or word sequences, folded and split into tokens like the text is.
#[derive(Debug, Default, Clone)]
pub(crate) struct Words {
    seqs: Vec<Vec<String>>,
}

impl Words {
    pub fn new<S: AsRef<str>>(items: &[S]) -> Words {
        let mut seqs: Vec<Vec<String>> = items.iter().map(|s| tokenize_words(s.as_ref())).filter(|v| !v.is_empty()).collect();
        // Longest first, so that "de la" wins over "de".
        seqs.sort_by_key(|s| std::cmp::Reverse(s.len()));
        Words { seqs }
    }

    /// The length (in tokens) of the longest entry that starts at token `i`.
    pub fn match_at(&self, folded: &str, tokens: &[Token], i: usize) -> Option<usize> {
        self.seqs.iter().find(|seq| seq_at(folded, tokens, i, seq)).map(|s| s.len())
    }

    /// The length of the longest entry that ends just before token `end` (exclusive).
    pub fn match_before(&self, folded: &str, tokens: &[Token], end: usize) -> Option<usize> {
        self.seqs
            .iter()
            .find(|seq| end >= seq.len() && seq_at(folded, tokens, end - seq.len(), seq))
            .map(|s| s.len())
    }
}

fn seq_at(folded: &str, tokens: &[Token], i: usize, seq: &[String]) -> bool {
    tokens.len() >= i + seq.len() && seq.iter().zip(&tokens[i..]).all(|(w, t)| t.text(folded) == w)
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
    person_pronouns: Vec<String>,
    object_pronouns: Vec<String>,
    possessive_country: Vec<String>,
    plural_refs: Vec<String>,
    coordination: Vec<String>,
    relative: Vec<String>,
    clause_breaks: Vec<String>,
    months: Vec<String>,
    month_prepositions: Vec<String>,
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
    pub person_pronouns: Words,
    pub object_pronouns: Words,
    pub possessive_country: Words,
    pub plural_refs: Words,
    pub coordination: Words,
    pub relative: Words,
    pub clause_breaks: Words,
    /// Folded month names, January first.
    pub months: Vec<String>,
    pub month_prepositions: Words,
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
            person_pronouns: Words::new(&raw.person_pronouns),
            object_pronouns: Words::new(&raw.object_pronouns),
            possessive_country: Words::new(&raw.possessive_country),
            plural_refs: Words::new(&raw.plural_refs),
            coordination: Words::new(&raw.coordination),
            relative: Words::new(&raw.relative),
            clause_breaks: Words::new(&raw.clause_breaks),
            months: fold(&raw.months),
            month_prepositions: Words::new(&raw.month_prepositions),
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
}

impl LangSet {
    pub fn bundled() -> Result<LangSet, Error> {
        let mut langs = Vec::new();
        for lang in Lang::ALL {
            let (path, text) = LangData::bundled(lang);
            langs.push(LangData::parse(lang, Path::new(path), text)?);
        }
        Ok(LangSet { langs })
    }

    pub fn get(&self, lang: Lang) -> &LangData {
        &self.langs[lang.index()]
    }

    /// The language whose frequent words and telling letters are most frequent; English
    /// when nothing tells (an empty text, a list of names).
    pub fn detect(&self, original: &str, folded: &str, tokens: &[Token]) -> Lang {
        let mut scores = [0usize; 3];
        for t in tokens.iter().take(400) {
            let w = t.text(folded);
            for d in &self.langs {
                if d.detect.iter().any(|x| x == w) {
                    scores[d.lang.index()] += 1;
                }
            }
        }
        for c in original.chars().take(4000) {
            for d in &self.langs {
                if d.detect_chars.contains(&c.to_lowercase().next().unwrap_or(c)) {
                    scores[d.lang.index()] += 1;
                }
            }
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
