//! Pass 3: the longest reading wins; overlapping shorter candidates go.
//!
//! The automaton reports every match ("wit-russische" and "russische" inside it);
//! candidates are taken longest first, so "bélarusse" is one adjective and never "russe".
//! Ties go to the earlier start.

use std::collections::BTreeMap;

use super::Cand;

pub(super) fn resolve(cands: &mut Vec<Cand>) {
    cands.sort_by(|a, b| b.len().cmp(&a.len()).then(a.fspan.start.cmp(&b.fspan.start)));
    // Kept candidates by start. They are disjoint, so the only one that can overlap a new
    // candidate is the last one starting before the new one ends.
    let mut kept: BTreeMap<usize, Cand> = BTreeMap::new();
    for c in cands.drain(..) {
        let clash = kept.range(..c.fspan.end).next_back().is_some_and(|(_, k)| k.fspan.end > c.fspan.start);
        if !clash {
            kept.insert(c.fspan.start, c);
        }
    }
    cands.extend(kept.into_values());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::MentionForm;
    use crate::normalize::{FoldedSpan, Span};

    fn cand(start: usize, end: usize) -> Cand {
        Cand {
            fspan: FoldedSpan::new(start, end),
            span: Span { start, end },
            pattern: 0,
            allowed: 1,
            entity: None,
            form: MentionForm::Name,
            role: None,
        }
    }

    #[test]
    fn longest_wins_and_result_is_sorted() {
        // "wit-russische" (0..13) holds "russische" (4..13); "de" (14..16) stays.
        let mut v = vec![cand(4, 13), cand(0, 13), cand(14, 16)];
        resolve(&mut v);
        let spans: Vec<(usize, usize)> = v.iter().map(|c| (c.fspan.start, c.fspan.end)).collect();
        assert_eq!(spans, vec![(0, 13), (14, 16)]);
    }
}
