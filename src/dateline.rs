//! The dispatch date: from a dateline at the top of the text, else from the caller.
//!
//! Formats (CONTRACT.md): `date 2021-02 (Belga)`, `BRUSSEL 12/03 (BELGA)`,
//! `PARIS, 3 mars (AFP) -`, `MOSCOW, March 30, 2023 (AP) -`.

use regex::Regex;

use crate::gazetteer::Day;
use crate::lang::LangSet;
use crate::normalize::fold;

/// A date with the precision the text gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PartialDate {
    pub year: u32,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<PartialDate> {
        let mut parts = s.trim().split('-');
        let year = parts.next().filter(|y| y.len() == 4)?.parse().ok()?;
        let month = match parts.next() {
            Some(m) if m.len() == 2 => Some(m.parse().ok().filter(|m| (1..=12).contains(m))?),
            Some(_) => return None,
            None => None,
        };
        let day = match parts.next() {
            Some(d) if d.len() == 2 && month.is_some() => Some(d.parse().ok().filter(|d| (1..=31).contains(d))?),
            Some(_) => return None,
            None => None,
        };
        if parts.next().is_some() {
            return None;
        }
        Some(PartialDate { year, month, day })
    }

    /// The day used to decide who held an office: the middle of the month or year when the
    /// text gives no more.
    pub fn as_day(self) -> Day {
        self.year * 10_000 + self.month.unwrap_or(7) * 100 + self.day.unwrap_or(if self.month.is_some() { 15 } else { 1 })
    }

    /// The most recent `month` not after this date: "en septembre" in a February 2021
    /// dispatch is September 2020.
    pub fn latest_month(self, month: u32) -> PartialDate {
        let year = match self.month {
            Some(m) if month > m => self.year - 1,
            _ => self.year,
        };
        PartialDate { year, month: Some(month), day: None }
    }
}

impl std::fmt::Display for PartialDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.month, self.day) {
            (Some(m), Some(d)) => write!(f, "{:04}-{:02}-{:02}", self.year, m, d),
            (Some(m), None) => write!(f, "{:04}-{:02}", self.year, m),
            _ => write!(f, "{:04}", self.year),
        }
    }
}

/// Dateline patterns, built once with the month names of every language.
#[derive(Debug, Clone)]
pub(crate) struct Datelines {
    iso: Regex,
    slash: Regex,
    day_month: Regex,
    month_day: Regex,
    months: Vec<(String, u32)>,
}

impl Datelines {
    pub fn new(langs: &LangSet) -> Datelines {
        let mut months: Vec<(String, u32)> = Vec::new();
        for d in &langs.langs {
            for (i, m) in d.months.iter().enumerate() {
                months.push((m.clone(), i as u32 + 1));
                // "Feb.", "Sept.", "janv.": abbreviations are prefixes of the name.
                for n in [3, 4] {
                    if let Some(p) = m.get(..n).filter(|p| p.len() < m.len()) {
                        months.push((p.to_string(), i as u32 + 1));
                    }
                }
            }
        }
        // Month names are matched on folded text: "fevrier", "aout".
        months.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.cmp(b)));
        months.dedup();
        let alt = months.iter().map(|(m, _)| regex::escape(m)).collect::<Vec<_>>().join("|");
        let place = r"[\p{L}][\p{L}'’ ./-]*?";
        let build = |p: &str| Regex::new(p).expect("dateline patterns are valid");
        Datelines {
            iso: build(r"^\s*(?i:date)\s+(\d{4}(?:-\d{2}(?:-\d{2})?)?)\b"),
            slash: build(&format!(r"^\s*{place},?\s+(\d{{1,2}})/(\d{{1,2}})(?:/(\d{{2,4}}))?\s*[(\-–—]")),
            day_month: build(&format!(r"^\s*{place},?\s+(\d{{1,2}})(?:er|e)?\s+({alt})\.?(?:\s+(\d{{4}}))?\s*[(\-–—,]")),
            month_day: build(&format!(r"^\s*{place},?\s+({alt})\.?\s+(\d{{1,2}})(?:,?\s+(\d{{4}}))?\s*[(\-–—,]")),
            months,
        }
    }

    fn month(&self, name: &str) -> Option<u32> {
        self.months.iter().find(|(m, _)| m == name).map(|&(_, n)| n)
    }

    /// The date of the dateline at the top of `text`, completing a missing year from
    /// `fallback`; and the byte length of the dateline.
    pub fn find(&self, text: &str, fallback: Option<PartialDate>) -> Option<(PartialDate, usize)> {
        let head = &text[..text.char_indices().nth(120).map_or(text.len(), |(i, _)| i)];
        // Every dateline has a number in it: most texts are done here.
        if !head.bytes().any(|b| b.is_ascii_digit()) {
            return None;
        }
        if let Some(c) = self.iso.captures(head) {
            return Some((PartialDate::parse(&c[1])?, c.get(0)?.end()));
        }
        // Folding keeps the byte length of ASCII text; a dateline is matched on the folded
        // head so that "Février" and "fevrier" are one month, and its length is measured
        // on the original head.
        let folded = fold(head);
        // The patterns are matched by the lazy DFA alone; the parts are read off the match.
        // A place has no digits, so the date starts at the match's first digit.
        let (day, month, year, end) = if let Some(m) = self.slash.find(&folded) {
            let [d, mo, y] = numbers(date_part(m.as_str()));
            (d, mo, y, m.end())
        } else if let Some(m) = self.day_month.find(&folded) {
            let mut words = date_part(m.as_str());
            let day = words.next().and_then(leading_number);
            (day, words.next().and_then(|w| self.month(w)), words.next().and_then(leading_number), m.end())
        } else if let Some(m) = self.month_day.find(&folded) {
            let (before, _) = m.as_str().split_at(m.as_str().find(|c: char| c.is_ascii_digit())?);
            let month = before.split(|c: char| !c.is_alphanumeric()).rfind(|w| !w.is_empty()).and_then(|w| self.month(w));
            let [d, y, _] = numbers(date_part(m.as_str()));
            (d, month, y, m.end())
        } else {
            return None;
        };
        let (day, month) = (day.filter(|d| (1..=31).contains(d))?, month.filter(|m| (1..=12).contains(m))?);
        let year = match year {
            Some(y) if y < 100 => 2000 + y,
            Some(y) => y,
            None => fallback?.year,
        };
        let end = original_len(head, &folded, end);
        Some((PartialDate { year, month: Some(month), day: Some(day) }, end))
    }
}

/// The words of a dateline match from its first digit on: "24", "mai", "2021".
fn date_part(m: &str) -> impl Iterator<Item = &str> {
    m[m.find(|c: char| c.is_ascii_digit()).unwrap_or(m.len())..].split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty())
}

/// The number a word starts with ("1er" is 1).
fn leading_number(w: &str) -> Option<u32> {
    w[..w.find(|c: char| !c.is_ascii_digit()).unwrap_or(w.len())].parse().ok()
}

/// The first three numbers among `words`.
fn numbers<'w>(words: impl Iterator<Item = &'w str>) -> [Option<u32>; 3] {
    let mut out = [None; 3];
    for (slot, n) in out.iter_mut().zip(words.filter_map(leading_number)) {
        *slot = Some(n);
    }
    out
}

/// The byte length in `original` of the first `folded_len` bytes of its folded form.
fn original_len(original: &str, folded: &str, folded_len: usize) -> usize {
    if original.len() == folded.len() {
        return folded_len;
    }
    let mut f = 0;
    for (i, c) in original.char_indices() {
        if f >= folded_len {
            return i;
        }
        f += fold(c.encode_utf8(&mut [0; 4])).len();
    }
    original.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dateline_formats() {
        let d = Datelines::new(&LangSet::bundled().unwrap());
        let fb = PartialDate::parse("2021-06-01");
        let cases = [
            (" date 2021-02 (Belga) Plus de six mois", Some("2021-02")),
            ("BRUSSEL 12/03 (BELGA) De regering", Some("2021-03-12")),
            ("PARIS, 3 mars (AFP) - Le président", Some("2021-03-03")),
            ("MOSCOU, 18 janvier 2021 (AFP) - Alexeï", Some("2021-01-18")),
            ("MOSCOW, March 30, 2023 (AP) - The", Some("2023-03-30")),
            ("SOTSJI 14/09/2020 (BELGA) Loekasjenko", Some("2020-09-14")),
            ("GENÈVE, 21 février (AFP) -", Some("2021-02-21")),
            ("KYIV, Feb. 20, 2023 (AP) - President", Some("2023-02-20")),
            ("WASHINGTON, Sept. 4 (AP) -", Some("2021-09-04")),
            ("PARIS, 1er mai (AFP) - Le", Some("2021-05-01")),
            ("Sommet à Minsk. MINSK, 9 août 2020 (AFP) - Le", Some("2020-08-09")),
            ("Le président a parlé.", None),
            ("", None),
        ];
        for (text, want) in cases {
            let got = d.find(text, fb).map(|(p, _)| p.to_string());
            assert_eq!(got.as_deref(), want, "{text:?}");
        }
        assert_eq!(d.find("PARIS, 3 mars (AFP) -", None), None, "no year anywhere");
    }

    #[test]
    fn month_expressions_resolve_to_the_past() {
        let feb = PartialDate::parse("2021-02").unwrap();
        assert_eq!(feb.latest_month(9).to_string(), "2020-09");
        assert_eq!(feb.latest_month(1).to_string(), "2021-01");
        assert_eq!(PartialDate::parse("2021-02-30x"), None);
        assert_eq!(PartialDate::parse("2021-02-28").unwrap().as_day(), 20210228);
    }
}
