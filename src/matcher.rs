//! The matcher: one aho-corasick automaton over every folded surface.

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, MatchKind};

use crate::error::{DataError, Error};
use crate::normalize::{is_word_char, FoldedSpan};
use crate::segment::{tokenize, Token};

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
    /// The hashes of the patterns' first tokens, as a bit set: a token whose hash is not in
    /// it starts no pattern, and its walk is skipped.
    first_tokens: Box<[u64]>,
}

/// Bits of the first-token set: 2^20, 128 KiB.
const FIRST_BITS: u32 = 20;

fn first_slot(hash: u64) -> (usize, u64) {
    let slot = (hash >> (64 - FIRST_BITS)) as usize;
    (slot >> 6, 1 << (slot & 63))
}

impl Matcher {
    pub fn new<P: AsRef<str>>(patterns: &[P]) -> Result<Matcher, Error> {
        let error = |e: String| Error::Data { path: "<automaton>".into(), line: 0, kind: DataError::Toml(e) };
        // Leftmost-longest keeps every transition past a match state ("new york" goes on to
        // "new york city"); the walk below reads the states itself.
        let nfa = NFA::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(patterns.iter().map(|p| p.as_ref().as_bytes()))
            .map_err(|e| error(e.to_string()))?;
        let start = nfa.start_state(Anchored::Yes).map_err(|e| error(e.to_string()))?;
        let mut first_tokens = vec![0u64; 1 << (FIRST_BITS - 6)].into_boxed_slice();
        let mut tokens = Vec::new();
        for p in patterns {
            tokenize(p.as_ref(), &mut tokens);
            if let Some(t) = tokens.first() {
                let (word, bit) = first_slot(t.hash);
                first_tokens[word] |= bit;
            }
        }
        Ok(Matcher { nfa, start, first_tokens })
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
            // A pattern that matches here on word boundaries starts with this token, as the
            // pattern tokenizes alike, but where an apostrophe after the token makes the two
            // differ: "l'" ends a pattern, and "l" followed by "'" is the text's token.
            let (word, bit) = first_slot(t.hash);
            if self.first_tokens[word] & bit == 0 && bytes.get(t.span.end) != Some(&b'\'') && !folded[..t.span.end].ends_with('\'') {
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
        self.nfa.memory_usage() + self.first_tokens.len() * 8
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

    /// Differential check against a naive scan: every occurrence on word boundaries.
    #[test]
    fn matches_a_naive_scan() {
        let patterns = ["russe", "belarusse", "wit-russische", "russische", "de", "les", "a", "l'", "l'elysee", "'s-hertogenbosch", "d"];
        let texts = [
            "le dirigeant belarusse et son homologue russe",
            "de wit-russische president",
            "les a de les",
            "l'a, (a)de-les.",
            "l' elysee, l'elysee, l'",
            "naar 's-hertogenbosch, d'",
            "",
        ];
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
