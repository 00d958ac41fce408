//! Tokens, sentences and clauses of the folded text.
//!
//! Sentence splitting knows each language's abbreviations ("M.", "dhr.", "Mr.", "Gen."),
//! so that "M. Loukachenko" does not end a sentence.

use std::ops::Range;

use crate::error::{DataError, Error};
use crate::hash::word_hash;
use crate::lang::{LangData, LangSet};
use crate::normalize::{fold, is_word_char, FoldedSpan};

/// A word or a punctuation mark of the folded text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    pub span: FoldedSpan,
    pub word: bool,
    /// A line break lies between this token and the previous one.
    pub newline_before: bool,
    /// The [`word_hash`] of its text, for the word lists' lookups.
    pub hash: u64,
}

impl Token {
    pub fn text(self, folded: &str) -> &str {
        folded.get(self.span.start..self.span.end).unwrap_or("")
    }
}

/// French elisions keep their apostrophe: "l'", "d'", "qu'" are words of their own.
const ELISIONS: [&str; 13] = ["l", "d", "n", "s", "j", "m", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"];

/// What an ASCII byte is to the tokenizer; `OTHER` is any byte of a non-ASCII char.
const SPACE: u8 = 0;
const WORD: u8 = 1;
const PUNCT: u8 = 2;
const OTHER: u8 = 3;

/// The class of every byte: `char::is_whitespace` and `is_word_char` for ASCII.
static CLASS: [u8; 256] = {
    let mut t = [OTHER; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = match b as u8 {
            b'\t'..=b'\r' | b' ' => SPACE,
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' => WORD,
            _ => PUNCT,
        };
        b += 1;
    }
    t
};

/// Splits folded text into tokens.
pub(crate) fn tokenize(folded: &str, out: &mut Vec<Token>) {
    out.clear();
    let bytes = folded.as_bytes();
    let mut i = 0;
    let mut newline = false;
    while i < bytes.len() {
        let (word, len) = match CLASS[usize::from(bytes[i])] {
            SPACE => {
                newline |= bytes[i] == b'\n';
                i += 1;
                continue;
            }
            WORD => (true, 1),
            PUNCT => (false, 1),
            _ => {
                let (c, len) = char_at(folded, i);
                if c.is_whitespace() {
                    i += len;
                    continue;
                }
                (is_word_char(c), len)
            }
        };
        let mut end = i + len;
        if word {
            // Folded text is mostly ASCII: runs of ASCII letters and digits go byte by byte.
            loop {
                while bytes.get(end).is_some_and(|&b| CLASS[usize::from(b)] == WORD) {
                    end += 1;
                }
                match bytes.get(end) {
                    Some(&b) if b >= 0x80 => {
                        let (d, l) = char_at(folded, end);
                        if !is_word_char(d) {
                            break;
                        }
                        end += l;
                    }
                    _ => break,
                }
            }
            // "l'" + letter: keep the apostrophe on the elided word.
            // At the very end too, so that a word list entry "à l'" reads like the text.
            if bytes.get(end) == Some(&b'\'')
                && bytes.get(end + 1).is_none_or(|&b| b >= 0x80 || CLASS[usize::from(b)] == WORD)
                && folded[end + 1..].chars().next().is_none_or(is_word_char)
                && ELISIONS.contains(&&folded[i..end])
            {
                end += 1;
            }
        }
        out.push(Token { span: FoldedSpan::new(i, end), word, newline_before: newline, hash: word_hash(&bytes[i..end]) });
        newline = false;
        i = end;
    }
}

/// The char starting at byte `i` (a char boundary) and its length in bytes.
#[inline]
fn char_at(s: &str, i: usize) -> (char, usize) {
    match s.as_bytes()[i] {
        b if b < 0x80 => (char::from(b), 1),
        _ => s[i..].chars().next().map_or(('\0', 1), |c| (c, c.len_utf8())),
    }
}

/// Folds and tokenizes a word list entry: "chef d'État" → ["chef", "d'", "etat"].
pub(crate) fn tokenize_words(s: &str) -> Vec<String> {
    let folded = fold(s);
    let mut tokens = Vec::new();
    tokenize(&folded, &mut tokens);
    tokens.iter().map(|t| t.text(&folded).to_string()).collect()
}

/// Sentences as token ranges.
pub(crate) fn sentences(folded: &str, tokens: &[Token], lang: &LangData, out: &mut Vec<Range<usize>>) {
    out.clear();
    let mut start = 0;
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        let mut end = None;
        if i + 1 < tokens.len() && tokens[i + 1].newline_before {
            end = Some(i + 1);
        } else if is_terminal(t.text(folded)) && !is_abbreviation(folded, tokens, i, lang) {
            let mut j = i + 1;
            // Closing quotes and brackets belong to the sentence they close.
            while j < tokens.len() && matches!(tokens[j].text(folded), "\"" | ")" | "'") && tokens[j].span.start == tokens[j - 1].span.end {
                j += 1;
            }
            // "1.5", "u.s.": a period glued to what follows ends nothing.
            let glued = folded[t.span.end..].chars().next().is_some_and(is_word_char);
            if !glued {
                end = Some(j);
            }
        }
        if let Some(e) = end {
            if e > start {
                out.push(start..e);
            }
            start = e;
            i = e;
        } else {
            i += 1;
        }
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
}

fn is_terminal(s: &str) -> bool {
    matches!(s, "." | "!" | "?" | "…")
}

/// Whether the period at token `i` closes an abbreviation: the chunk of non-space text it
/// ends ("m.", "u.s.", "(dhr.") is in the language's list.
fn is_abbreviation(folded: &str, tokens: &[Token], i: usize, lang: &LangData) -> bool {
    if tokens[i].text(folded) != "." {
        return false;
    }
    let mut j = i;
    while j > 0 && tokens[j - 1].span.end == tokens[j].span.start && !tokens[j].newline_before {
        j -= 1;
    }
    let chunk = &folded[tokens[j].span.start..tokens[i].span.start];
    let chunk = chunk.trim_start_matches(|c: char| !is_word_char(c));
    !chunk.is_empty() && lang.abbreviations.iter().any(|a| a == chunk)
}

/// Clauses of one sentence, as token ranges: a clause break ("mais", "tandis que", ";")
/// starts a new clause; punctuation breaks are left out.
pub(crate) fn clauses(folded: &str, tokens: &[Token], sentence: Range<usize>, lang: &LangData, out: &mut Vec<Range<usize>>) {
    out.clear();
    let mut start = sentence.start;
    let mut i = sentence.start;
    while i < sentence.end {
        if let Some(n) = lang.clause_breaks.match_at(folded, tokens, i) {
            if i > start {
                out.push(start..i);
            }
            let punct = !tokens[i].word;
            start = if punct { i + n } else { i };
            i += n;
            continue;
        }
        i += 1;
    }
    if start < sentence.end {
        out.push(start..sentence.end);
    }
}

/// Runs the examples of the language files: sentence counts and detected languages.
pub(crate) fn check_examples(langs: &LangSet) -> Vec<Error> {
    let mut errors = Vec::new();
    let mut tokens = Vec::new();
    let mut out = Vec::new();
    for data in &langs.langs {
        for (n, (line, ex)) in data.examples.iter().enumerate() {
            let folded = fold(&ex.text);
            tokenize(&folded, &mut tokens);
            sentences(&folded, &tokens, data, &mut out);
            let mut problems = Vec::new();
            if let Some(want) = ex.sentences.filter(|&w| w != out.len()) {
                problems.push(format!("expected {want} sentences, got {}", out.len()));
            }
            let got = langs.detect(&ex.text, &folded, &tokens);
            if let Some(want) = ex.lang.filter(|&w| w != got) {
                problems.push(format!("expected language {want}, got {got}"));
            }
            if !problems.is_empty() {
                errors.push(Error::Data {
                    path: data.path.clone(),
                    line: *line,
                    kind: DataError::Example { rule: data.lang.to_string(), index: n + 1, problem: problems.join(", ") },
                });
            }
        }
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    fn split(lang: Lang, text: &str) -> Vec<String> {
        let set = LangSet::bundled().unwrap();
        let folded = fold(text);
        let mut tokens = Vec::new();
        tokenize(&folded, &mut tokens);
        let mut out = Vec::new();
        sentences(&folded, &tokens, set.get(lang), &mut out);
        out.iter()
            .map(|r| folded[tokens[r.start].span.start..tokens[r.end - 1].span.end].to_string())
            .collect()
    }

    /// The tokenizer char by char, as it was before its ASCII fast path: the reference the
    /// fast one must agree with.
    fn tokenize_by_chars(folded: &str) -> Vec<Token> {
        let mut out = Vec::new();
        let mut iter = folded.char_indices().peekable();
        let mut newline = false;
        while let Some((i, c)) = iter.next() {
            if c.is_whitespace() {
                newline |= c == '\n';
                continue;
            }
            let mut end = i + c.len_utf8();
            let word = is_word_char(c);
            if word {
                while let Some(&(j, d)) = iter.peek() {
                    if !is_word_char(d) {
                        break;
                    }
                    end = j + d.len_utf8();
                    iter.next();
                }
                if folded[end..].starts_with('\'') && folded[end + 1..].chars().next().is_none_or(is_word_char) && ELISIONS.contains(&&folded[i..end]) {
                    iter.next();
                    end += 1;
                }
            }
            out.push(Token { span: FoldedSpan::new(i, end), word, newline_before: newline, hash: word_hash(&folded.as_bytes()[i..end]) });
            newline = false;
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn the_ascii_fast_path_tokenizes_like_the_reference(text in "([a-zA-Z0-9'., \n\r\t\u{b}\u{c}\u{85}\u{a0}()-]|é|ß|İ|\u{301}|٣|日本|🙂){0,60}") {
            let mut tokens = Vec::new();
            tokenize(&text, &mut tokens);
            proptest::prop_assert_eq!(tokens, tokenize_by_chars(&text));
        }
    }

    #[test]
    fn language_file_examples() {
        let errors = check_examples(&LangSet::bundled().unwrap());
        let lines: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert!(lines.is_empty(), "{}", lines.join("\n"));
    }

    #[test]
    fn tokens_keep_elisions() {
        assert_eq!(tokenize_words("L'Union européenne n'a pas"), ["l'", "union", "europeenne", "n'", "a", "pas"]);
        assert_eq!(tokenize_words("celui-ci"), ["celui", "-", "ci"]);
        assert_eq!(tokenize_words("à l'"), ["a", "l'"]);
        assert_eq!(tokenize_words("Putin's"), ["putin", "'", "s"]);
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        let cases = [
            (Lang::Fr, "M. Loukachenko s'est déclaré vainqueur. Les manifestations continuent.", 2),
            (Lang::Nl, "Volgens dhr. Loekasjenko is het voorbij. Niemand gelooft dat.", 2),
            (Lang::En, "Mr. Blinken met Mr. Lavrov in Geneva. Gen. Milley was not there.", 2),
            (Lang::En, "The U.S. envoy arrived. He left.", 2),
            (Lang::Fr, "Un crédit de 1.5 milliard. \"Nous devons agir.\" Fin.", 3),
            (Lang::Fr, "Titre\nPremière phrase", 2),
            // An abbreviation opening a paragraph.
            (Lang::En, "He arrived.\n\nMr. Blinken warned Moscow.", 2),
            (Lang::Fr, "Fin.\n\nM. Imamoglu a été arrêté.", 2),
            (Lang::Fr, "", 0),
        ];
        for (lang, text, n) in cases {
            let got = split(lang, text);
            assert_eq!(got.len(), n, "{text:?} → {got:#?}");
        }
    }
}
