//! How one char folds: the table shared by gazetteer surfaces (at build time) and input
//! text (at run time), so that the two can never disagree.

use std::sync::LazyLock;

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Letters that NFD does not split into a base and a mark, and typographic variants that a
/// reader takes for the plain character. Everything else goes through NFD.
fn special(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{2019}' | '\u{2018}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' | '\u{00B4}' | '`' => "'",
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => "\"",
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2212}' => "-",
        '\u{00A0}' | '\u{202F}' | '\u{2009}' | '\u{2007}' | '\u{2002}' | '\u{2003}' => " ",
        'œ' | 'Œ' => "oe",
        'æ' | 'Æ' => "ae",
        'ß' | 'ẞ' => "ss",
        'ø' | 'Ø' => "o",
        'ł' | 'Ł' => "l",
        'đ' | 'Đ' | 'ð' | 'Ð' => "d",
        'þ' | 'Þ' => "th",
        'ı' => "i",
        'ĳ' | 'Ĳ' => "ij",
        _ => return None,
    })
}

/// The chars below this one fold through [`LATIN`], a table made once from the rules below.
const TABLE_END: u32 = 0x250;

/// A folded form of at most 4 bytes and its length (`u8::MAX`: longer, not in the table).
type Folding = ([u8; 4], u8);

/// The folded forms of U+0080 to U+024F (Latin-1, Latin Extended-A and B: nearly every
/// non-ASCII char of a French or Dutch dispatch), at most 4 bytes each, made by
/// [`fold_by_rules`] itself.
static LATIN: LazyLock<Box<[Folding]>> = LazyLock::new(|| {
    (0x80..TABLE_END)
        .map(|cp| {
            let mut s = String::new();
            if let Some(c) = char::from_u32(cp) {
                fold_by_rules(c, &mut s);
            }
            let mut bytes = [0; 4];
            let len = s.len().min(4);
            bytes[..len].copy_from_slice(&s.as_bytes()[..len]);
            // A longer form (none today) would not fit: such a char takes the rules' path.
            (bytes, if s.len() <= 4 { len as u8 } else { u8::MAX })
        })
        .collect()
});

/// Appends the folded form of `c` to `out` (possibly nothing, for a lone combining mark).
#[inline]
pub(crate) fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    if let Some((bytes, len)) = LATIN.get((c as u32).wrapping_sub(0x80) as usize) {
        if let Some(s) = bytes.get(..usize::from(*len)).and_then(|b| std::str::from_utf8(b).ok()) {
            out.push_str(s);
            return;
        }
    }
    fold_by_rules(c, out);
}

/// [`fold_char`] without the table.
fn fold_by_rules(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    if let Some(s) = special(c) {
        out.push_str(s);
        return;
    }
    decompose_canonical(c, |d| {
        if is_combining_mark(d) {
            return;
        }
        for l in d.to_lowercase() {
            if !is_combining_mark(l) {
                out.push(l);
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(c: char) -> String {
        let mut s = String::new();
        fold_char(c, &mut s);
        s
    }

    /// The table gives what the rules give, for every char it holds.
    #[test]
    fn table_agrees_with_the_rules() {
        for cp in 0x80..TABLE_END {
            let c = char::from_u32(cp).unwrap();
            let mut by_rules = String::new();
            fold_by_rules(c, &mut by_rules);
            assert_eq!(folded(c), by_rules, "U+{cp:04X}");
        }
    }

    #[test]
    fn table_cases() {
        let cases = [
            ('É', "e"),
            ('é', "e"),
            ('ï', "i"),
            ('Ç', "c"),
            ('œ', "oe"),
            ('Œ', "oe"),
            ('ß', "ss"),
            ('ø', "o"),
            ('Ł', "l"),
            ('đ', "d"),
            ('ı', "i"),
            ('İ', "i"),
            ('’', "'"),
            ('«', "\""),
            ('–', "-"),
            ('\u{a0}', " "),
            ('\u{301}', ""),
            ('Д', "д"),
            ('ğ', "g"),
            ('ă', "a"),
            ('ș', "s"),
        ];
        for (c, want) in cases {
            assert_eq!(folded(c), want, "folding {c:?} (U+{:04X})", c as u32);
        }
    }
}
