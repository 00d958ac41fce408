//! The matcher: one aho-corasick automaton over every folded surface.

use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};

use crate::error::{DataError, Error};
use crate::normalize::{is_word_char, on_word_boundaries, FoldedSpan};

/// A raw automaton match on word boundaries: a folded span and the pattern it matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    pub span: FoldedSpan,
    pub pattern: u32,
}

/// One automaton for all kinds and languages. Every match that starts where a word starts is
/// reported, overlapping ones included: which reading wins is the mention passes' job, not
/// the automaton's.
#[derive(Debug, Clone)]
pub(crate) struct Matcher {
    ac: AhoCorasick,
}

impl Matcher {
    pub fn new<P: AsRef<[u8]>>(patterns: &[P]) -> Result<Matcher, Error> {
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            // A contiguous NFA: the peers' measurements show a DFA is no faster on 100k+
            // patterns and 30 times larger.
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            // Searches start only where a word can: anchored there, the automaton never
            // walks through the inside of words, where most raw matches of short names are.
            .start_kind(StartKind::Anchored)
            .build(patterns)
            .map_err(|e| Error::Data {
                path: "<automaton>".into(),
                line: 0,
                kind: DataError::Toml(e.to_string()),
            })?;
        Ok(Matcher { ac })
    }

    /// Every match of every pattern that lies on word boundaries, overlapping ones included
    /// ("wit-russische" and "russische", "new york city" and "new york").
    ///
    /// The same set as an overlapping scan filtered on word boundaries, found with anchored
    /// leftmost-longest searches at each word start (then again, shorter, until none): a
    /// match inside a word can never be on a boundary, so it is never looked for.
    pub fn hits(&self, folded: &str, out: &mut Vec<Hit>) {
        out.clear();
        let mut prev_word = false;
        for (i, c) in folded.char_indices() {
            let word = is_word_char(c);
            if !prev_word && !c.is_whitespace() {
                // Every match starting here, longest first: each search is bounded to end
                // before the last match did.
                let mut end = folded.len();
                while end > i {
                    let input = Input::new(folded).span(i..end).anchored(Anchored::Yes);
                    let Some(m) = self.ac.find(input) else { break };
                    let span = FoldedSpan::new(m.start(), m.end());
                    if on_word_boundaries(folded, span) {
                        out.push(Hit { span, pattern: m.pattern().as_u32() });
                    }
                    end = m.end() - 1;
                }
            }
            prev_word = word;
        }
    }

    /// Heap bytes of the automaton.
    pub fn memory_usage(&self) -> usize {
        self.ac.memory_usage()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Differential check against a naive scan: every occurrence on word boundaries.
    #[test]
    fn matches_a_naive_scan() {
        let patterns = ["russe", "belarusse", "wit-russische", "russische", "de", "les", "a"];
        let texts = ["le dirigeant belarusse et son homologue russe", "de wit-russische president", "les a de les", ""];
        let m = Matcher::new(&patterns).unwrap();
        for text in texts {
            let mut got = Vec::new();
            m.hits(text, &mut got);
            let mut got: Vec<(usize, usize, u32)> = got.iter().map(|h| (h.span.start, h.span.end, h.pattern)).collect();
            got.sort();
            let mut want = Vec::new();
            for (p, pat) in patterns.iter().enumerate() {
                for (i, _) in text.match_indices(pat) {
                    let span = FoldedSpan::new(i, i + pat.len());
                    if on_word_boundaries(text, span) {
                        want.push((span.start, span.end, p as u32));
                    }
                }
            }
            want.sort();
            assert_eq!(got, want, "in {text:?}");
        }
    }
}
