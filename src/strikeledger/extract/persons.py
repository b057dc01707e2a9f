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

Role titles are found and checked in ``persons_roles`` (``find_roles``, ``check_role``,
``role_lexicon``; importable from here too); this module finds the people.

Names are output in the knowledge base's English spelling, else transliterated
(``extract.names.transliterate``: national Ukrainian / BGN-style Russian).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Any

from ..kb.officials import load
from ..report import Person, Span
from . import names as namesmod
from .persons_roles import CAP as _CAP
from .persons_roles import LOW as _LOW
from .persons_roles import (
    RoleMatch,
    check_role,
    find_roles,
    known_place,
    lex_lang,
    role_lexicon,
    title_matches,
)

if TYPE_CHECKING:
    from .pipeline import Context

__all__ = [
    "Mention",
    "RoleMatch",
    "check_role",
    "component",
    "find_mentions",
    "find_roles",
    "person_mentions",
    "role_lexicon",
]

RULE = "persons.v1"
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


def _speaker_pair(first: str, last: str, next_word: str, lang: str) -> bool:
    """Whether an unknown Latin-script "First Last" is a speaker: a speech verb follows."""
    if _is_cyrillic(first + last) or first.isupper() or last.isupper():
        return False
    verbs, not_names = _pair_cues(lex_lang(lang))
    if first.lower() in not_names or last.lower() in not_names:
        return False
    return next_word.lower() in verbs


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


def _speaking_surname(
    text: str, start: int, end: int, word: str, lang: str, places: frozenset[int]
) -> bool:
    """A lone unknown Cyrillic surname (``text[start:end]``, ``word``) right before a singular
    speech verb ("Галущенко повідомив, що …"): it must end like a surname and be no place, given
    name or listed word."""
    endings, not_names = _surname_cues(lex_lang(lang))
    low = word.lower()
    if not endings or not low.endswith(endings) or low in not_names:
        return False
    if start in places or not _is_cyrillic(word) or len(word) < 4 or word.isupper():
        return False
    nxt = _NEXT_WORD.match(text, end)
    if nxt is None:
        return False
    verb = nxt.group(1).lower()
    verbs, _nn = _pair_cues(lex_lang(lang))
    if verb not in verbs or verb.endswith("ли"):
        return False  # "… повідомили" (plural) is more likely an institution's
    return not (
        known_place(word)
        or namesmod.given_name(word, lex_lang(lang))
        or any(namesmod.given_name(word, other) for other in ("uk", "ru"))
    )


def find_mentions(
    text: str, lang: str, place_starts: frozenset[int] = frozenset()
) -> list[Mention]:
    officials = load()
    index = name_index()
    # loaded with the other data of the language, not by the first text that names someone
    # after a title: its cost is the same for every text and is not the rules' work
    role_lexicon(lex_lang(lang))
    # the capitalised words as offsets and strings, not match objects: a text of thousands of
    # them kept as objects pushed the garbage collector into a full collection of the heap
    starts: list[int] = []
    ends: list[int] = []
    words: list[str] = []
    for t in _TOKEN.finditer(text):
        starts.append(t.start())
        ends.append(t.end())
        words.append(t.group(0))
    used: set[int] = set()
    mentions: list[Mention] = []
    full_ids: set[str] = set()
    unknown_surnames: dict[str, str] = {}
    particles = _gaps()[0]
    no_name: set[tuple[str, str, str, str]] = set()
    # pass 1: full names
    for i in range(len(words) - 1):
        end, start = ends[i], starts[i + 1]
        if i in used:
            continue
        if start == end + 1:
            if text[end] != " ":
                continue
        elif not particles.fullmatch(text, end, start):
            continue  # not "Given Surname", nor "Ursula von der Leyen"
        gap = text[end:start]
        first = words[i]
        if first.endswith("'s"):
            continue
        # The outcome below depends only on the two words, the gap and the word after them, so
        # a pair already found to be no name is skipped at once (texts that repeat one pair).
        after = _NEXT_WORD.match(text, ends[i + 1])
        next_word = after.group(1) if after else ""
        key = (first, gap, words[i + 1], next_word)
        if key in no_name:
            continue
        last, poss = _split_possessive(words[i + 1])
        firsts = {pid for pid, part in index.get(first.lower(), ()) if part == "first"}
        lasts = {pid for pid, part in index.get(last.lower(), ()) if part == "last"}
        common = sorted(firsts & lasts) if firsts and lasts else []
        end = ends[i + 1] - (2 if poss else 0)
        if common:
            pid = common[0]
            full_ids.add(pid)
            mentions.append(Mention(starts[i], end, officials.people[pid].name, pid, True, poss))
            mentions[-1].extra["oblique"] = _oblique(last)
            used.update((i, i + 1))
            continue
        if not (firsts or lasts) and _speaker_pair(first, last, next_word, lang):
            # "Antonio Guterres condemned": an unknown Latin name right before a speech verb
            name = f"{first}{gap}{last}"
            mentions.append(Mention(starts[i], end, name, None, True, poss))
            used.update((i, i + 1))
            unknown_surnames[last.lower()] = name
            continue
        given = namesmod.given_name(first, lex_lang(lang)) or namesmod.given_name(first, "en")
        if given is None and _is_cyrillic(first):
            for other in ("uk", "ru"):
                given = given or namesmod.given_name(first, other)
        if given is None or len(last) < 3 or namesmod.given_name(last, lex_lang(lang)) is not None:
            no_name.add(key)
            continue
        name = _unknown_name(given[0], last, not given[1], lang)
        if gap != " ":
            name = f"{given[0]}{gap}{last}"
        mentions.append(Mention(starts[i], end, name, None, True, poss))
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
    verbs = _pair_cues(lex_lang(lang))[0]
    for i, token in enumerate(words):
        if i in used:
            continue
        t_start, t_end = starts[i], ends[i]
        word, poss = _split_possessive(token)
        low = word.lower()
        if (i - 1) in used and text[ends[i - 1] : t_start] == " ":
            continue  # a third capitalised word after a full name ("Zelensky Street")
        known = index.get(low)
        alone = sorted(p for p, part in known if part == "last") if known else []
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
                    Mention(t_start, t_end - (2 if poss else 0), name, who, False, poss)
                )
                mentions[-1].extra["oblique"] = _oblique(word)
            continue
        if low in unknown_surnames:
            mentions.append(
                Mention(
                    t_start,
                    t_end - (2 if poss else 0),
                    unknown_surnames[low],
                    None,
                    False,
                    poss,
                )
            )
            continue
        # the rest needs a speech verb or a comma right after the word
        if text[t_end : t_end + 1] != ",":
            after = _NEXT_WORD.match(text, t_end)
            if after is None or after.group(1).lower() not in verbs:
                continue
        if _speaking_surname(text, t_start, t_end, token, lang, place_starts):
            # "Галущенко повідомив": an unknown surname as the subject of a speech verb
            name = namesmod.transliterate(word, lex_lang(lang))
            mentions.append(Mention(t_start, t_end - (2 if poss else 0), name, None, False, poss))
            mentions[-1].extra["cyr"] = ("", word, False)
            for tl in ("uk", "ru"):
                for form in {word} | namesmod.oblique_forms(word, tl):
                    unknown_surnames.setdefault(form.lower(), name)
            continue
        if _titled_surname(text, starts, ends, words, i, lang):
            # "President Macron said": a Latin surname right after a title
            mentions.append(Mention(t_start, t_end - (2 if poss else 0), word, None, False, poss))
    mentions.sort(key=lambda m: m.start)
    if mentions:
        _attach_roles(text, lang, mentions)
    return mentions


def _titled_surname(
    text: str, starts: list[int], ends: list[int], words: list[str], i: int, lang: str
) -> bool:
    """A lone capitalised Latin word (token ``i`` of ``find_mentions``) preceded by a role title
    and followed by a capitalised word no more: "President Macron said", not "Mayor of Kyiv"
    or "President Volodymyr"."""
    t_end = ends[i]
    verbs, not_names = _pair_cues(lex_lang(lang))
    if text[t_end : t_end + 1] != ",":
        nxt = _NEXT_WORD.match(text, t_end)
        if nxt is None or nxt.group(1).lower() not in verbs:
            return False  # only speakers matter here: "President Macron said", "Macron, …"
    word, _poss = _split_possessive(words[i])
    if _is_cyrillic(word) or len(word) < 3 or word.isupper():
        return False
    if i + 1 < len(words) and text[t_end : starts[i + 1]] == " ":
        return False
    if word.lower() in not_names or known_place(word) or namesmod.given_name(word, "en"):
        return False
    start = starts[i]
    if not text[start - 1 : start].isspace():
        return False  # the gap after a title (``RoleLexicon.fillers``) ends with a space
    lex = role_lexicon(lex_lang(lang))
    for r in title_matches(lex, lex_lang(lang), text, max(0, start - 80), start):
        if lex.fillers.fullmatch(text[r.end() : start]) and r.group("former") is None:
            return True
    return False


def _attach_roles(text: str, lang: str, mentions: list[Mention]) -> None:
    lex = role_lexicon(lex_lang(lang))
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
            rule=f"{lex_lang(ctx.lang)}.{RULE}",
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
