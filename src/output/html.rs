//! A self-contained HTML page of one or more documents: the text with its mentions highlighted
//! by kind (the entity id shows on hover), the relations beside it (type, arguments,
//! negation and modality badges, rule), and the entities. Hovering or focusing a relation
//! highlights its trigger and evidence in the text; hovering a mention or an argument
//! outlines every mention of that entity.
//!
//! Everything is inline: one `<style>`, one small `<script>`, no font, image or request, and a
//! Content-Security-Policy that forbids any. Text and attributes are escaped. The script ends
//! by checking that every relation's trigger was found in its text and says so in the footer
//! (`#wl-status`, and `data-wirelink="ready"` on `<html>`), which a headless browser can check.
//! Relation rows have ids (`doc-1-rel-3`): a link to one opens the page with it lit.
//!
//! ```
//! # let text = "Vladimir Poutine a reçu Alexandre Loukachenko à Sotchi.";
//! # let doc = wirelink::Extractor::bundled().extract(text);
//! let page = wirelink::output::html::page(&doc, text);
//! assert!(page.starts_with("<!DOCTYPE html>") && page.contains("vladimir-putin"));
//! ```
//!
//! For a stream of documents, write [`head`], then one [`section`] per document, then
//! [`tail`]: that is what [`page_of`] does.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

use crate::model::{Document, Entity, EntityKind, Mention, MentionForm, Modality, Relation};

/// A page of one document.
pub fn page(doc: &Document, text: &str) -> String {
    page_of(&[(doc, text)])
}

/// A page of several documents, one section each, in order, with a list of contents when
/// there is more than one.
pub fn page_of(docs: &[(&Document, &str)]) -> String {
    let title = match docs {
        [(doc, _)] => doc.file.clone().unwrap_or_else(|| "one document".to_owned()),
        _ => format!("{} documents", docs.len()),
    };
    let mut out = head(&title);
    if docs.len() > 1 {
        out.push_str("<nav class=\"toc\"><ol>");
        for (i, (doc, _)) in docs.iter().enumerate() {
            let _ = write!(out, "<li><a href=\"#doc-{}\">{}</a></li>", i + 1, esc(&doc_name(doc, i + 1)));
        }
        out.push_str("</ol></nav>\n");
    }
    for (i, (doc, text)) in docs.iter().enumerate() {
        out.push_str(&section(doc, text, i + 1));
    }
    out.push_str(&tail());
    out
}

/// The start of a page: doctype, style, the heading with its title, the legend.
pub fn head(title: &str) -> String {
    let mut out = String::with_capacity(STYLE.len() + 2048);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n",
    );
    let _ = writeln!(out, "<title>wirelink: {}</title>", esc(title));
    let _ = writeln!(out, "<style>{STYLE}</style>\n</head>\n<body>");
    let _ = write!(out, "<header class=\"top\"><h1>wirelink <span>{}</span></h1>\n<ul class=\"legend\" aria-label=\"legend\">", esc(title));
    for kind in [EntityKind::Person, EntityKind::Country, EntityKind::City, EntityKind::Organization] {
        let _ = write!(out, "<li><mark class=\"m {0}\">{0}</mark></li>", kind_name(kind));
    }
    out.push_str(
        "<li><mark class=\"m person other\">dotted</mark> not a plain name</li>\
         <li><span class=\"s tr\">trigger</span> and <span class=\"s ev\">evidence</span> of the relation under the pointer</li></ul>\n</header>\n<main>\n",
    );
    out
}

/// One document as a `<section id="doc-N">`; `index` (from 1) keeps ids unique on a page.
pub fn section(doc: &Document, text: &str, index: usize) -> String {
    let entities: HashMap<&str, &Entity> = doc.entities.iter().map(|e| (e.id.as_str(), e)).collect();
    let mentions = drawable_mentions(doc, text);
    let mut out = String::with_capacity(text.len() * 3 + 4096);
    let _ = write!(out, "<section class=\"doc\" id=\"doc-{index}\" aria-labelledby=\"doc-{index}-title\">\n<h2 id=\"doc-{index}-title\">{}", esc(&doc_name(doc, index)));
    let _ = write!(out, " <span class=\"meta\">{}", doc.lang);
    if let Some(d) = &doc.date {
        let _ = write!(out, " · {}", esc(d));
    }
    let _ = writeln!(
        out,
        " · {} entities · {} mentions · {} relations</span></h2>",
        doc.entities.len(),
        doc.mentions.len(),
        doc.relations.len()
    );
    let _ = write!(out, "<div class=\"cols\">\n<div class=\"text\" lang=\"{}\">", doc.lang);
    write_text(&mut out, doc, text, &mentions, &entities);
    out.push_str("</div>\n<div class=\"side\">\n");
    write_relations(&mut out, doc, text, &entities, index);
    write_entities(&mut out, doc, &entities);
    out.push_str("</div>\n</div>\n</section>\n");
    out
}

/// The end of a page: the status line the script fills, the script.
pub fn tail() -> String {
    format!(
        "</main>\n<footer><p id=\"wl-status\" class=\"status\">The script has not run: highlighting on hover needs JavaScript.</p></footer>\n<script>{SCRIPT}</script>\n</body>\n</html>\n"
    )
}

fn doc_name(doc: &Document, index: usize) -> String {
    match (&doc.file, doc.line) {
        (Some(f), Some(l)) => format!("{f}:{l}"),
        (Some(f), None) => f.clone(),
        (None, Some(l)) => format!("line {l}"),
        (None, None) => format!("document {index}"),
    }
}

fn kind_name(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "person",
        EntityKind::Country => "country",
        EntityKind::City => "city",
        EntityKind::Organization => "organization",
    }
}

fn form_name(form: MentionForm) -> &'static str {
    match form {
        MentionForm::Name => "name",
        MentionForm::Partial => "partial",
        MentionForm::Adjective => "adjective",
        MentionForm::Metonym => "metonym",
        MentionForm::Role => "role",
        MentionForm::Coref => "coref",
    }
}

/// `s` escaped for text and for attribute values in double or single quotes.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Whether `[start, end)` is a non-empty span of `text` on char boundaries.
fn fits(text: &str, start: usize, end: usize) -> bool {
    start < end && end <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(end)
}

/// The mentions that can be drawn: their text is the text at their offsets, in order, and
/// none overlaps the one before.
fn drawable_mentions<'d>(doc: &'d Document, text: &str) -> Vec<&'d Mention> {
    let mut out: Vec<&Mention> = Vec::with_capacity(doc.mentions.len());
    for m in &doc.mentions {
        if !fits(text, m.start, m.end) || text.get(m.start..m.end) != Some(m.text.as_str()) {
            continue;
        }
        if out.last().is_some_and(|last| m.start < last.end) {
            continue;
        }
        out.push(m);
    }
    out
}

/// The text, cut at every mention, trigger and evidence bound: a mention is a `<mark>`, a
/// piece inside some trigger or evidence is a `<span data-s data-e>` (byte offsets) the
/// script can light up, the rest is plain text.
fn write_text(out: &mut String, doc: &Document, text: &str, mentions: &[&Mention], entities: &HashMap<&str, &Entity>) {
    // +1 where a trigger or evidence span opens, -1 where it closes.
    let mut deltas: BTreeMap<usize, i32> = BTreeMap::new();
    for r in &doc.relations {
        for (s, e) in [(r.trigger.start, r.trigger.end), (r.evidence.start, r.evidence.end)] {
            if fits(text, s, e) {
                *deltas.entry(s).or_default() += 1;
                *deltas.entry(e).or_default() -= 1;
            }
        }
    }
    let mut cuts: Vec<usize> = vec![0, text.len()];
    cuts.extend(mentions.iter().flat_map(|m| [m.start, m.end]));
    cuts.extend(deltas.keys().copied());
    cuts.sort_unstable();
    cuts.dedup();
    let mut active = 0;
    let mut next = 0; // the next mention to open
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        active += deltas.get(&a).copied().unwrap_or(0);
        if let Some(m) = mentions.get(next).filter(|m| m.start == a) {
            open_mark(out, m, entities.get(m.entity.as_str()).copied());
        }
        let piece = esc(&text[a..b]);
        if active > 0 {
            let _ = write!(out, "<span class=\"s\" data-s=\"{a}\" data-e=\"{b}\">{piece}</span>");
        } else {
            out.push_str(&piece);
        }
        if mentions.get(next).is_some_and(|m| m.end == b) {
            out.push_str("</mark>");
            next += 1;
        }
    }
}

fn open_mark(out: &mut String, m: &Mention, entity: Option<&Entity>) {
    let kind = entity.map_or("unknown", |e| kind_name(e.kind));
    let other = if m.form == MentionForm::Name { "" } else { " other" };
    let mut tip = m.entity.clone();
    if let Some(e) = entity {
        let _ = write!(tip, " · {}", e.name);
        if let Some(role) = &e.role {
            let _ = write!(tip, ", {role}");
        }
        if let Some(c) = &e.country {
            let _ = write!(tip, ", {c}");
        }
    }
    let _ = write!(tip, " · {kind}, {}", form_name(m.form));
    let _ = write!(
        out,
        "<mark class=\"m {kind}{other}\" data-entity=\"{}\" data-tip=\"{}\">",
        esc(&m.entity),
        esc(&tip)
    );
}

fn write_relations(out: &mut String, doc: &Document, text: &str, entities: &HashMap<&str, &Entity>, index: usize) {
    out.push_str("<h3>Relations</h3>\n");
    if doc.relations.is_empty() {
        out.push_str("<p class=\"none\">No relation.</p>\n");
        return;
    }
    out.push_str("<table class=\"rels\"><thead><tr><th>relation</th><th>arguments</th><th>rule</th></tr></thead><tbody>\n");
    for (k, r) in doc.relations.iter().enumerate() {
        let _ = write!(out, "<tr class=\"rel\" id=\"doc-{index}-rel-{}\" tabindex=\"0\"", k + 1);
        write_relation(out, r, text, entities);
    }
    out.push_str("</tbody></table>\n");
}

/// The rest of a relation's row, after `<tr class="rel" id=… tabindex="0"`.
fn write_relation(out: &mut String, r: &Relation, text: &str, entities: &HashMap<&str, &Entity>) {
    let kind = json_name(&r.kind);
    if fits(text, r.trigger.start, r.trigger.end) {
        let _ = write!(out, " data-trigger=\"{} {}\"", r.trigger.start, r.trigger.end);
    }
    if fits(text, r.evidence.start, r.evidence.end) {
        let _ = write!(out, " data-evidence=\"{} {}\"", r.evidence.start, r.evidence.end);
    }
    let _ = write!(out, "><td><span class=\"type\">{}</span>", esc(&kind));
    if r.negated {
        out.push_str(" <span class=\"badge neg\">negated</span>");
    }
    if r.modality != Modality::Asserted {
        let _ = write!(out, " <span class=\"badge mod\">{}</span>", esc(&json_name(&r.modality)));
    }
    let _ = write!(out, "<div class=\"trig\">“{}”</div></td><td>", esc(&r.trigger.text));
    for a in &r.args {
        let _ = write!(out, "<div class=\"arg\"><span class=\"role\">{}</span> ", esc(&json_name(&a.role)));
        match (&a.entity, &a.text) {
            (Some(id), _) => write_chip(out, id, entities.get(id.as_str()).copied()),
            (None, Some(t)) => {
                let _ = write!(out, "<q class=\"item\">{}</q>", esc(t));
            }
            (None, None) => out.push('–'),
        }
        out.push_str("</div>");
    }
    if let Some(l) = &r.location {
        out.push_str("<div class=\"arg\"><span class=\"role\">location</span> ");
        write_chip(out, l, entities.get(l.as_str()).copied());
        out.push_str("</div>");
    }
    if let Some(d) = &r.date {
        let _ = write!(out, "<div class=\"arg\"><span class=\"role\">date</span> {}</div>", esc(d));
    }
    let _ = write!(out, "</td><td><code>{}</code>", esc(&r.rule));
    if !r.cameo.is_empty() {
        let _ = write!(out, "<div class=\"cameo\">CAMEO {}</div>", esc(&r.cameo));
    }
    out.push_str("</td></tr>\n");
}

/// An entity as a coloured chip with its name, its id on hover.
fn write_chip(out: &mut String, id: &str, entity: Option<&Entity>) {
    match entity {
        Some(e) => {
            let _ = write!(
                out,
                "<span class=\"chip {}\" data-entity=\"{}\" data-tip=\"{}\">{}</span>",
                kind_name(e.kind),
                esc(id),
                esc(id),
                esc(&e.name)
            );
        }
        None => {
            let _ = write!(out, "<code class=\"chip\" data-entity=\"{0}\">{0}</code>", esc(id));
        }
    }
}

fn write_entities(out: &mut String, doc: &Document, entities: &HashMap<&str, &Entity>) {
    out.push_str("<h3>Entities</h3>\n<ul class=\"entities\">");
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for m in &doc.mentions {
        *counts.entry(m.entity.as_str()).or_default() += 1;
    }
    for e in &doc.entities {
        out.push_str("<li>");
        write_chip(out, &e.id, entities.get(e.id.as_str()).copied());
        let _ = write!(out, " <code>{}</code>", esc(&e.id));
        let mut facts: Vec<String> = Vec::new();
        if let Some(role) = &e.role {
            facts.push(esc(role));
        }
        if let Some(c) = &e.country {
            facts.push(esc(c));
        }
        if e.known == Some(false) {
            facts.push("not in the gazetteers".to_owned());
        }
        match counts.get(e.id.as_str()) {
            Some(1) => facts.push("1 mention".to_owned()),
            Some(n) => facts.push(format!("{n} mentions")),
            None => facts.push("no mention: named by a relation".to_owned()),
        }
        let _ = write!(out, " <span class=\"facts\">{}</span></li>", facts.join(" · "));
    }
    out.push_str("</ul>\n");
}

/// The contract spelling of a kind (`met_with`, `participant`, `planned`).
fn json_name<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

const STYLE: &str = r#"
:root { --person: #ffcf8f; --country: #9fc9ff; --city: #b5e3a8; --organization: #ddc2f2;
  --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --evidence: #ffec99; --trigger: #ffa94d; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
header.top { padding: 12px 24px; border-bottom: 1px solid var(--line); background: #f6f8fa; }
header.top h1 { margin: 0 0 6px; font-size: 18px; }
header.top h1 span { font-weight: 400; color: var(--muted); }
.legend { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 6px 16px; font-size: 13px; color: var(--muted); }
main { padding: 0 24px 24px; }
nav.toc { margin: 16px 0; font-size: 14px; }
nav.toc ol { margin: 0; padding-left: 24px; columns: 2; }
section.doc { padding-top: 16px; border-bottom: 1px solid var(--line); padding-bottom: 24px; }
section.doc h2 { font-size: 16px; margin: 0 0 12px; word-break: break-all; }
section.doc h2 .meta { font-weight: 400; color: var(--muted); font-size: 13px; word-break: normal; }
.cols { display: grid; grid-template-columns: minmax(0, 1.1fr) minmax(0, 1fr); gap: 24px; align-items: start; }
@media (max-width: 900px) { .cols { grid-template-columns: minmax(0, 1fr); } }
.text { white-space: pre-wrap; overflow-wrap: anywhere; font: 17px/1.9 Georgia, "Times New Roman", serif; padding: 16px 20px;
  border: 1px solid var(--line); border-radius: 6px; background: #fff; position: sticky; top: 8px; max-height: calc(100vh - 16px); overflow: auto; }
mark.m { color: inherit; border-radius: 3px; padding: 1px 2px; position: relative; -webkit-box-decoration-break: clone; box-decoration-break: clone; }
mark.person, .chip.person { background: var(--person); }
mark.country, .chip.country { background: var(--country); }
mark.city, .chip.city { background: var(--city); }
mark.organization, .chip.organization { background: var(--organization); }
mark.unknown { background: #e9ecef; }
mark.other { border-bottom: 2px dotted rgba(0, 0, 0, 0.55); }
mark.same { outline: 2px solid var(--ink); }
[data-tip] { position: relative; }
[data-tip]:hover::after { content: attr(data-tip); position: absolute; left: 0; bottom: calc(100% + 4px); z-index: 2; white-space: nowrap;
  font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: #fff; background: #24292f; padding: 2px 6px; border-radius: 4px; pointer-events: none; }
.s.ev { background: var(--evidence); }
mark .s.ev { background: transparent; }
.s.tr { background: var(--trigger); text-decoration: underline 2px #c2410c; text-underline-offset: 4px; }
mark .s.tr { background: transparent; }
.legend .s { padding: 0 3px; border-radius: 3px; }
.side h3 { font-size: 14px; margin: 0 0 8px; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); }
.side h3 + * { margin-bottom: 20px; }
table.rels { width: 100%; border-collapse: collapse; font-size: 14px; }
table.rels th { text-align: left; font-weight: 600; color: var(--muted); font-size: 12px; border-bottom: 1px solid var(--line); padding: 4px 6px; }
table.rels td { vertical-align: top; padding: 6px; border-bottom: 1px solid #eef1f4; }
tr.rel { cursor: default; }
tr.rel:hover, tr.rel:focus { background: #f1f5f9; }
tr.rel:focus { outline: 2px solid #0969da; outline-offset: -2px; }
.type { font-weight: 600; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.trig { color: var(--muted); font-size: 13px; }
.badge { display: inline-block; font-size: 11px; line-height: 16px; padding: 0 6px; border-radius: 8px; font-weight: 600; vertical-align: 1px; }
.badge.neg { background: #cf222e; color: #fff; }
.badge.mod { background: #ddf4ff; color: #0550ae; border: 1px solid #54aeff; }
.arg { margin: 1px 0; }
.role { display: inline-block; min-width: 72px; color: var(--muted); font-size: 12px; }
.chip { border-radius: 3px; padding: 0 4px; }
q.item { font-style: italic; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; }
.cameo { color: var(--muted); font-size: 12px; }
ul.entities { list-style: none; padding: 0; margin: 0; font-size: 14px; }
ul.entities li { margin: 3px 0; }
.facts { color: var(--muted); font-size: 13px; }
.none { color: var(--muted); }
footer { padding: 8px 24px 24px; color: var(--muted); font-size: 12px; }
"#;

const SCRIPT: &str = r#"
(function () {
  "use strict";
  var root = document.documentElement;
  var status = document.getElementById("wl-status");
  function span(el, name) {
    var v = el.getAttribute(name);
    if (!v) return null;
    var p = v.split(" ").map(Number);
    return p.length === 2 && p[0] < p[1] ? p : null;
  }
  try {
    var sections = document.querySelectorAll("section.doc");
    var rows = 0, missing = [];
    sections.forEach(function (sec) {
      var pieces = Array.prototype.map.call(sec.querySelectorAll(".text .s"), function (el) {
        return { el: el, s: Number(el.dataset.s), e: Number(el.dataset.e) };
      });
      var marks = sec.querySelectorAll(".text mark");
      function inside(r) {
        return r ? pieces.filter(function (p) { return p.s >= r[0] && p.e <= r[1]; }) : [];
      }
      function clear() {
        pieces.forEach(function (p) { p.el.classList.remove("ev", "tr"); });
      }
      function light(row) {
        clear();
        inside(span(row, "data-evidence")).forEach(function (p) { p.el.classList.add("ev"); });
        var t = inside(span(row, "data-trigger"));
        t.forEach(function (p) { p.el.classList.add("tr"); });
        return t;
      }
      sec.querySelectorAll("tr.rel").forEach(function (row, i) {
        rows += 1;
        if (row.hasAttribute("data-trigger") && inside(span(row, "data-trigger")).length === 0) {
          missing.push(sec.id + " relation " + (i + 1));
        }
        row.addEventListener("mouseenter", function () { light(row); });
        row.addEventListener("mouseleave", clear);
        row.addEventListener("focus", function () {
          var t = light(row);
          if (t.length) t[0].el.scrollIntoView({ block: "nearest" });
        });
        row.addEventListener("blur", clear);
      });
      function same(id) {
        marks.forEach(function (m) { m.classList.toggle("same", id !== null && m.dataset.entity === id); });
      }
      sec.addEventListener("mouseover", function (ev) {
        var el = ev.target.closest("[data-entity]");
        same(el && sec.contains(el) ? el.dataset.entity : null);
      });
      sec.addEventListener("mouseleave", function () { same(null); });
    });
    if (missing.length) throw new Error("trigger not found in the text: " + missing.join(", "));
    // A link to a relation (#doc-1-rel-3) opens with that relation lit.
    var target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    if (target && target.matches("tr.rel")) target.focus();
    status.textContent = "View ready: " + sections.length + (sections.length === 1 ? " document, " : " documents, ") +
      rows + (rows === 1 ? " relation" : " relations") + ", every trigger found in its text. Point at a relation to see its trigger and evidence.";
    root.setAttribute("data-wirelink", "ready");
  } catch (err) {
    root.setAttribute("data-wirelink", "error");
    if (status) status.textContent = "View error: " + err.message;
    throw err;
  }
})();
"#;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ArgRole, Argument, ByteSpan, RelationKind, TextSpan};

    fn doc() -> (Document, &'static str) {
        let text = "<b>Poutine</b> a rencontré \"Loukachenko\" & co.";
        let m = |start: usize, end: usize, entity: &str| Mention {
            start,
            end,
            char_start: start,
            char_end: end,
            text: text[start..end].to_owned(),
            entity: entity.to_owned(),
            form: MentionForm::Name,
        };
        let person = |id: &str, name: &str| Entity {
            id: id.to_owned(),
            kind: EntityKind::Person,
            name: name.to_owned(),
            country: None,
            role: None,
            known: None,
        };
        let p = text.find("Poutine").unwrap();
        let l = text.find("Loukachenko").unwrap();
        let t = text.find("a rencontr").unwrap();
        let t_end = t + "a rencontré".len();
        let doc = Document {
            file: Some("a<b>.txt".to_owned()),
            line: None,
            lang: crate::Lang::Fr,
            date: None,
            entities: vec![person("vladimir-putin", "Vladimir Putin"), person("alexander-lukashenko", "Alexander \"Sasha\" Lukashenko")],
            mentions: vec![m(p, p + 7, "vladimir-putin"), m(l, l + 11, "alexander-lukashenko")],
            relations: vec![Relation {
                kind: RelationKind::MetWith,
                args: ["vladimir-putin", "alexander-lukashenko"]
                    .map(|id| Argument { role: ArgRole::Participant, entity: Some(id.to_owned()), text: None, start: None, end: None })
                    .to_vec(),
                location: None,
                date: None,
                negated: true,
                modality: Modality::Planned,
                trigger: TextSpan { start: t, end: t_end, text: text[t..t_end].to_owned() },
                evidence: ByteSpan { start: 0, end: text.len() },
                rule: "fr.meet.verb_rencontrer".to_owned(),
                cameo: "040".to_owned(),
            }],
        };
        (doc, text)
    }

    #[test]
    fn text_and_attributes_are_escaped() {
        let (doc, text) = doc();
        let page = page(&doc, text);
        assert!(page.contains("&lt;b&gt;"), "the tags of the text are text");
        assert!(!page.contains("<b>Poutine"), "no raw markup from the text");
        assert!(!page.contains("\"Loukachenko\"") && page.contains("&quot;"), "quotes of the text are escaped");
        assert!(page.contains("&amp; co."));
        assert!(page.contains("a&lt;b&gt;.txt"), "the file name is escaped too");
        assert!(page.contains("Alexander &quot;Sasha&quot; Lukashenko"));
    }

    #[test]
    fn mentions_are_marks_and_the_relation_row_carries_its_spans_and_badges() {
        let (doc, text) = doc();
        let page = page(&doc, text);
        assert!(page.contains("<mark class=\"m person\" data-entity=\"vladimir-putin\""));
        let t = text.find("a rencontr").unwrap();
        assert!(page.contains(&format!("data-trigger=\"{} {}\"", t, t + "a rencontré".len())));
        assert!(page.contains(&format!("data-evidence=\"0 {}\"", text.len())));
        assert!(page.contains("<span class=\"badge neg\">negated</span>"));
        assert!(page.contains("<span class=\"badge mod\">planned</span>"));
        assert!(page.contains("<code>fr.meet.verb_rencontrer</code>"));
    }

    #[test]
    fn the_page_fetches_nothing() {
        let (doc, text) = doc();
        let page = page(&doc, text);
        for needle in ["http:", "https:", "src=", "@import", "url("] {
            assert!(!page.contains(needle), "the page holds {needle:?}");
        }
    }

    #[test]
    fn a_mention_that_does_not_fit_the_text_is_left_out_not_sliced() {
        let (mut doc, text) = doc();
        doc.mentions[0].end = text.len() + 10;
        doc.relations[0].trigger.start = 1000;
        let page = page(&doc, text);
        assert!(!page.contains("<mark class=\"m person\" data-entity=\"vladimir-putin\""), "the broken mention is not drawn");
        assert!(!page.contains(" data-trigger=\""), "the broken trigger is not offered");
    }
}
