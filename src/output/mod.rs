//! Other views of a [`Document`](crate::Document) than the JSON of `CONTRACT.md`.
//!
//! * [`brat`]: brat standoff (`.ann`), for reading and correcting an extraction in the brat
//!   annotation tool; `wirelink eval` reads such files back as gold.
//! * [`html`]: one self-contained HTML page (inline CSS and script, nothing fetched) with the
//!   text, its mentions highlighted by kind and the list of relations.
//!
//! Both take the document and the text it was extracted from, and return a `String`. Neither
//! can fail: a span that does not fit the text (a document paired with the wrong text) is
//! left out rather than sliced. `docs/VIEWS.md` shows both.

pub mod brat;
pub mod html;

/// Answers "which char offset is this byte offset" for a fixed set of byte offsets of one
/// text, found in one walk over the text (rather than counting chars once per span).
pub(crate) struct CharOffsets {
    /// `(byte, char)` pairs, sorted by byte, one per asked offset that falls on a char boundary.
    pairs: Vec<(usize, usize)>,
}

impl CharOffsets {
    /// Walks `text` once for every offset in `bytes`; offsets past the end or inside a char
    /// get no answer.
    pub(crate) fn new(text: &str, bytes: impl IntoIterator<Item = usize>) -> CharOffsets {
        let mut wanted: Vec<usize> = bytes.into_iter().filter(|&b| text.is_char_boundary(b)).collect();
        wanted.sort_unstable();
        wanted.dedup();
        let mut pairs = Vec::with_capacity(wanted.len());
        let mut next = wanted.iter().copied().peekable();
        let boundaries = text.char_indices().map(|(b, _)| b).chain(std::iter::once(text.len()));
        for (chars, byte) in boundaries.enumerate() {
            while next.peek() == Some(&byte) {
                pairs.push((byte, chars));
                next.next();
            }
            if next.peek().is_none() {
                break;
            }
        }
        CharOffsets { pairs }
    }

    /// The char offset of `byte`, when it was asked for and is a char boundary.
    pub(crate) fn get(&self, byte: usize) -> Option<usize> {
        self.pairs.binary_search_by_key(&byte, |&(b, _)| b).ok().map(|i| self.pairs[i].1)
    }
}

#[cfg(test)]
mod tests {
    use super::CharOffsets;

    #[test]
    fn char_offsets_count_scalar_values_and_refuse_the_inside_of_a_char() {
        let text = "Bélarus, Sotchi";
        let map = CharOffsets::new(text, [0, 2, 3, 9, text.len(), 99]);
        assert_eq!(map.get(0), Some(0));
        assert_eq!(map.get(2), None, "byte 2 is inside 'é'");
        assert_eq!(map.get(3), Some(2));
        assert_eq!(map.get(9), Some(8));
        assert_eq!(map.get(text.len()), Some(15));
        assert_eq!(map.get(99), None);
        assert_eq!(map.get(4), None, "not asked for");
    }
}
