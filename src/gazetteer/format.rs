//! Parsing the TSV files: lines, cells, surface lists, dates. One function per cell kind;
//! `load.rs` decides what the values mean.

use std::path::Path;

use crate::error::{DataError, Error};

/// One data line: its 1-based line number and its cells.
pub(crate) struct Row<'a> {
    pub line: usize,
    pub cells: Vec<&'a str>,
}

/// Splits a TSV file into rows, checking the header and every line's column count.
/// Bad lines go to `errors` and are skipped.
pub(crate) fn rows<'a>(
    path: &Path,
    content: &'a str,
    header: &[&str],
    errors: &mut Vec<Error>,
) -> Vec<Row<'a>> {
    let mut out = Vec::new();
    let mut seen_header = false;
    for (i, raw) in content.lines().enumerate() {
        let line = i + 1;
        let text = raw.strip_suffix('\r').unwrap_or(raw);
        if text.trim().is_empty() || text.starts_with('#') {
            continue;
        }
        let cells: Vec<&str> = text.split('\t').collect();
        if !seen_header {
            seen_header = true;
            if cells != header {
                errors.push(data(path, line, DataError::Header {
                    expected: header.join("\t"),
                    found: text.to_string(),
                }));
                return out;
            }
            continue;
        }
        if cells.len() != header.len() {
            errors.push(data(path, line, DataError::Columns { expected: header.len(), found: cells.len() }));
            continue;
        }
        out.push(Row { line, cells: cells.into_iter().map(str::trim).collect() });
    }
    out
}

pub(crate) fn data(path: &Path, line: usize, kind: DataError) -> Error {
    Error::Data { path: path.to_path_buf(), line, kind }
}

/// Which languages a surface is for: a bit per language of [`LANG_TAGS`].
pub(crate) type LangMask = u8;

/// Surface language tags, in bit order.
pub(crate) const LANG_TAGS: [&str; 4] = ["fr", "nl", "en", "de"];
/// Every language.
pub(crate) const ALL_LANGS: LangMask = 0b1111;

/// Parses a surface list: `fr:Russie|Fédération de Russie|nl:Rusland`.
pub(crate) fn surfaces(cell: &str) -> Result<Vec<(LangMask, &str)>, DataError> {
    let mut out = Vec::new();
    let mut mask = ALL_LANGS;
    for value in cell.split('|') {
        let mut value = value.trim();
        if let Some((tag, rest)) = value.split_once(':') {
            if tag == "*" {
                mask = ALL_LANGS;
                value = rest.trim();
            } else if tag.len() == 2 && tag.bytes().all(|b| b.is_ascii_lowercase()) {
                let bit = LANG_TAGS.iter().position(|t| *t == tag).ok_or_else(|| DataError::Unknown {
                    what: "language tag",
                    value: tag.to_string(),
                    expected: "fr, nl, en, de or *".to_string(),
                })?;
                mask = 1 << bit;
                value = rest.trim();
            }
        }
        if !value.is_empty() {
            out.push((mask, value));
        }
    }
    Ok(out)
}

/// A calendar date as a sortable number, `yyyymmdd`.
pub(crate) type Day = u32;

/// Parses `YYYY-MM-DD`.
pub(crate) fn date(column: &'static str, value: &str) -> Result<Day, DataError> {
    let bad = || DataError::Date { column, value: value.to_string() };
    let parts: Vec<&str> = value.split('-').collect();
    let widths: &[usize] = &[4, 2, 2][..parts.len().min(3)];
    if !(1..=3).contains(&parts.len()) || parts.iter().zip(widths).any(|(p, &w)| p.len() != w) {
        return Err(bad());
    }
    let num = |s: &str| s.parse::<u32>().map_err(|_| bad());
    let y = num(parts[0])?;
    let m = parts.get(1).map(|s| num(s)).transpose()?;
    let d = parts.get(2).map(|s| num(s)).transpose()?;
    if m.is_some_and(|m| !(1..=12).contains(&m)) || d.is_some_and(|d| !(1..=31).contains(&d)) {
        return Err(bad());
    }
    // A date known to the month or the year only covers all of it: a start is its first
    // day, an end its last.
    let first = column == "start";
    let m = m.unwrap_or(if first { 1 } else { 12 });
    let d = d.unwrap_or(if first { 1 } else { 31 });
    Ok(y * 10_000 + m * 100 + d)
}

/// Prints a [`Day`] as `YYYY-MM-DD`.
pub(crate) fn day_string(d: Day) -> String {
    format!("{:04}-{:02}-{:02}", d / 10_000, d / 100 % 100, d % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surface_lists() {
        let got = surfaces("Kremlin|fr:le Kremlin|nl:het Kremlin|*:Moscou").unwrap();
        assert_eq!(got, vec![(ALL_LANGS, "Kremlin"), (1, "le Kremlin"), (2, "het Kremlin"), (ALL_LANGS, "Moscou")]);
        assert!(surfaces("xx:Foo").is_err());
        assert_eq!(surfaces("").unwrap(), vec![]);
        assert_eq!(surfaces("Washington D.C.: the city").unwrap().len(), 1);
    }

    #[test]
    fn dates() {
        assert_eq!(date("start", "2012-05-07"), Ok(20120507));
        assert_eq!(date("start", "2012-05"), Ok(20120501));
        assert_eq!(date("end", "2012-05"), Ok(20120531));
        assert_eq!(date("start", "2012"), Ok(20120101));
        assert_eq!(date("end", "2012"), Ok(20121231));
        for bad in ["2012-5-7", "2012-13-01", "12-05-2012", "2012-05-07x", "", "2012-05-07-01", "201", "2012-00"] {
            assert!(date("start", bad).is_err(), "{bad}");
        }
        assert_eq!(day_string(20120507), "2012-05-07");
    }
}
