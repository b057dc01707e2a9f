"""Role titles of persons: finding them in text and checking them against the knowledge base.

Split out of ``persons`` (which finds the people and attaches these titles to them):
``find_roles`` matches the role titles of ``lang/*/roles.yaml`` ("Mayor of Kyiv",
"начальник Харківської ОВА", "acting governor"), ``check_role`` compares a title with the
terms of office in ``kb/data/officials.yaml`` on a day. Both are re-exported by ``persons``.

Titles are looked for in windows of a text, many times per document (around every name, before
every lone surname, around every anaphoric title). ``title_matches`` keeps what it learnt
about the last text it saw (``_SCAN``: where titles may begin, the title at each such place)
so that overlapping windows cost nothing twice, and tries at each place only the titles that
can begin with its first letter (``_narrowed``): the matches are those of
``RoleLexicon.pattern.finditer`` over each window.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from typing import Any

from .. import settings
from ..errors import LanguageDataError
from ..kb.officials import Officials, Term, load
from ..report import RoleCheck
from . import names as namesmod

__all__ = ["RoleLexicon", "RoleMatch", "check_role", "find_roles", "role_lexicon"]

CAP = "A-ZА-ЯІЇЄҐЁ"
LOW = "a-zа-яіїєґё"

_PLACE = rf"(?-i:[{CAP}][\w'-]*)"


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


@dataclass(frozen=True)
class RoleLexicon:
    pattern: re.Pattern[str]
    entries: dict[str, tuple[tuple[str, ...], str | None, str | None]]  # group -> roles, cty, place
    countries: tuple[tuple[re.Pattern[str], str], ...]
    fillers: re.Pattern[str]
    plain: re.Pattern[str]  # the titles without a {place}, for when a place word is no place
    starts: tuple[frozenset[str], ...]  # lower-case 1- to 4-letter beginnings of a title
    capitalised: bool  # whether a title may begin with any capitalised word ("{place} mayor")
    parts: TitleParts  # the pieces of ``pattern``, to build it with fewer titles


@dataclass(frozen=True)
class TitleParts:
    """``RoleLexicon.pattern`` in pieces: ``head + "(?:" + alternatives + ")" + tail``, each
    alternative ``(group id, regex, its beginnings, whether it may begin capitalised)``, and
    the beginnings of the former/acting prefix. ``narrowed`` caches the pattern with only
    the titles that can begin with a given letter, ``by_key`` the pattern to try before the
    first letters of a word (``_pattern_at``)."""

    head: str
    tail: str
    alternatives: tuple[tuple[str, str, frozenset[str] | None, bool], ...]
    prefix_starts: frozenset[str] | None  # None: anything
    narrowed: dict[tuple[str, bool], re.Pattern[str]] = field(default_factory=dict)
    by_key: dict[str, re.Pattern[str]] = field(default_factory=dict)  # text there -> pattern

    def compile(self, keep: list[str]) -> re.Pattern[str]:
        return re.compile(f"{self.head}(?:{'|'.join(keep) or '(?!)'}){self.tail}", re.I)


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
        prefix = rf"(?P<former>(?:{former})(?<=-)|(?:{former})\s+)?(?P<acting>(?:{acting})\s*)?"
        tail = rf"(?:\s+(?-i:{after}))?(?![\w-])"
        pattern = re.compile(rf"(?<![\w.-]){prefix}(?:{joined}){tail}", re.IGNORECASE)
        plain_re = re.compile(rf"{prefix}(?:{plain}){tail}", re.IGNORECASE)
        parts = TitleParts(
            rf"(?<![\w.-]){prefix}",
            tail,
            tuple(
                (gid, f"(?P<{gid}>{body})", *_beginnings(body))
                for _p, _n, gid, body in alternatives
            ),
            _beginnings(rf"(?:{former})(?<=-)|(?:{former})\s+|(?:{acting})")[0],
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
    return RoleLexicon(pattern, entries, countries, filler_re, plain_re, starts, capitalised, parts)


def _beginnings(body: str) -> tuple[frozenset[str] | None, bool]:
    """(the lower-case beginnings of a regex, None when it may begin with anything; whether it
    may begin with a capitalised word)."""
    by_len, capitalised = _title_starts(re.compile(body, re.IGNORECASE))
    return (None if len(by_len) == 1 else frozenset().union(*by_len)), capitalised


def _narrowed(lex: RoleLexicon, first: str, capital: bool) -> re.Pattern[str]:
    """``lex.pattern`` with only the titles that can begin with the letter ``first`` (lower
    case; a capital letter when ``capital``) and no former/acting prefix: the same groups in
    the same order, so the same match where the text begins so and no prefix can."""
    parts = lex.parts
    key = (first, capital)
    found = parts.narrowed.get(key)
    if found is None:
        keep = [
            body
            for _gid, body, starts, cap in parts.alternatives
            if (cap and capital)
            or starts is None
            or any(b[0] == first or not _plain_letter(b[0]) for b in starts)
        ]
        found = parts.narrowed[key] = parts.compile(keep)
    return found


def _pattern_at(lex: RoleLexicon, text: str, i: int) -> re.Pattern[str]:
    """The pattern to try at ``i``: ``_narrowed`` when the text there is plain letters (see
    ``_plain_letter``) that cannot begin a former/acting prefix, else ``lex.pattern``."""
    key = text[i : i + _DEPTH]
    by_key = lex.parts.by_key
    found = by_key.get(key)
    if found is not None:
        return found
    low = key.lower()
    prefixes = lex.parts.prefix_starts
    if (
        not _PLAIN.fullmatch(key)
        or prefixes is None
        or any(low.startswith(b) or b.startswith(low) or not _PLAIN.fullmatch(b) for b in prefixes)
    ):
        found = lex.pattern  # "former …", "acting …": the title begins further on
    else:
        found = _narrowed(lex, low[0], _CAPITAL.match(key) is not None)
    if len(by_key) > 20_000:
        by_key.clear()
    by_key[key] = found
    return found


_DONE, _CAP_MARK = "\0", "\1"
_DEPTH = 4  # letters: "the" would admit every "the", "then" only the former title


def _title_starts(pattern: re.Pattern[str]) -> tuple[tuple[frozenset[str], ...], bool]:
    """The lower-case beginnings (up to ``_DEPTH`` letters) a match of ``pattern`` can have,
    read off its parse tree, so that ``find_roles`` tries the big alternation only at word
    starts that can begin a title. A shorter beginning means "anything may follow"."""
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
                if len(p) >= _DEPTH or p.endswith((_DONE, _CAP_MARK)):
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
    by_len = tuple(frozenset(p for p in plain if len(p) == k) for k in range(1, _DEPTH + 1))
    return by_len, capitalised


_StartsRe = tuple[re.Pattern[str], re.Pattern[str]]


@cache
def _title_starts_re(lang: str) -> _StartsRe | None:
    """Word starts where a title of ``lang`` can begin (from ``RoleLexicon.starts``; the
    beginnings as a trie, which is much faster to try at every word than a flat alternation):
    (at the text's start, after the character before: it begins the regex, so the regex
    engine can skip ahead to it)."""
    lex = role_lexicon(lang)
    if len(lex.starts) == 1:
        return None
    heads = {p for group in lex.starts for p in group}
    alts = [trie_regex(heads)] + ([f"(?-i:[{CAP}])"] if lex.capitalised else [])
    ahead = "(?=" + "|".join(alts) + ")"
    after = _cased_first(heads, lex.capitalised, ahead)
    return re.compile(ahead, re.I), re.compile(r"[^\w.-]" + after, re.I)


def _cased_first(heads: set[str], capitalised: bool, ahead: str) -> str:
    """``ahead`` with the first letter of each beginning as a class of its two cases, which the
    regex engine rejects at once (a case-insensitive letter it tries slowly): a plain letter
    (``_plain_letter``) matches a letter case-insensitively only as its lower or upper case;
    any other character is tried against ``ahead`` itself."""
    firsts = {h[0] for h in heads}
    if not all(_plain_letter(c) and c.lower().upper().lower() == c for c in firsts):
        return ahead
    alts = []
    for c in sorted(firsts):
        rest = trie_regex({h[1:] for h in heads if h[0] == c})
        alts.append(f"(?-i:[{re.escape(c + c.upper())}])" + (f"(?i:{rest})" if rest else ""))
    plain = "\\x00-\\x7f\\u0400-\\u04ff"
    if capitalised:
        alts.append(f"(?-i:[{CAP}])")
    return f"(?=(?:{'|'.join(alts)})|(?=(?-i:[^{plain}])){ahead})"


def trie_regex(words: set[str]) -> str:
    """A regex matching the same strings as ``"|".join(words)``, factored by common prefixes."""
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + emit(node[ch]) for ch in sorted(node) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(tree)


_CAPITAL = re.compile(f"[{CAP}]")


_PLAIN = re.compile("[\\x00-\\x7f\\u0400-\\u04ff]+")


def _plain_letter(ch: str) -> bool:
    """A character that matches a letter case-insensitively only when their lower cases are
    equal (ASCII, basic Cyrillic), unlike "ſ" (s) or "K" (Kelvin sign, k)."""
    return ch <= "\x7f" or "\u0400" <= ch <= "\u04ff"


class _TitleScan:
    """Where titles may begin in one text (found per chunk of ``_CHUNK`` characters, when
    first needed), and the title (or None) found at each such start when matching up to the
    end of the text. A match bounded by a window end ``b`` is the same when ``text[b - 1]`` is
    a space or a punctuation mark no title ends with and the match ends before ``b``: no title
    can end at ``b`` then, and regex paths that read no character from ``b`` on behave alike
    with or without the bound."""

    __slots__ = ("chunks", "found", "lang", "lex", "text")

    def __init__(self, text: str, lang: str, lex: RoleLexicon) -> None:
        self.text, self.lang, self.lex = text, lang, lex
        self.chunks: dict[int, list[int]] = {}
        self.found: dict[int, re.Match[str] | None] = {}

    def starts(self, starts_re: _StartsRe, a: int, b: int) -> Iterator[int]:
        """The possible title starts in a..b, in order."""
        text = self.text
        at_start, after = starts_re
        for c in range(a // _CHUNK, (b - 1) // _CHUNK + 1):
            got = self.chunks.get(c)
            if got is None:
                lo, hi = c * _CHUNK, (c + 1) * _CHUNK
                # the look-ahead reads a few characters (a title's first letters) past hi
                ahead = after.finditer(text, max(0, lo - 1), min(len(text), hi + 8))
                got = [w.start() + 1 for w in ahead if w.start() + 1 < hi]
                if lo == 0 and at_start.match(text, 0):
                    got.insert(0, 0)
                self.chunks[c] = got
            for i in got[bisect_left(got, a) :]:
                if i >= b:
                    return
                yield i


_CHUNK = 128
_NO_TITLE_END = frozenset(",;:!?")
_SCAN: list[_TitleScan] = []  # the scan of the last text seen (documents come one by one)


def _scan(text: str, lang: str, lex: RoleLexicon) -> _TitleScan:
    if _SCAN and _SCAN[0].text is text and _SCAN[0].lang == lang and _SCAN[0].lex is lex:
        return _SCAN[0]
    scan = _TitleScan(text, lang, lex)
    _SCAN[:] = [scan]
    return scan


def title_matches(
    lex: RoleLexicon, lang: str, text: str, a: int, b: int
) -> Iterator[re.Match[str]]:
    """``lex.pattern.finditer(text, a, b)``, tried only where a title can begin, and there
    only with the titles that can begin with what the text has there (``_narrowed``)."""
    starts_re = _title_starts_re(lang)
    if starts_re is None:
        yield from lex.pattern.finditer(text, a, b)
        return
    scan = _scan(text, lang, lex)
    memo = scan.found
    bounded = b < len(text) and not (text[b - 1].isspace() or text[b - 1] in _NO_TITLE_END)
    pos = a
    for i in scan.starts(starts_re, a, b):
        if i < pos:
            continue
        pattern = _pattern_at(lex, text, i)
        if bounded:
            m = pattern.match(text, i, b)
        else:
            if i in memo:
                m = memo[i]
            else:
                m = memo[i] = pattern.match(text, i)
            if m is not None and m.end() > b:
                m = pattern.match(text, i, b)
        if m is not None:
            yield m
            pos = m.end()


@cache
def known_place(word: str) -> bool:
    """Whether a capitalised word in a title names the place of some office in the KB."""
    return load().names_a_place(word)


@cache
def _given_anywhere(word: str) -> bool:
    return any(namesmod.given_name(word, lang) is not None for lang in ("en", "uk", "ru"))


def lex_lang(lang: str) -> str:
    """The language whose lexicons serve ``lang`` (English for any other)."""
    return lang if lang in ("en", "uk", "ru") else "en"


def find_roles(
    text: str, lang: str, windows: list[tuple[int, int]] | None = None
) -> list[RoleMatch]:
    """Role titles in the text, or only inside the given (sorted) windows: titles matter only
    next to a name, and scanning a few hundred characters around each is much cheaper."""
    lex = role_lexicon(lex_lang(lang))
    out: list[RoleMatch] = []
    spans = windows if windows is not None else [(0, len(text))]
    matches = (m for a, b in spans for m in title_matches(lex, lex_lang(lang), text, a, b))
    for m in matches:
        gid = m.lastgroup or ""
        roles, country, fixed_place = lex.entries[gid]
        place = m.group("p" + gid[1:]) if ("p" + gid[1:]) in (m.re.groupindex) else None
        if place and place.endswith("'s"):
            place = place[:-2]
        start, end = m.start(), m.end()
        if place and not known_place(place):
            # a title without a place that covers the word ("глава МИД России") wins
            plain = lex.plain.match(text, m.start())
            if plain is not None and plain.end() >= m.start() + m.group(0).rfind(place) + len(
                place
            ):
                m = plain
                gid = m.lastgroup or ""
                roles, country, fixed_place = lex.entries[gid]
                place = None
        if place and not known_place(place):
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
