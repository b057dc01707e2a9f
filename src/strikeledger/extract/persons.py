"""Persons: people named with a role, and whether they held that role on the document's date.

Two steps, shared with the statements component:

1. ``person_mentions(ctx)`` finds every mention of a named person: full names and surnames of
   the officials in ``kb/data/officials.yaml`` in any grammatical case (forms generated from
   ``lang/{uk,ru}/persons.yaml``), and unknown people written "Given Surname" with a given name
   from ``lang/*/persons.yaml``. A role title from ``lang/*/roles.yaml`` right before the name
   ("Mayor Ihor Terekhov", "начальник Харківської ОВА Олег Синєгубов") or in apposition after
   it ("Tymur Tkachenko, head of Kyiv's city military administration,") is attached to the
   mention. Titles have synonyms and paraphrases per language ("head of the country's armed
   forces", "главком", "очільник Харківщини", "глава региона") and may carry an acting
   prefix ("acting", "т.в.о.", "и.о.", "врио": ``RoleMatch.acting``). A lone unknown
   Cyrillic surname right before a singular speech verb ("Галущенко повідомив") is a mention
   when it ends like a surname (``surname_endings`` in ``lang/{uk,ru}/persons.yaml``) and is
   no place. Institutions are never mentions. The result is cached in
   ``ctx.notes["person_mentions"]`` (a list of ``Mention``, sorted by start).
   Unknown people are spelled the way their office's country spells them: a Russian official
   in Ukrainian text by the Russian table (Бусаргін -> Busargin), a Ukrainian one in Russian
   text by the Ukrainian table; the country comes from the title, the KB office its place
   word names, or the place the places component found inside the title.
2. ``component(ctx)`` turns mentions with a role into ``report.persons`` with a role check
   against the knowledge base on the publication date (``ok`` | ``stale`` | ``unknown``) and
   flags ``STALE_ROLE`` when someone is named with an office they did not hold that day.
   ``as_of`` is the publication date, except when the sentence carries its own earlier date
   (``ctx.notes["time"]``) on which the title was right: then the check is ``ok`` as of that
   date ("Defence Minister Reznikov said on 24 February 2023 …"). "Former" titles are ``ok``
   when the person held the office before; a date near a term boundary marked uncertain in
   the knowledge base gives ``unknown``. Acting holders hold the office: "acting governor X"
   after X was elected and "governor X" while X was only acting are both ``ok``; an acting
   title on someone who held no term that day is ``stale`` (kb/data/officials.yaml).

Names are output in the knowledge base's English spelling, else transliterated
(``extract.names.transliterate``: national Ukrainian / BGN-style Russian).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from typing import TYPE_CHECKING, Any

from .. import settings
from ..errors import LanguageDataError
from ..kb.officials import Officials, Term, load
from ..report import Person, RoleCheck, Span
from . import names as namesmod

if TYPE_CHECKING:
    from .pipeline import Context

__all__ = ["Mention", "RoleMatch", "check_role", "component", "person_mentions"]

RULE = "persons.v1"
_CAP = "A-ZА-ЯІЇЄҐЁ"
_LOW = "a-zа-яіїєґё"
_TOKEN = re.compile(rf"[{_CAP}][{_LOW}]*(?:['\-][{_CAP}{_LOW}]+)*[{_LOW}](?:'s)?")


@cache
def _gaps() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(particles inside a name: "Ursula von der Leyen"; the gap of an apposition: ", the")."""
    raw = namesmod.load_lang_yaml("en", "persons")
    particles = "|".join(re.escape(str(w)) for w in raw.get("particles") or []) or "(?!)"
    articles = "|".join(re.escape(str(w)) for w in raw.get("articles") or []) or "(?!)"
    return (
        re.compile(rf" (?:(?:{particles}) )+"),
        re.compile(rf",\s+(?:(?:{articles})\s+)?", re.I),
    )


_PLACE = rf"(?-i:[{_CAP}][\w'-]*)"


@dataclass(frozen=True, slots=True)
class RoleMatch:
    start: int
    end: int
    text: str
    roles: tuple[str, ...]
    country: str | None
    place: str | None
    former: bool = False
    acting: bool = False


@dataclass(slots=True)
class Mention:
    """One mention of a named person. ``start``/``end`` cover the name; ``span_start``/
    ``span_end`` also cover an attached role title. ``extra["oblique"]`` is True when a
    Cyrillic surname stands in an oblique case (the person is not the subject)."""

    start: int
    end: int
    name: str
    person_id: str | None
    full: bool
    possessive: bool = False
    role: RoleMatch | None = None
    span_start: int = 0
    span_end: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RoleLexicon:
    pattern: re.Pattern[str]
    entries: dict[str, tuple[tuple[str, ...], str | None, str | None]]  # group -> roles, cty, place
    countries: tuple[tuple[re.Pattern[str], str], ...]
    fillers: re.Pattern[str]
    plain: re.Pattern[str]  # the titles without a {place}, for when a place word is no place
    starts: tuple[frozenset[str], ...]  # lower-case 1-, 2-, 3-letter beginnings of a title
    capitalised: bool  # whether a title may begin with any capitalised word ("{place} mayor")


@cache
def role_lexicon(lang: str) -> RoleLexicon:
    raw = namesmod.load_lang_yaml(lang, "roles")
    item = f"lang/{lang}/roles.yaml"
    alternatives: list[tuple[bool, int, str, str]] = []
    entries: dict[str, tuple[tuple[str, ...], str | None, str | None]] = {}
    for entry in raw.get("roles") or []:
        if not isinstance(entry, dict) or "role" not in entry or "patterns" not in entry:
            raise LanguageDataError("each role needs `role` and `patterns`", item=item)
        roles = tuple(entry["role"]) if isinstance(entry["role"], list) else (str(entry["role"]),)
        for pat in entry["patterns"]:
            gid = f"r{len(entries)}"
            body = str(pat).replace(" ", r"\s+")
            body = body.replace("{place}", f"(?P<p{len(entries)}>{_PLACE})")
            entries[gid] = (roles, entry.get("country"), entry.get("place"))
            alternatives.append(("{place}" in str(pat), len(str(pat)), gid, body))
    alternatives.sort(key=lambda a: (not a[0], -a[1]))  # titles with a place first
    joined = "|".join(f"(?P<{gid}>{body})" for _p, _n, gid, body in alternatives)
    plain = "|".join(f"(?P<{gid}>{body})" for p, _n, gid, body in alternatives if not p)
    try:
        former = "|".join(re.escape(str(w)) for w in raw.get("former") or []) or "(?!)"
        # "Президент України Володимир Зеленський": the country after the title, in the genitive
        after = "|".join(re.escape(str(w)) for w in raw.get("country_after") or []) or "(?!)"
        # "acting governor", "и.о. губернатора", "т.в.о. губернатора": regex fragments
        acting = "|".join(str(w).replace(" ", r"\s+") for w in raw.get("acting") or []) or "(?!)"
        pattern = re.compile(
            rf"(?<![\w.-])(?P<former>(?:{former})(?<=-)|(?:{former})\s+)?"
            rf"(?P<acting>(?:{acting})\s*)?(?:{joined})"
            rf"(?:\s+(?-i:{after}))?(?![\w-])",
            re.IGNORECASE,
        )
        plain_re = re.compile(
            rf"(?P<former>(?:{former})(?<=-)|(?:{former})\s+)?"
            rf"(?P<acting>(?:{acting})\s*)?(?:{plain})(?:\s+(?-i:{after}))?(?![\w-])",
            re.IGNORECASE,
        )
    except re.error as exc:
        raise LanguageDataError(f"bad role pattern: {exc}", item=item) from exc
    countries = tuple(
        (re.compile(rf"(?<![\w.])(?:{'|'.join(map(re.escape, words))})(?![\w])"), str(code))
        for code, words in (raw.get("countries") or {}).items()
    )
    fillers = [re.escape(str(f)) for f in raw.get("fillers") or []] or ["(?!)"]
    filler_re = re.compile(rf",?\s+(?:(?:{'|'.join(fillers)})\s+)?")
    starts, capitalised = _title_starts(pattern)
    return RoleLexicon(pattern, entries, countries, filler_re, plain_re, starts, capitalised)


_DONE, _CAP_MARK = "\0", "\1"


def _title_starts(pattern: re.Pattern[str]) -> tuple[tuple[frozenset[str], ...], bool]:
    """The lower-case beginnings (up to 3 letters) a match of ``pattern`` can have, read off
    its parse tree, so that ``find_roles`` tries the big alternation only at word starts that
    can begin a title. A beginning shorter than 3 letters means "anything may follow"."""
    import re._constants as c
    import re._parser as sp

    def step(item: Any, p: str) -> set[str]:
        op, av = item
        if op is c.LITERAL:
            return {p + chr(av).lower()}
        if op is c.IN:
            chars = [chr(a) for o, a in av if o is c.LITERAL]
            if chars and len(chars) == len(av) and len(chars) <= 8:
                return {p + ch.lower() for ch in chars}
            ranges = [a for o, a in av if o is c.RANGE]
            if (
                ranges
                and all(chr(lo).isupper() and chr(hi).isupper() for lo, hi in ranges)
                and all(o in (c.RANGE, c.LITERAL) for o, _a in av)
            ):
                return {p + _CAP_MARK}
            return {p + _DONE}
        if op is c.SUBPATTERN:
            return seq(av[-1], {p})
        if op is c.BRANCH:
            return set().union(*(seq(b, {p}) for b in av[1]))
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
            lo, hi, sub = av
            once = seq(sub, {p})
            if hi != 1:
                once = {x if x.endswith((_DONE, _CAP_MARK)) else x + _DONE for x in once}
            return once | ({p} if lo == 0 else set())
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            return {p}
        return {p + _DONE}

    def seq(items: Any, prefixes: set[str]) -> set[str]:
        for item in items:
            new: set[str] = set()
            for p in prefixes:
                if len(p) >= 3 or p.endswith((_DONE, _CAP_MARK)):
                    new.add(p)
                else:
                    new |= step(item, p)
            prefixes = new
        return prefixes

    found = seq(sp.parse(pattern.pattern, pattern.flags), {""})
    capitalised = any(p.startswith(_CAP_MARK) for p in found)
    plain = {p.rstrip(_DONE) for p in found if not p.startswith(_CAP_MARK)}
    plain = {p.split(_CAP_MARK)[0] for p in plain}
    if "" in plain:
        return (frozenset(),), True  # no usable beginnings: try every word start
    by_len = tuple(frozenset(p for p in plain if len(p) == k) for k in (1, 2, 3))
    return by_len, capitalised


@cache
def _title_starts_re(lang: str) -> re.Pattern[str] | None:
    """Word starts where a title of ``lang`` can begin (from ``RoleLexicon.starts``)."""
    lex = role_lexicon(lang)
    if len(lex.starts) == 1:
        return None
    heads = sorted({p for group in lex.starts for p in group}, key=len, reverse=True)
    alts = [re.escape(h) for h in heads] + ([f"(?-i:[{_CAP}])"] if lex.capitalised else [])
    return re.compile(r"(?<![\w.-])(?=" + "|".join(alts) + ")", re.I)


def _title_matches(
    lex: RoleLexicon, lang: str, text: str, a: int, b: int
) -> Iterator[re.Match[str]]:
    """``lex.pattern.finditer(text, a, b)``, tried only where a title can begin."""
    starts = _title_starts_re(lang)
    if starts is None:
        yield from lex.pattern.finditer(text, a, b)
        return
    pos = a
    for w in starts.finditer(text, a, b):
        i = w.start()
        if i < pos:
            continue
        m = lex.pattern.match(text, i, b)
        if m is not None:
            yield m
            pos = m.end()


@cache
def _known_place(word: str) -> bool:
    """Whether a capitalised word in a title names the place of some office in the KB."""
    return any(o.named_by(word) for o in load().offices.values())


@cache
def _given_anywhere(word: str) -> bool:
    return any(namesmod.given_name(word, lang) is not None for lang in ("en", "uk", "ru"))


def _lex_lang(lang: str) -> str:
    return lang if lang in ("en", "uk", "ru") else "en"


def find_roles(
    text: str, lang: str, windows: list[tuple[int, int]] | None = None
) -> list[RoleMatch]:
    """Role titles in the text, or only inside the given (sorted) windows: titles matter only
    next to a name, and scanning a few hundred characters around each is much cheaper."""
    lex = role_lexicon(_lex_lang(lang))
    out: list[RoleMatch] = []
    spans = windows if windows is not None else [(0, len(text))]
    matches = (m for a, b in spans for m in _title_matches(lex, _lex_lang(lang), text, a, b))
    for m in matches:
        gid = m.lastgroup or ""
        roles, country, fixed_place = lex.entries[gid]
        place = m.group("p" + gid[1:]) if ("p" + gid[1:]) in (m.re.groupindex) else None
        if place and place.endswith("'s"):
            place = place[:-2]
        start, end = m.start(), m.end()
        if place and not _known_place(place):
            # a title without a place that covers the word ("глава МИД России") wins
            plain = lex.plain.match(text, m.start())
            if plain is not None and plain.end() >= m.start() + m.group(0).rfind(place) + len(
                place
            ):
                m = plain
                gid = m.lastgroup or ""
                roles, country, fixed_place = lex.entries[gid]
                place = None
        if place and not _known_place(place):
            # "мэра Игоря Терехова" (the name), "Regional governor" (no place at all); a
            # place the KB does not know stays in the title ("Мэр Кременчуга Виталий …")
            whole = m.group(0)
            if whole.endswith(place) and _given_anywhere(place):
                end = start + len(whole[: whole.rfind(place)].rstrip())
            elif whole.startswith(place):
                start = (
                    start
                    + len(place)
                    + (len(whole[len(place) :]) - len(whole[len(place) :].lstrip()))
                )
            place = None
            if (start, end) != (m.start(), m.end()):
                # what is left must be a title by itself ("мэра" is; "глава", "очільник" not)
                # or another title at the same place ("главы ОВА" when "ОВА" is no place)
                bare = lex.pattern.fullmatch(text, start, end) if end > start else None
                if bare is None:
                    bare = lex.plain.match(text, m.start())
                    if bare is None:
                        continue
                    start, end = bare.start(), bare.end()
                m = bare
                gid = m.lastgroup or ""
                roles, country, fixed_place = lex.entries[gid]
                if ("p" + gid[1:]) in m.re.groupindex and m.group("p" + gid[1:]):
                    continue  # a place of its own again: not a bare title
        # a country word right before or inside the title wins over the title's default
        # ("Ukrainian Foreign Ministry spokesman" is not Russia's)
        window = text[max(0, m.start() - 30) : m.end()]
        for cre, code in lex.countries:
            hits = list(cre.finditer(window))
            if hits and (hits[-1].end() >= len(window) - (m.end() - m.start()) - 2):
                country = code
                break
        former = m.group("former") is not None
        acting = m.group("acting") is not None
        out.append(
            RoleMatch(
                start, end, text[start:end], roles, country, place or fixed_place, former, acting
            )
        )
    return out


@cache
def name_index() -> dict[str, frozenset[tuple[str, str]]]:
    """Lower-case name word -> {(person id, "first" | "last")} over every spelling and case
    form of every official."""
    officials = load()
    index: dict[str, set[tuple[str, str]]] = {}
    for pid, person in officials.people.items():
        for lang in ("en", "uk", "ru"):
            for spelling in person.spellings(lang):
                parts = spelling.split()
                if len(parts) < 2:
                    continue
                for word, part in ((parts[0], "first"), (parts[-1], "last")):
                    forms = {word} | namesmod.oblique_forms(word, lang)
                    for form in forms:
                        index.setdefault(form.lower(), set()).add((pid, part))
    return {k: frozenset(v) for k, v in index.items()}


@cache
def _nominatives() -> frozenset[str]:
    """Lower-case last names of officials as spelled in the nominative (every language)."""
    officials = load()
    return frozenset(
        spelling.split()[-1].lower()
        for person in officials.people.values()
        for lang in ("en", "uk", "ru")
        for spelling in person.spellings(lang)
    )


def _oblique(word: str) -> bool:
    """A Cyrillic official's surname in an oblique case ("Кличку", "Синегубова")."""
    return _is_cyrillic(word) and word.lower() not in _nominatives()


@cache
def _pair_cues(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """(speech verbs that may follow a speaker, words that are never part of a name)."""
    after = namesmod.load_lang_yaml(lang, "statements").get("after") or []
    not_names = namesmod.load_lang_yaml("en", "persons").get("not_names") or []
    return frozenset(str(w).lower() for w in after), frozenset(str(w).lower() for w in not_names)


_NEXT_WORD = re.compile(r"\s+([\w'-]+)")
_SPACE = re.compile(r"\s+")


def _speaker_pair(text: str, first: str, last: str, end: int, lang: str) -> bool:
    if _is_cyrillic(first + last) or first.isupper() or last.isupper():
        return False
    verbs, not_names = _pair_cues(_lex_lang(lang))
    if first.lower() in not_names or last.lower() in not_names:
        return False
    nxt = _NEXT_WORD.match(text, end)
    return nxt is not None and nxt.group(1).lower() in verbs


def _split_possessive(word: str) -> tuple[str, bool]:
    return (word[:-2], True) if word.endswith("'s") else (word, False)


_CYRILLIC = re.compile("[а-яёіїєґА-ЯЁІЇЄҐ]")


def _is_cyrillic(word: str) -> bool:
    return _CYRILLIC.search(word) is not None


def _unknown_name(given: str, surname: str, given_oblique: bool, lang: str) -> str:
    if not _is_cyrillic(given + surname):
        return f"{given} {surname}"
    tl = (
        lang
        if lang in ("uk", "ru")
        else ("uk" if any(c in "іїєґ" for c in given.lower()) else "ru")
    )
    nominative = namesmod.nominative_guess(surname, tl, given_oblique)
    return f"{namesmod.transliterate(given, tl)} {namesmod.transliterate(nominative, tl)}"


def person_mentions(ctx: Context) -> list[Mention]:
    """Every mention of a named person in the document (cached in ctx.notes)."""
    cached = ctx.notes.get("person_mentions")
    if cached is not None:
        return list(cached)
    places = ctx.notes.get("place_mentions") or []
    starts = frozenset(getattr(p, "start", -1) for p in places)
    mentions = find_mentions(ctx.text, ctx.lang, starts)
    _national_spelling(ctx, mentions)
    ctx.notes["person_mentions"] = mentions
    return list(mentions)


def _role_country(ctx: Context, role: RoleMatch) -> str | None:
    """The country of the office a title names: its own (``country``), that of the KB offices
    its place word names, or that of a place the places component found inside the title."""
    if role.country:
        return role.country
    if role.place:
        found = {o.country for o in load().offices.values() if o.named_by(role.place)}
        if len(found) == 1:
            return found.pop()
    by_id = ctx.notes.get("places_by_id") or {}
    for pm in ctx.notes.get("place_mentions") or []:
        start = getattr(pm, "start", -1)
        if role.start <= start < role.end:
            place = by_id.get(getattr(pm, "place_id", None))
            country = getattr(place, "country", None)
            if country:
                return str(country)
    return None


def _national_spelling(ctx: Context, mentions: list[Mention]) -> None:
    """Spell an unknown person the way their own country does: a Russian official named in
    Ukrainian text ("губернатор Саратовської області Роман Бусаргін") is transliterated by the
    Russian table (Busargin, not Busarhin), a Ukrainian official in Russian text by the
    Ukrainian one (Hryhorov, not Grigorov). People in the KB keep the KB's English name."""
    if ctx.lang not in ("uk", "ru"):
        return
    renames: dict[str, str] = {}
    for m in mentions:
        cyr = m.extra.get("cyr")
        if cyr is None or m.role is None or m.person_id is not None:
            continue
        country = _role_country(ctx, m.role)
        target = {"RU": "ru", "UA": "uk"}.get(country or "")
        if target is None or target == ctx.lang:
            continue
        given, last, oblique = cyr
        nominative = namesmod.nominative_guess(last, ctx.lang, oblique)
        spelled = namesmod.transliterate(nominative, target)
        # the given name keeps the text's spelling: only the surname is matched across sources
        first = m.name.split()[0] if given and len(m.name.split()) > 1 else ""
        renames[m.name] = f"{first} {spelled}" if first else spelled
    if renames:
        for m in mentions:
            if m.person_id is None and m.name in renames:
                m.name = renames[m.name]


@cache
def _surname_cues(lang: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """(surname endings, Cyrillic words that are never names) of ``lang/<lang>/persons.yaml``."""
    if lang not in ("uk", "ru"):
        return (), frozenset()
    raw = namesmod.load_lang_yaml(lang, "persons")
    return (
        tuple(str(e).lower() for e in raw.get("surname_endings") or []),
        frozenset(str(w).lower() for w in raw.get("not_names") or []),
    )


def _speaking_surname(text: str, tok: re.Match[str], lang: str, places: frozenset[int]) -> bool:
    """A lone unknown Cyrillic surname right before a singular speech verb ("Галущенко
    повідомив, що …"): it must end like a surname and be no place, given name or listed word."""
    word = tok.group(0)
    endings, not_names = _surname_cues(_lex_lang(lang))
    low = word.lower()
    if not endings or not low.endswith(endings) or low in not_names:
        return False
    if tok.start() in places or not _is_cyrillic(word) or len(word) < 4 or word.isupper():
        return False
    nxt = _NEXT_WORD.match(text, tok.end())
    if nxt is None:
        return False
    verb = nxt.group(1).lower()
    verbs, _nn = _pair_cues(_lex_lang(lang))
    if verb not in verbs or verb.endswith("ли"):
        return False  # "… повідомили" (plural) is more likely an institution's
    return not (
        _known_place(word)
        or namesmod.given_name(word, _lex_lang(lang))
        or any(namesmod.given_name(word, other) for other in ("uk", "ru"))
    )


def find_mentions(
    text: str, lang: str, place_starts: frozenset[int] = frozenset()
) -> list[Mention]:
    officials = load()
    index = name_index()
    tokens = list(_TOKEN.finditer(text))
    used: set[int] = set()
    mentions: list[Mention] = []
    full_ids: set[str] = set()
    unknown_surnames: dict[str, str] = {}
    # pass 1: full names
    for i, tok in enumerate(tokens[:-1]):
        nxt = tokens[i + 1]
        gap = text[tok.end() : nxt.start()]
        if (
            i in used
            or tok.group(0).endswith("'s")
            or (gap != " " and not _gaps()[0].fullmatch(gap))
        ):
            continue
        first = tok.group(0)
        last, poss = _split_possessive(nxt.group(0))
        firsts = {pid for pid, part in index.get(first.lower(), ()) if part == "first"}
        lasts = {pid for pid, part in index.get(last.lower(), ()) if part == "last"}
        common = sorted(firsts & lasts)
        end = nxt.end() - (2 if poss else 0)
        if common:
            pid = common[0]
            full_ids.add(pid)
            mentions.append(Mention(tok.start(), end, officials.people[pid].name, pid, True, poss))
            mentions[-1].extra["oblique"] = _oblique(last)
            used.update((i, i + 1))
            continue
        if not (firsts or lasts) and _speaker_pair(text, first, last, nxt.end(), lang):
            # "Antonio Guterres condemned": an unknown Latin name right before a speech verb
            name = f"{first}{gap}{last}"
            mentions.append(Mention(tok.start(), end, name, None, True, poss))
            used.update((i, i + 1))
            unknown_surnames[last.lower()] = name
            continue
        given = namesmod.given_name(first, _lex_lang(lang)) or namesmod.given_name(first, "en")
        if given is None and _is_cyrillic(first):
            for other in ("uk", "ru"):
                given = given or namesmod.given_name(first, other)
        if given is None or len(last) < 3:
            continue
        if namesmod.given_name(last, _lex_lang(lang)) is not None:
            continue
        name = _unknown_name(given[0], last, not given[1], lang)
        if gap != " ":
            name = f"{given[0]}{gap}{last}"
        mentions.append(Mention(tok.start(), end, name, None, True, poss))
        mentions[-1].extra["oblique"] = _is_cyrillic(first) and not given[1]
        if _is_cyrillic(first + last) and gap == " ":
            mentions[-1].extra["cyr"] = (given[0], last, not given[1])
        used.update((i, i + 1))
        surname = name.split()[-1]
        unknown_surnames[last.lower()] = name
        unknown_surnames[surname.lower()] = name
        if _is_cyrillic(last):
            nominative = namesmod.nominative_guess(last, lang, not given[1])
            for tl in ("uk", "ru"):
                for form in {nominative} | namesmod.oblique_forms(nominative, tl):
                    unknown_surnames[form.lower()] = name
    # pass 2: surnames alone
    verbs = _pair_cues(_lex_lang(lang))[0]
    for i, tok in enumerate(tokens):
        if i in used:
            continue
        word, poss = _split_possessive(tok.group(0))
        low = word.lower()
        if i > 0 and text[tokens[i - 1].end() : tok.start()] == " " and (i - 1) in used:
            continue  # a third capitalised word after a full name ("Zelensky Street")
        alone = sorted(p for p, part in index.get(low, ()) if part == "last")
        who: str | None = None
        if alone:
            mentioned = [p for p in alone if p in full_ids]
            if mentioned:
                who = mentioned[0]
            elif len(alone) == 1 and officials.people[alone[0]].alone:
                who = alone[0]
            if who is not None:
                name = officials.people[who].name
                mentions.append(
                    Mention(tok.start(), tok.end() - (2 if poss else 0), name, who, False, poss)
                )
                mentions[-1].extra["oblique"] = _oblique(word)
            continue
        if low in unknown_surnames:
            mentions.append(
                Mention(
                    tok.start(),
                    tok.end() - (2 if poss else 0),
                    unknown_surnames[low],
                    None,
                    False,
                    poss,
                )
            )
            continue
        # the rest needs a speech verb or a comma right after the word
        after = _NEXT_WORD.match(text, tok.end())
        if text[tok.end() : tok.end() + 1] != "," and (
            after is None or after.group(1).lower() not in verbs
        ):
            continue
        if _speaking_surname(text, tok, lang, place_starts):
            # "Галущенко повідомив": an unknown surname as the subject of a speech verb
            name = namesmod.transliterate(word, _lex_lang(lang))
            mentions.append(
                Mention(tok.start(), tok.end() - (2 if poss else 0), name, None, False, poss)
            )
            mentions[-1].extra["cyr"] = ("", word, False)
            for tl in ("uk", "ru"):
                for form in {word} | namesmod.oblique_forms(word, tl):
                    unknown_surnames.setdefault(form.lower(), name)
            continue
        if _titled_surname(text, tokens, i, lang):
            # "President Macron said": a Latin surname right after a title
            mentions.append(
                Mention(tok.start(), tok.end() - (2 if poss else 0), word, None, False, poss)
            )
    mentions.sort(key=lambda m: m.start)
    if mentions:
        _attach_roles(text, lang, mentions)
    return mentions


def _titled_surname(text: str, tokens: list[re.Match[str]], i: int, lang: str) -> bool:
    """A lone capitalised Latin word preceded by a role title and followed by a capitalised
    word no more: "President Macron said", not "Mayor of Kyiv" or "President Volodymyr"."""
    tok = tokens[i]
    verbs, not_names = _pair_cues(_lex_lang(lang))
    if text[tok.end() : tok.end() + 1] != ",":
        nxt = _NEXT_WORD.match(text, tok.end())
        if nxt is None or nxt.group(1).lower() not in verbs:
            return False  # only speakers matter here: "President Macron said", "Macron, …"
    word, _poss = _split_possessive(tok.group(0))
    if _is_cyrillic(word) or len(word) < 3 or word.isupper():
        return False
    if i + 1 < len(tokens) and text[tok.end() : tokens[i + 1].start()] == " ":
        return False
    if word.lower() in not_names or _known_place(word) or namesmod.given_name(word, "en"):
        return False
    lex = role_lexicon(_lex_lang(lang))
    window_start = max(0, tok.start() - 80)
    for r in lex.pattern.finditer(text, window_start, tok.start()):
        if lex.fillers.fullmatch(text[r.end() : tok.start()]) and r.group("former") is None:
            return True
    return False


def _attach_roles(text: str, lang: str, mentions: list[Mention]) -> None:
    lex = role_lexicon(_lex_lang(lang))
    reach = 160  # characters around a name where its title may stand
    windows: list[tuple[int, int]] = []
    for m in mentions:
        a, b = max(0, m.start - reach), min(len(text), m.end + reach)
        if windows and a <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], b))
        else:
            windows.append((a, b))
    roles = find_roles(text, lang, windows)
    by_start = {r.start: r for r in roles}
    role_ends = [r.end for r in roles]
    titled: set[int] = set()  # starts of titles that stand before a name
    for m in mentions:
        m.span_start, m.span_end = m.start, m.end
        # a title right before the name, maybe with a filler word ("генерал")
        # roles are sorted and do not overlap: only those ending just before the name count
        i = bisect_right(role_ends, m.start) - 1
        while i >= 0 and m.start - roles[i].end <= 40:
            r = roles[i]
            if lex.fillers.fullmatch(text[r.end : m.start]):
                m.role, m.span_start = r, r.start
                titled.add(r.start)
                break
            i -= 1
    for m in mentions:
        if m.role is None and m.full:
            # apposition: "Tymur Tkachenko, head of Kyiv's city military administration,"
            # but not "Kuleba, Defence Minister Umerov and …" (that title is Umerov's)
            gap = _gaps()[1].match(text, m.end)
            if gap is None:
                continue
            at = gap.end()
            if at not in by_start:
                # "Syrskyi, Ukraine's army chief,": a country word before the title
                for cre, _code in lex.countries:
                    word = cre.match(text, at)
                    if word is not None:
                        nxt = _SPACE.match(text, word.end())
                        at = nxt.end() if nxt else at
                        break
            if at in by_start and at not in titled:
                r = by_start[at]
                m.role, m.span_end = r, r.end


def _near_uncertain(terms: list[Term], day: date) -> bool:
    """Whether the day lies within the margin of a term date marked uncertain."""
    margin = timedelta(days=settings.ROLE_CHECK_UNCERTAIN_DAYS.get())
    for t in terms:
        if "from" in t.uncertain and abs(day - t.start) <= margin:
            return True
        if "to" in t.uncertain and t.end is not None and abs(day - t.end) <= margin:
            return True
    return False


def check_role(
    officials: Officials,
    person_id: str | None,
    name: str,
    role: RoleMatch,
    day: date | None,
) -> tuple[RoleCheck, str | None]:
    """The role check of a person named with a role on a day, and the office's country.

    ``ok``: the person held the office that day (or, for "former X", before it). ``stale``:
    they did not, with the holder that day and since when (both None when nobody is recorded).
    ``unknown``: no date, no office the title can mean, an unknown person whose office is not
    fixed, or a day too close to a term date the knowledge base marks uncertain.
    """
    as_of = day.isoformat() if day else None
    person = officials.people.get(person_id) if person_id else None
    country = role.country or (person.country if person else None)
    unknown = RoleCheck("unknown", as_of)
    if day is None:
        return unknown, country
    for role_id in role.roles:
        offices = officials.offices_for(role_id, country, role.place)
        if not offices:
            continue
        if person is not None:
            mine = [o for o in offices if any(t.who == person.id for t in o.terms)]
            own = [t for o in mine for t in o.terms if t.who == person.id]
            for office in mine:
                term = office.holder_on(day)
                if term is not None and term.who == person.id and not role.former:
                    return RoleCheck(
                        "ok", as_of, person.name, term.start.isoformat()
                    ), office.country
            if mine:
                office = mine[0]
                term = office.holder_on(day)
                if role.former:
                    held = any(t.start < day for t in own)
                    status = "ok" if held else "unknown"
                elif _near_uncertain(own + ([term] if term else []), day):
                    status = "unknown"
                else:
                    status = "stale"
                holder = officials.people[term.who].name if term else None
                since = term.start.isoformat() if term else None
                return RoleCheck(status, as_of, holder, since), office.country
            if role.former:
                return unknown, country
        explicit = role.country is not None or role.place is not None
        if len(offices) == 1 and explicit and (offices[0].region is None or role.place):
            office = offices[0]
            term = office.holder_on(day)
            if term is None or role.former:
                return unknown, office.country
            current = officials.people[term.who]
            since = term.start.isoformat()
            if person is None and _last_folded(current.name) == _last_folded(name):
                return RoleCheck("ok", as_of, current.name, since), office.country
            if person is None and office.region is not None:
                # regional lists may miss a holder: an unknown name is not proof of staleness
                return RoleCheck("unknown", as_of, current.name, since), office.country
            if _near_uncertain([term], day):
                return unknown, office.country
            return RoleCheck("stale", as_of, current.name, since), office.country
    return unknown, country


def _last_folded(name: str) -> str:
    last = name.split()[-1] if name.split() else ""
    return re.sub(r"[^a-z]", "", last.lower())


def _sentence_day(ctx: Context, offset: int, published: date | None) -> date | None:
    """The date a sentence gives itself (``ctx.notes["time"]``, the dates component), when it
    is not the document's own date and lies days away from the publication date."""
    time = ctx.notes.get("time")
    if time is None or published is None or not hasattr(time, "at"):
        return None
    moment = time.at(offset)
    if moment is getattr(time, "document", None) or not getattr(moment, "night_of", None):
        return None
    try:
        then = date.fromisoformat(moment.night_of)
    except (TypeError, ValueError):
        return None
    return then if abs((published - then).days) > 3 else None


def component(ctx: Context) -> None:
    officials = load()
    day = ctx.published_date
    seen: dict[tuple[str, tuple[str, ...]], Person] = {}
    for m in person_mentions(ctx):
        if m.role is None:
            continue
        check, country = check_role(officials, m.person_id, m.name, m.role, day)
        if check.status == "stale":
            # "Defence Minister Reznikov said on 24 February 2023 …": the sentence's own date
            then = _sentence_day(ctx, m.start, day)
            if then is not None:
                earlier, _ = check_role(officials, m.person_id, m.name, m.role, then)
                if earlier.status == "ok":
                    check = earlier
        key = (m.name, m.role.roles)  # one entry per person and kind of title
        old = seen.get(key)
        if old is not None and (old.role_check.status != "unknown" or check.status == "unknown"):
            continue
        person = Person(
            name=m.name,
            role_stated=m.role.text,
            country=country,
            role_check=check,
            evidence=Span.of(ctx.text, m.span_start, m.span_end),
            rule=f"{_lex_lang(ctx.lang)}.{RULE}",
        )
        if old is not None:
            ctx.report.persons[ctx.report.persons.index(old)] = person
        else:
            ctx.report.persons.append(person)
        seen[key] = person
    for i, person in enumerate(ctx.report.persons):
        check = person.role_check
        if check.status == "stale":
            ctx.report.flag(
                "STALE_ROLE",
                f"{person.name} is named as {person.role_stated!r}, but on {check.as_of} the "
                f"office was held by {check.holder} (since {check.since}).",
                [f"persons[{i}]"],
            )
