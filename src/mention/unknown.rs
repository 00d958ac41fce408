//! Pass 9: persons the gazetteers do not know.
//!
//! A capitalised name of two or three words right after a person cue ("le principal opposant
//! Viktor Babariko", "reporter Evan Gershkovich", "dhr. Jan Jansen") names a person: it gets the
//! slug of the name as written for an id and `"known": false` (CONTRACT.md). A later
//! capitalised occurrence of its last word is a `partial` mention of the same person. The
//! relation engine gives them ids past the gazetteer's (`engine::unknown_id`), so that they
//! fill slots like any person ("Viktor Babarikov, qui est en prison": he is the detainee,
//! not the person named before him).

use super::{Cand, Ctx};
use crate::model::MentionForm;
use crate::normalize::{FoldedSpan, Span};

/// A mention of a person the gazetteers do not know.
#[derive(Debug, Clone)]
pub(crate) struct Unknown {
    pub span: Span,
    pub form: MentionForm,
    /// Index in the document's list of unknown persons.
    pub person: usize,
}

/// One person the gazetteers do not know: the id (slug) and the name as written.
#[derive(Debug, Clone)]
pub(crate) struct Person {
    pub id: String,
    pub name: String,
    /// The folded last word, for later partial mentions.
    surname: String,
}

/// How many capitalised words a name takes at most.
const MAX_WORDS: usize = 3;

pub(super) fn collect(ctx: &Ctx, cands: &[Cand], persons: &mut Vec<Person>, out: &mut Vec<Unknown>) {
    persons.clear();
    out.clear();
    let covered = |span: FoldedSpan| {
        let k = cands.partition_point(|c| c.fspan.end <= span.start);
        cands.get(k).is_some_and(|c| c.fspan.start < span.end)
    };
    let capital = |t: usize| {
        let tok = ctx.tokens[t];
        tok.word
            && !covered(tok.span)
            && ctx.offsets.to_original(tok.span).and_then(|s| ctx.text.get(s.start..s.end)).is_some_and(|w| {
                let mut chars = w.chars();
                chars.next().is_some_and(char::is_uppercase) && chars.all(|c| !c.is_uppercase() || w.len() <= 3)
            })
    };
    let mut t = 0;
    while t < ctx.tokens.len() {
        let Some(n) = ctx.lang.person_cues.match_at(ctx.folded, ctx.tokens, t) else {
            // A later surname of a person found before.
            if !persons.is_empty() && capital(t) {
                let word = ctx.tokens[t].text(ctx.folded);
                if let Some(p) = persons.iter().position(|p| p.surname == word) {
                    if let Some(span) = ctx.offsets.to_original(ctx.tokens[t].span) {
                        out.push(Unknown { span, form: MentionForm::Partial, person: p });
                    }
                }
            }
            t += 1;
            continue;
        };
        let start = t + n;
        let mut end = start;
        while end < ctx.tokens.len() && end - start < MAX_WORDS && capital(end) && adjacent(ctx, end) {
            end += 1;
        }
        if end - start >= 2 {
            let fspan = FoldedSpan::new(ctx.tokens[start].span.start, ctx.tokens[end - 1].span.end);
            if let Some(span) = ctx.offsets.to_original(fspan) {
                let name = ctx.text[span.start..span.end].to_string();
                let id = slug(&ctx.folded[fspan.start..fspan.end]);
                let person = match persons.iter().position(|p| p.id == id) {
                    Some(p) => p,
                    None => {
                        let surname = ctx.tokens[end - 1].text(ctx.folded).to_string();
                        persons.push(Person { id, name, surname });
                        persons.len() - 1
                    }
                };
                out.push(Unknown { span, form: MentionForm::Name, person });
            }
            t = end;
            continue;
        }
        t = start.max(t + 1);
    }
}

/// Whether token `t` follows the previous one after a single space (a name is not split by
/// punctuation or a line break).
fn adjacent(ctx: &Ctx, t: usize) -> bool {
    t == 0 || {
        let (a, b) = (ctx.tokens[t - 1], ctx.tokens[t]);
        !b.newline_before && ctx.folded.get(a.span.end..b.span.start).is_some_and(|g| g == " ") || a.span.end == b.span.start
    }
}

/// The contract's slug: ASCII, lower case, `-` between words.
fn slug(folded: &str) -> String {
    let mut out = String::new();
    for part in folded.split(|c: char| !c.is_ascii_alphanumeric()).filter(|p| !p.is_empty()) {
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(part);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn slugs() {
        assert_eq!(slug("viktor babariko"), "viktor-babariko");
        assert_eq!(slug("jean-pierre o'neill"), "jean-pierre-o-neill");
    }
}
