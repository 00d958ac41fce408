//! Folding: the one normalization applied to gazetteer surfaces and to input text.
//!
//! aho-corasick's case-insensitivity is ASCII only: "É" would never meet "é". So both sides
//! are folded (NFD, combining marks dropped, lower case, `’` → `'`, `œ` → `oe`, `ß` → `ss`,
//! dashes and no-break spaces made plain) and matched byte for byte, and an [`OffsetMap`]
//! brings every folded offset back to the original text.

mod offsets;
mod table;

use std::borrow::Cow;

pub(crate) use offsets::{char_offsets, FoldedSpan, OffsetMap, Span};

/// Folded text with its map back to the input. Reused across documents: `fold_into`
/// clears and refills it without reallocating.
#[derive(Debug, Default, Clone)]
pub(crate) struct Folded {
    pub text: String,
    pub offsets: OffsetMap,
}

impl Folded {
    /// Folds `input` into `self`.
    pub fn fold_into(&mut self, input: &str) {
        self.text.clear();
        let map = &mut self.offsets.map;
        map.clear();
        self.text.reserve(input.len());
        map.reserve(input.len() + 1);
        let bytes = input.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // Most of a dispatch is ASCII: lower-case a run at once, one map entry per byte.
            let run = bytes[i..].iter().position(|b| !b.is_ascii()).map_or(bytes.len(), |n| i + n);
            let from = self.text.len();
            self.text.push_str(&input[i..run]);
            self.text[from..].make_ascii_lowercase();
            map.extend(i..run);
            i = run;
            if let Some(c) = input.get(i..).and_then(|rest| rest.chars().next()) {
                table::fold_char(c, &mut self.text);
                map.resize(self.text.len(), i);
                i += c.len_utf8();
            }
        }
        map.push(input.len());
    }
}

/// Folds one word or surface; borrows when folding changes nothing.
pub(crate) fn fold(s: &str) -> Cow<'_, str> {
    let unchanged = s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase() && b != b'`');
    if unchanged {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        table::fold_char(c, &mut out);
    }
    Cow::Owned(out)
}

/// Whether `c` is part of a word (for boundaries): letters and digits.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Whether a folded span sits on word boundaries of the folded text.
#[cfg(test)]
pub(crate) fn on_word_boundaries(folded: &str, f: FoldedSpan) -> bool {
    let before = folded.get(..f.start).and_then(|s| s.chars().next_back());
    let after = folded.get(f.end..).and_then(|s| s.chars().next());
    !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(input: &str) -> Folded {
        let mut f = Folded::default();
        f.fold_into(input);
        f
    }

    #[test]
    fn fold_cases() {
        let cases = [
            ("Bélarus", "belarus"),
            ("BÉLARUS", "belarus"),
            ("l’Élysée", "l'elysee"),
            ("Œuvre", "oeuvre"),
            ("Straße", "strasse"),
            ("Wit-Russische", "wit-russische"),
            ("Tikhanovskaïa", "tikhanovskaia"),
            ("Erdoğan", "erdogan"),
            ("", ""),
        ];
        for (input, want) in cases {
            assert_eq!(folded(input).text, want, "folding {input:?}");
            assert_eq!(fold(input), want, "fold() of {input:?}");
        }
    }

    #[test]
    fn map_is_monotone_and_bounded() {
        let input = "Œdipe à Sotchi’s ß\u{301}x";
        let f = folded(input);
        let map = f.offsets.as_slice();
        assert_eq!(map.len(), f.text.len() + 1);
        assert_eq!(map[0], 0);
        assert_eq!(map[f.text.len()], input.len());
        assert!(map.windows(2).all(|w| w[0] <= w[1]));
    }

    #[test]
    fn spans_map_back_and_expansions_are_refused() {
        let input = "Bélarus œuvre";
        let f = folded(input);
        assert_eq!(f.text, "belarus oeuvre");
        let s = f.offsets.to_original(FoldedSpan::new(0, 7)).unwrap();
        assert_eq!(&input[s.start..s.end], "Bélarus");
        // "euvre" starts inside the expansion of "œ".
        assert_eq!(f.offsets.to_original(FoldedSpan::new(9, 14)), None);
        let s = f.offsets.to_original(FoldedSpan::new(8, 14)).unwrap();
        assert_eq!(&input[s.start..s.end], "œuvre");
    }

    #[test]
    fn boundaries() {
        let text = "belarusse et russe";
        assert!(!on_word_boundaries(text, FoldedSpan::new(4, 9)));
        assert!(on_word_boundaries(text, FoldedSpan::new(0, 9)));
        assert!(on_word_boundaries(text, FoldedSpan::new(13, 18)));
    }
}
