#!/usr/bin/env python3
"""Merge the curated people files into gazetteers/persons.tsv and gazetteers/offices.tsv.

    python3 gazetteers/build/people.py           # writes both files
    python3 gazetteers/build/people.py --check   # fails if they differ from what it would write

Reads build/curated/people/*.persons.tsv and *.offices.tsv (core first, then by file name;
the columns of persons.tsv and offices.tsv). A person may appear in several files: the
surface lists are merged, the name and country must agree. Offices are deduplicated and
sorted by holder country or organization, office and start. Terms of one office of one
country that overlap by more than a month are reported (a wrong date is a bug), except in
countries with collective or co-equal offices; so is a person given another name or country
in a second file. With --check, any such warning fails. Standard library only, so CI can run it.

Persons of countries whose names are romanized from Cyrillic get the French, Dutch and German
spellings their curated row lacks, derived from the English one by the rules of RULES
("Lukashenko": "Loukachenko", "Loekasjenko", "Lukaschenko"). The rules' examples and a list of
well-known names run as a test:

    python3 -m doctest gazetteers/build/people.py
"""
import argparse
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
PEOPLE = HERE / "curated" / "people"
GAZ = HERE.parent
LANG_TAGS = {"fr", "nl", "en", "de", "*"}
# Co-princes, captains regent, a collective presidency, a federal council: offices held by
# several people at once.
SHARED_OFFICES = {"AND", "SMR", "BIH", "CHE"}
# How many days two consecutive terms may overlap (dates known only to the month).
SLACK_DAYS = 31


def rows(path, header):
    """(line number, cells) of a TSV with a checked header; comments and blanks skipped."""
    out, seen_header = [], False
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not seen_header:
            if cells != header:
                sys.exit(f"{path}:{n}: header must be {chr(9).join(header)!r}")
            seen_header = True
            continue
        if len(cells) != len(header):
            sys.exit(f"{path}:{n}: expected {len(header)} columns, found {len(cells)}")
        out.append((n, [c.strip() for c in cells]))
    return out


def surfaces(cell):
    """A surface list as [(lang, surface)], tags resolved."""
    out, lang = [], "*"
    for value in cell.split("|"):
        tag, _, rest = value.partition(":")
        if rest and tag in LANG_TAGS:
            lang, value = tag, rest
        if value.strip():
            out.append((lang, value.strip()))
    return out


def merge_surfaces(a, b):
    """Surface list cell `a` with the values of `b` it lacks, tags kept."""
    pairs = surfaces(a)
    pairs += [p for p in surfaces(b) if p not in pairs]
    out, lang = [], "*"
    for tag, value in pairs:
        out.append(value if tag == lang else f"{tag}:{value}")
        lang = tag
    return "|".join(out)


def day(value, end):
    """A YYYY[-MM[-DD]] date as an ordinal-ish number of days, for overlap checks."""
    parts = [int(p) for p in value.split("-")]
    y, m, d = (parts + [12 if end else 1, 31 if end else 1])[:3] if len(parts) == 1 else \
        (parts + [31 if end else 1])[:3]
    return y * 372 + (m - 1) * 31 + d


def files(kind):
    found = sorted(PEOPLE.glob(f"*.{kind}.tsv"), key=lambda p: (p.name != f"core.{kind}.tsv", p.name))
    if not found:
        sys.exit(f"{PEOPLE}: no *.{kind}.tsv")
    return found


# --- Spellings of names romanized from Cyrillic ------------------------------------------------
#
# English papers write "Lukashenko", French ones "Loukachenko", Dutch ones "Loekasjenko", German
# ones "Lukaschenko": each language romanizes Russian, Ukrainian, Belarusian, Bulgarian and
# Central Asian names its own way, and a dispatch uses its language's spelling. The curated files
# give these spellings for the leaders in the news; for the others they are derived from the
# English spelling by the rules below. The English romanization loses some letters (ё is written
# "e": "Gorbachev", Dutch "Gorbatsjov"), so irregular spellings stay curated.

# Which rules a country's names take. Serbian and Macedonian names have a Latin spelling of their
# own ("Aleksandar Vučić") that every language's press uses unchanged; Mongolian names keep their
# vowels in every language and French papers keep the English spelling ("Tsakhiagiin Elbegdorj",
# Dutch "Tsachiagiin", German "Tsachiagiin").
FULL = frozenset({"RUS", "UKR", "BLR", "BGR", "KAZ", "KGZ", "TJK"})
CONSONANTS = FULL | {"MNG"}
TRANSLITERATED = CONSONANTS | {"SRB", "MKD"}
SPELLING_LANGS = ("fr", "nl", "de")

# (English pattern, {language: spelling}, countries, word, example). At each letter of a
# lower-case word the first rule whose pattern matches there, for the country, the word (True: a
# surname only, False: a given name only, None: any) and a language it gives, is applied and the
# word continues after the matched letters; a letter no rule takes is kept. A pattern sees the
# whole English word (^ its start, $ its end, look-behind the letters before). The example is a
# country, one English word of it and the word's French, Dutch and German spellings. Surnames in -ny keep their y
# ("Navalny"); given names do not ("Yevgeny": "Evgueni").
RULES = [
    ("shch", {"fr": "chtch", "nl": "sjtsj", "de": "schtsch"}, FULL, None,
     ("UKR", "Yushchenko", "Iouchtchenko", "Joesjtsjenko", "Juschtschenko")),
    ("ych$", {"fr": "itch"}, FULL, None, ("UKR", "Yanukovych", "Ianoukovitch", "Janoekovytsj", "Janukowytsch")),
    ("(?<=[^aeiou])y[yi]$", {"fr": "y", "nl": "y", "de": "yj"}, FULL, None,
     ("UKR", "Zelenskyy", "Zelensky", "Zelensky", "Selenskyj")),
    ("sky$", {"fr": "ski", "nl": "sky", "de": "skyj"}, {"UKR"}, None,
     ("UKR", "Zvyahilsky", "Zviahilski", "Zvjahilsky", "Swjahilskyj")),
    ("sky$", {"fr": "ski", "nl": "ski", "de": "ski"}, FULL, None,
     ("RUS", "Zhirinovsky", "Jirinovski", "Zjirinovski", "Schirinowski")),
    ("i[yi]$", {"fr": "i", "nl": "i", "de": "ij"}, FULL, None, ("UKR", "Vitaliy", "Vitali", "Vitali", "Witalij")),
    ("(?<=[^aeiouyn])y$", {"fr": "i", "nl": "i", "de": "i"}, FULL, None, ("RUS", "Dmitry", "Dmitri", "Dmitri", "Dmitri")),
    ("(?<=n)y$", {"fr": "i", "nl": "i", "de": "i"}, FULL, False, ("RUS", "Yevgeny", "Evgueni", "Jevgeni", "Jewgeni")),
    ("^ye", {"fr": "ie", "nl": "je", "de": "je"}, {"UKR", "BLR"}, None, ("UKR", "Yermak", "Iermak", "Jermak", "Jermak")),
    ("^ye", {"fr": "e", "nl": "je", "de": "je"}, FULL, None, ("RUS", "Yeltsin", "Eltsine", "Jeltsin", "Jelzin")),
    ("(?<=i)y(?=[aeou])", {"fr": "", "nl": "j", "de": "j"}, FULL, None,
     ("RUS", "Matviyenko", "Matvienko", "Matvijenko", "Matwijenko")),
    ("(?<=[aeiou])y(?=[aeou])", {"fr": "ï", "nl": "j", "de": "j"}, FULL, None,
     ("KAZ", "Nazarbayev", "Nazarbaïev", "Nazarbajev", "Nasarbajew")),
    ("(?<=e)y", {"fr": "ï", "nl": "j", "de": "j"}, FULL, None, ("RUS", "Andrey", "Andreï", "Andrej", "Andrej")),
    ("(?<=[aou])y$", {"fr": "ï", "nl": "j", "de": "i"}, FULL, None, ("RUS", "Nikolay", "Nikolaï", "Nikolaj", "Nikolai")),
    ("(?<=[aou])y", {"fr": "ï", "nl": "j", "de": "j"}, FULL, None, ("BGR", "Boyko", "Boïko", "Bojko", "Bojko")),
    ("y(?=[aeou])", {"fr": "i", "nl": "j", "de": "j"}, FULL, None,
     ("RUS", "Zyuganov", "Ziouganov", "Zjoeganov", "Sjuganow")),
    ("(?<=e)i$", {"fr": "ï", "nl": "j", "de": "j"}, FULL, None, ("RUS", "Sergei", "Sergueï", "Sergej", "Sergej")),
    ("(?<=a)i$", {"fr": "ï", "nl": "j"}, FULL, None, ("RUS", "Nikolai", "Nikolaï", "Nikolaj", "Nikolai")),
    ("(?<=[ao])i(?![aeiou])", {"fr": "ï", "nl": "j"}, FULL, None, ("RUS", "Shoigu", "Choïgou", "Sjojgoe", "Schoigu")),
    ("kh", {"nl": "ch", "de": "ch"}, CONSONANTS, None, ("RUS", "Mikhail", "Mikhaïl", "Michail", "Michail")),
    ("zh", {"fr": "j", "nl": "zj", "de": "sch"}, FULL, None, ("RUS", "Prigozhin", "Prigojine", "Prigozjin", "Prigoschin")),
    ("ch", {"fr": "tch", "nl": "tsj", "de": "tsch"}, FULL, None, ("UKR", "Kuchma", "Koutchma", "Koetsjma", "Kutschma")),
    ("ch", {"nl": "tsj", "de": "tsch"}, CONSONANTS, None, ("MNG", "Ochirbat", "Ochirbat", "Otsjirbat", "Otschirbat")),
    ("sh", {"fr": "ch", "nl": "sj", "de": "sch"}, FULL, None,
     ("RUS", "Lukashenko", "Loukachenko", "Loekasjenko", "Lukaschenko")),
    ("sh", {"nl": "sj", "de": "sch"}, CONSONANTS, None, ("MNG", "Zandanshatar", "Zandanshatar", "Zandansjatar", "Zandanschatar")),
    ("ts", {"de": "z"}, FULL, None, ("UKR", "Yatsenyuk", "Iatseniouk", "Jatsenjoek", "Jazenjuk")),
    ("ou", {"fr": "ou", "nl": "oe", "de": "ou"}, FULL, None,
     ("BLR", "Tsikhanouskaya", "Tsikhanouskaïa", "Tsichanoeskaja", "Zichanouskaja")),
    ("u", {"fr": "ou", "nl": "oe"}, FULL, None, ("UKR", "Kuleba", "Kouleba", "Koeleba", "Kuleba")),
    ("(?<=[aeiouy])s(?=[aeiou])", {"fr": "ss", "de": "ss"}, FULL, None, ("RUS", "Borisov", "Borissov", "Borisov", "Borissow")),
    ("(?<=[aeiouy])s(?=y[aeiou])", {"fr": "ss"}, FULL, None, ("RUS", "Kasyanov", "Kassianov", "Kasjanov", "Kasjanow")),
    ("g(?=[ei])", {"fr": "gu"}, FULL, None, ("RUS", "Gerasimov", "Guerassimov", "Gerasimov", "Gerassimow")),
    ("z", {"de": "s"}, FULL, None, ("RUS", "Kozyrev", "Kozyrev", "Kozyrev", "Kosyrew")),
    ("v", {"de": "w"}, CONSONANTS, None, ("RUS", "Lavrov", "Lavrov", "Lavrov", "Lawrow")),
    ("j", {"fr": "dj", "nl": "dzj", "de": "dsch"}, {"KGZ", "TJK"}, None,
     ("KGZ", "Jumagulov", "Djoumagoulov", "Dzjoemagoelov", "Dschumagulow")),
    ("j", {"nl": "zj", "de": "sch"}, {"KAZ"}, None, ("KAZ", "Jomart", "Jomart", "Zjomart", "Schomart")),
    ("(?<=[^aeiouy])in$", {"fr": "ine"}, FULL - {"BGR"}, True,
     ("RUS", "Mishustin", "Michoustine", "Misjoestin", "Mischustin")),
]
_COMPILED = [(re.compile(p), spell, where, surname) for p, spell, where, surname, _ in RULES]

# Given names every paper spells its own way, whatever the rules say.
IRREGULAR = {
    "andriy": {"fr": "Andriï", "nl": "Andrij", "de": "Andrij"},
    "andrii": {"fr": "Andriï", "nl": "Andrij", "de": "Andrij"},
    "oleksiy": {"fr": "Oleksiï", "nl": "Oleksij", "de": "Oleksij"},
    "oleksii": {"fr": "Oleksiï", "nl": "Oleksij", "de": "Oleksij"},
    "mikhail": {"fr": "Mikhaïl", "nl": "Michail", "de": "Michail"},
    "alexander": {"fr": "Alexandre", "nl": "Aleksandr"},
    # A surname its bearer writes in Latin letters himself.
    "passy": {},
    "alexei": {"fr": "Alexeï", "nl": "Aleksej", "de": "Alexej"},
    "alexey": {"fr": "Alexeï", "nl": "Aleksej", "de": "Alexej"},
}


def transliterate_word(word, lang, country, surname):
    """One English word (no space, no hyphen) in `lang`'s spelling.

    A word with letters other than a to z is kept.
    """
    low = word.lower()
    if low in IRREGULAR:
        return IRREGULAR[low].get(lang, word)
    if not low.isascii() or not low.isalpha():
        return word
    out, i = [], 0
    while i < len(low):
        for rx, spell, where, surname_only, in _COMPILED:
            if lang not in spell or country not in where or surname_only not in (None, surname):
                continue
            m = rx.match(low, i)
            if m and m.end() > i:
                out.append(spell[lang])
                i = m.end()
                break
        else:
            out.append(low[i])
            i += 1
    text = "".join(out)
    return text[:1].upper() + text[1:] if word[:1].isupper() else text


def transliterate(name, lang, country, surname_only=False):
    """`name`, romanized for English papers, as French, Dutch or German papers write it.

    The last word of a full name is the surname; with `surname_only` every word is. Names of
    countries outside TRANSLITERATED come back unchanged, and so do a name the press took in its
    German spelling ("Vitali Klitschko": "sch" and "w" are no English romanization) and a name
    with letters beyond a to z ("Ukhnaagiin Khürelsükh", "Aleksandar Vučić").

    What the rules give for names in the news (English, French, Dutch, German). They are the
    spellings papers use, but for the vowel ё that the English spelling loses (below,
    "Gorbachev": Dutch papers write "Gorbatsjov", German ones "Gorbatschow"; such names stay
    curated):

    >>> names = [("RUS", "Sergei Shoigu"), ("RUS", "Dmitry Peskov"), ("RUS", "Yevgeny Prigozhin"),
    ...     ("RUS", "Mikhail Mishustin"), ("RUS", "Vyacheslav Volodin"), ("RUS", "Ilya Yashin"),
    ...     ("RUS", "Mikhail Khodorkovsky"), ("RUS", "Boris Yeltsin"), ("RUS", "Alexei Navalny"),
    ...     ("RUS", "Valery Gerasimov"), ("RUS", "Nikolai Patrushev"), ("RUS", "Gennady Zyuganov"),
    ...     ("RUS", "Putin"), ("BLR", "Roman Protasevich"), ("UKR", "Petro Poroshenko"),
    ...     ("UKR", "Viktor Yanukovych"), ("UKR", "Leonid Kravchuk"), ("UKR", "Denys Shmyhal"), ("UKR", "Andriy Yermak"),
    ...     ("UKR", "Arseniy Yatsenyuk"), ("UKR", "Valerii Zaluzhnyi"), ("KAZ", "Nursultan Nazarbayev"),
    ...     ("BGR", "Rumen Radev"), ("SRB", "Aleksandar Vučić"), ("UKR", "Vitali Klitschko"),
    ...     ("RUS", "Mikhail Gorbachev")]
    >>> for country, name in names:
    ...     print(" | ".join([name] + [transliterate(name, lang, country) for lang in SPELLING_LANGS]))
    Sergei Shoigu | Sergueï Choïgou | Sergej Sjojgoe | Sergej Schoigu
    Dmitry Peskov | Dmitri Peskov | Dmitri Peskov | Dmitri Peskow
    Yevgeny Prigozhin | Evgueni Prigojine | Jevgeni Prigozjin | Jewgeni Prigoschin
    Mikhail Mishustin | Mikhaïl Michoustine | Michail Misjoestin | Michail Mischustin
    Vyacheslav Volodin | Viatcheslav Volodine | Vjatsjeslav Volodin | Wjatscheslaw Wolodin
    Ilya Yashin | Ilia Iachine | Ilja Jasjin | Ilja Jaschin
    Mikhail Khodorkovsky | Mikhaïl Khodorkovski | Michail Chodorkovski | Michail Chodorkowski
    Boris Yeltsin | Boris Eltsine | Boris Jeltsin | Boris Jelzin
    Alexei Navalny | Alexeï Navalny | Aleksej Navalny | Alexej Nawalny
    Valery Gerasimov | Valeri Guerassimov | Valeri Gerasimov | Waleri Gerassimow
    Nikolai Patrushev | Nikolaï Patrouchev | Nikolaj Patroesjev | Nikolai Patruschew
    Gennady Zyuganov | Guennadi Ziouganov | Gennadi Zjoeganov | Gennadi Sjuganow
    Putin | Poutine | Poetin | Putin
    Roman Protasevich | Roman Protassevitch | Roman Protasevitsj | Roman Protassewitsch
    Petro Poroshenko | Petro Porochenko | Petro Porosjenko | Petro Poroschenko
    Viktor Yanukovych | Viktor Ianoukovitch | Viktor Janoekovytsj | Wiktor Janukowytsch
    Leonid Kravchuk | Leonid Kravtchouk | Leonid Kravtsjoek | Leonid Krawtschuk
    Denys Shmyhal | Denys Chmyhal | Denys Sjmyhal | Denys Schmyhal
    Andriy Yermak | Andriï Iermak | Andrij Jermak | Andrij Jermak
    Arseniy Yatsenyuk | Arseni Iatseniouk | Arseni Jatsenjoek | Arsenij Jazenjuk
    Valerii Zaluzhnyi | Valeri Zaloujny | Valeri Zaloezjny | Walerij Saluschnyj
    Nursultan Nazarbayev | Noursoultan Nazarbaïev | Noersoeltan Nazarbajev | Nursultan Nasarbajew
    Rumen Radev | Roumen Radev | Roemen Radev | Rumen Radew
    Aleksandar Vučić | Aleksandar Vučić | Aleksandar Vučić | Aleksandar Vučić
    Vitali Klitschko | Vitali Klitschko | Vitali Klitschko | Vitali Klitschko
    Mikhail Gorbachev | Mikhaïl Gorbatchev | Michail Gorbatsjev | Michail Gorbatschew

    Every rule's own example:

    >>> [(ex, got) for *_, word, (country, *ex) in RULES
    ...  if (got := [ex[0]] + [transliterate_word(ex[0], lang, country, word is not False) for lang in SPELLING_LANGS]) != ex]
    []
    """
    if country not in CONSONANTS or not name.isascii() or "sch" in name.lower() or "w" in name.lower():
        return name
    words = name.split(" ")
    out = []
    for n, word in enumerate(words):
        surname = surname_only or n == len(words) - 1
        out.append("-".join(transliterate_word(part, lang, country, surname) for part in word.split("-")))
    return " ".join(out)


def fold(s):
    """A surface as the matcher compares it: marks dropped, lower case."""
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c)).lower()


def add_spellings(person):
    """Adds to a merged persons.tsv row the spellings of TRANSLITERATED names it lacks.

    For each of fr, nl and de without a value tagged with that language, the full name and the
    English surname (the one that ends the name, else the first) are transliterated. A spelling
    the cell already has (after folding) is not repeated, and a surname is not added for a
    language whose full names are curated but do not contain it.
    """
    pid, name, country, names, short = person
    if country not in TRANSLITERATED:
        return person
    name_pairs, short_pairs = surfaces(names), surfaces(short)
    english = [v for tag, v in short_pairs if tag in ("en", "*")]
    last = name.split(" ")[-1]
    surname = last if last in english else english[0] if english else None
    cells = []
    for cell, pairs, source, surname_only in ((names, name_pairs, name, False), (short, short_pairs, surname, True)):
        extra = []
        for lang in SPELLING_LANGS:
            if source is None or any(tag == lang for tag, _ in pairs):
                continue
            spelled = transliterate(source, lang, country, surname_only)
            if fold(spelled) in {fold(v) for _, v in pairs + extra}:
                continue
            curated = [fold(v) for tag, v in name_pairs if tag == lang]
            if surname_only and curated and not any(fold(spelled) in c.replace("-", " ").split() for c in curated):
                continue
            extra.append((lang, spelled))
        cells.append(merge_surfaces(cell, "|".join(f"{tag}:{v}" for tag, v in extra)) if extra else cell)
    return [pid, name, country, cells[0], cells[1]]


PERSONS_HEADER = ["id", "name", "country", "names", "short"]
OFFICES_HEADER = ["person", "role", "of", "start", "end"]


def merge_persons(warnings):
    persons, where = {}, {}
    for path in files("persons"):
        for n, c in rows(path, PERSONS_HEADER):
            pid = c[0]
            if pid not in persons:
                persons[pid], where[pid] = c, f"{path.relative_to(GAZ)}:{n}"
                continue
            old = persons[pid]
            if (old[1], old[2]) != (c[1], c[2]):
                warnings.append(f"{path.relative_to(GAZ)}:{n}: {pid} is {c[1]!r} of {c[2]} here "
                                f"but {old[1]!r} of {old[2]} at {where[pid]} (the first is kept)")
            old[3], old[4] = merge_surfaces(old[3], c[3]), merge_surfaces(old[4], c[4])
    return list(persons.values())


def merge_offices(known, warnings):
    out = set()
    for path in files("offices"):
        for n, c in rows(path, OFFICES_HEADER):
            if c[0] not in known:
                sys.exit(f"{path}:{n}: unknown person {c[0]!r}, not in any *.persons.tsv")
            out.add(tuple(c))
    terms = sorted(out, key=lambda o: (o[2], o[1], o[3], o[0]))
    by_office = defaultdict(list)
    for o in terms:
        by_office[(o[2], o[1])].append(o)
    for (of, role), ts in by_office.items():
        if of in SHARED_OFFICES:
            continue
        for a, b in zip(ts, ts[1:]):
            a_end = day(a[4], True) if a[4] else 10**9
            if a[0] != b[0] and a_end - day(b[3], False) > SLACK_DAYS:
                warnings.append(f"overlap: {role} of {of}: {a[0]} {a[3]}..{a[4] or 'now'} and {b[0]} from {b[3]}")
    return [list(t) for t in terms]


def render(comment, header, table):
    lines = [f"# {l}" for l in comment.splitlines()] + ["\t".join(header)] + ["\t".join(r) for r in table]
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=GAZ)
    ap.add_argument("--check", action="store_true", help="compare with the files in --out instead of writing")
    args = ap.parse_args()
    warnings = []
    persons = [add_spellings(p) for p in merge_persons(warnings)]
    offices = merge_offices({p[0] for p in persons}, warnings)
    for w in warnings:
        print(f"people.py: {w}", file=sys.stderr)
    outputs = {
        "persons.tsv": render("Generated by build/people.py from build/curated/people/*.persons.tsv. Do not edit:\n"
                              "edit the curated files and rerun. Columns: see README.md. French, Dutch and German\n"
                              "spellings of names romanized from Cyrillic that the curated files lack are derived\n"
                              "from the English one (people.py, RULES).", PERSONS_HEADER, persons),
        "offices.tsv": render("Generated by build/people.py from build/curated/people/*.offices.tsv. Do not edit:\n"
                              "edit the curated files and rerun. Columns: see README.md. An empty end: in office.",
                              OFFICES_HEADER, offices),
    }
    stale = []
    for name, text in outputs.items():
        path = args.out / name
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            path.write_text(text, encoding="utf-8")
    if stale:
        sys.exit(f"people.py: {', '.join(stale)} out of date: run python3 gazetteers/build/people.py")
    print(f"people.py: {len(persons)} persons, {len(offices)} terms of office, {len(warnings)} warnings",
          file=sys.stderr)
    sys.exit(1 if warnings and args.check else 0)


if __name__ == "__main__":
    main()
