//! The matcher: one aho-corasick automaton over every folded surface.

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, MatchKind};

use crate::error::{DataError, Error};
use crate::normalize::{is_word_char, FoldedSpan};
use crate::segment::Token;

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
    /// A contiguous NFA: the peers' measurements show a DFA is no faster on 100k+ patterns
    /// and 30 times larger.
    nfa: NFA,
    start: StateID,
}

impl Matcher {
    pub fn new<P: AsRef<[u8]>>(patterns: &[P]) -> Result<Matcher, Error> {
        let error = |e: String| Error::Data { path: "<automaton>".into(), line: 0, kind: DataError::Toml(e) };
        // Leftmost-longest keeps every transition past a match state ("new york" goes on to
        // "new york city"); the walk below reads the states itself.
        let nfa = NFA::builder().match_kind(MatchKind::LeftmostLongest).build(patterns).map_err(|e| error(e.to_string()))?;
        let start = nfa.start_state(Anchored::Yes).map_err(|e| error(e.to_string()))?;
        Ok(Matcher { nfa, start })
    }

    /// Every match of every pattern that lies on word boundaries, overlapping ones included
    /// ("wit-russische" and "russische", "new york city" and "new york"), longest first at
    /// each start.
    ///
    /// The same set as an overlapping scan filtered on word boundaries, found by walking the
    /// trie from its anchored start at each token of `tokens` (those of `folded`) that does
    /// not follow a word char, one transition per byte until no surface goes on: a match
    /// inside a word can never be on a boundary, so it is never looked for, and each start
    /// costs one walk however many surfaces begin there.
    pub fn hits(&self, folded: &str, tokens: &[Token], out: &mut Vec<Hit>) {
        out.clear();
        let (nfa, bytes) = (&self.nfa, folded.as_bytes());
        for t in tokens {
            let i = t.span.start;
            if word_before(folded, i) {
                continue;
            }
            let first = out.len();
            let mut sid = self.start;
            for (j, &b) in bytes.iter().enumerate().skip(i) {
                sid = nfa.next_state(Anchored::Yes, sid, b);
                if !nfa.is_special(sid) {
                    continue;
                }
                if nfa.is_dead(sid) {
                    break;
                }
                if nfa.is_match(sid) && !word_at(folded, j + 1) {
                    let span = FoldedSpan::new(i, j + 1);
                    // A state also holds the patterns of its suffixes: keep the ones that
                    // start here.
                    for k in 0..nfa.match_len(sid) {
                        let p = nfa.match_pattern(sid, k);
                        if nfa.pattern_len(p) == span.end - span.start {
                            out.push(Hit { span, pattern: p.as_u32() });
                        }
                    }
                }
            }
            out[first..].reverse();
        }
    }

    /// Heap bytes of the automaton.
    pub fn memory_usage(&self) -> usize {
        self.nfa.memory_usage()
    }
}

/// Whether the char that ends at byte `i` of `folded` is a word char.
fn word_before(folded: &str, i: usize) -> bool {
    match folded.as_bytes().get(i.wrapping_sub(1)) {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => folded.get(..i).and_then(|s| s.chars().next_back()).is_some_and(is_word_char),
    }
}

/// Whether a word char starts at byte `i` of `folded`.
fn word_at(folded: &str, i: usize) -> bool {
    match folded.as_bytes().get(i) {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => folded.get(i..).and_then(|s| s.chars().next()).is_some_and(is_word_char),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::on_word_boundaries;
    use crate::segment::tokenize;

    /// Differential check against a naive scan: every occurrence on word boundaries.
    #[test]
    fn matches_a_naive_scan() {
        let patterns = ["russe", "belarusse", "wit-russische", "russische", "de", "les", "a"];
        let texts = ["le dirigeant belarusse et son homologue russe", "de wit-russische president", "les a de les", "l'a, (a)de-les.", ""];
        let m = Matcher::new(&patterns).unwrap();
        for text in texts {
            let (mut got, mut tokens) = (Vec::new(), Vec::new());
            tokenize(text, &mut tokens);
            m.hits(text, &tokens, &mut got);
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
