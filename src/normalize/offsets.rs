//! The map from folded offsets back to the original text, and char offsets.

/// A byte range in the original input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Span {
    pub start: usize,
    pub end: usize,
}

/// A byte range in the folded text. Only [`OffsetMap`] turns it into a [`Span`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct FoldedSpan {
    pub start: usize,
    pub end: usize,
}

impl FoldedSpan {
    pub fn new(start: usize, end: usize) -> FoldedSpan {
        FoldedSpan { start, end }
    }
    pub fn len(self) -> usize {
        self.end - self.start
    }
    pub fn overlaps(self, o: FoldedSpan) -> bool {
        self.start < o.end && o.start < self.end
    }
}

/// For every folded byte, and one past the end, the original byte where its source char
/// starts. `map[0] == 0` and `map[folded.len()] == input.len()`; the map never decreases.
#[derive(Debug, Default, Clone)]
pub(crate) struct OffsetMap {
    pub(super) map: Vec<usize>,
}

impl OffsetMap {
    /// The folded offset where the char at original offset `original` starts (or the end).
    pub fn folded_of(&self, original: usize) -> Option<usize> {
        let i = self.map.partition_point(|&o| o < original);
        (self.map.get(i) == Some(&original)).then_some(i)
    }

    /// The original span of a folded span, or `None` when the span starts or ends inside the
    /// expansion of one original char (the `o|e` of `œ`): such a span names no original text.
    pub fn to_original(&self, f: FoldedSpan) -> Option<Span> {
        let map = &self.map;
        if f.start >= f.end || f.end >= map.len() {
            return None;
        }
        let inside = |i: usize| i > 0 && i < map.len() - 1 && map[i - 1] == map[i];
        if inside(f.start) || inside(f.end) {
            return None;
        }
        Some(Span { start: map[f.start], end: map[f.end] })
    }


    #[cfg(test)]
    pub fn as_slice(&self) -> &[usize] {
        &self.map
    }
}

/// Converts byte offsets of `text` to char offsets (the chars starting before each offset),
/// in one pass when `offsets` is sorted: counting the bytes that start a char, which the
/// compiler does many at a time, without decoding a char.
pub(crate) fn char_offsets(text: &str, offsets: &[usize], out: &mut Vec<usize>) {
    out.clear();
    let bytes = text.as_bytes();
    let starts = |from: usize, to: usize| bytes[from..to].iter().filter(|&&b| (b as i8) >= -0x40).count();
    let (mut at, mut chars) = (0usize, 0usize);
    for &b in offsets {
        let b = b.min(bytes.len());
        if b >= at {
            chars += starts(at, b);
        } else {
            chars -= starts(b, at);
        }
        at = b;
        out.push(chars);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_of_sorted_bytes() {
        let text = "Bélarus é";
        let mut out = Vec::new();
        char_offsets(text, &[0, 1, 3, 9, 11], &mut out);
        assert_eq!(out, vec![0, 1, 2, 8, 9]);
        char_offsets(text, &[9, 3, 11, 0], &mut out);
        assert_eq!(out, vec![8, 2, 9, 0], "in any order");
    }
}
