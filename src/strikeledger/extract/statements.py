"""Statements: direct quotes and clearly attributed claims by named persons.

Speakers are the person mentions found by ``persons.person_mentions`` (officials of the
knowledge base in any case form, or "Given Surname" people), never institutions: "the air
force said" is a claimant of figures, not a statement (REPORT.md convention 9).

* **Quotes** (“…”, «…», „…“, »…«, "…", British '…') are attributed by what follows them
  ("…,” Zelensky wrote", "», – написав Ткаченко", "…,” he said") or, when they have at least
  ``min_quote_words`` words, by the speaker earlier in the same sentence ("Trump … saying,
  “…”", "X заявил: «…»", "Zelensky: '…'"). Pronouns and role nouns ("he", "він",
  "губернатор") refer to the last speaker. Direct speech set off by dashes ("— …, — сказал
  Собянин") is a quote too.
* **Claims** are sentences where a speech or claim verb is tied to a person mention: after it
  ("Klitschko said", "Zelensky hopes to …", "Синєгубов додав"), before it in inverted order
  ("сообщил мэр Москвы Сергей Собянин"; in English only after a quote or comma), behind an
  opener ("according to", "за словами", "по данным"), or a coordinated second speaker
  ("повідомили міський голова … та начальник ОВА …").
* **Headlines** "Name: …" (and a headline quote closed by a dash and a name only:
  "«…», – Галущенко") and **anaphoric titles** are claims: a title without a name, in any
  case form and any synonym of the role lexicon ("the governor said", "губернатор уточнил",
  "the head of the region added", "according to the mayor", "по словам главы региона") is
  the last person named with a title of the same role id, or the last person the officials
  KB has in such an office on the publication date. Oblique forms count only behind an
  opener ("сказав меру" is the mayor spoken to).
* **Signatures**: a Telegram post that ends with a line holding only a title and a name
  ("Начальник Харківської ОВА Олег Синєгубов") is the signer's claim; so is a post that
  opens with a header line "Name, title" ("Сергей Собянин, мэр Москвы", "Сергій Лисак,
  голова ОВА:").

Every statement carries the rule that made it (``uk.statements.quote.v1``, ``….claim.v1``,
``….dash.v1``, ``….anaphora.v1``, ``….signature.v1``, ``….header.v1``) and its evidence span.

Cue words live in ``lang/{en,uk,ru}/statements.yaml`` (read by ``statements_cues``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from .. import settings
from ..kb.officials import load as load_officials
from ..report import Span, Statement
from .persons import Mention, RoleMatch, find_roles, person_mentions
from .statements_cues import Cues, country_words, cues

if TYPE_CHECKING:
    from .pipeline import Context

__all__ = ["Cues", "component", "cues"]

_WORD = re.compile(r"[\w][\w'-]*")
_QUOTES = re.compile(
    r"“(?P<a>[^“”\n]+)”|«(?P<b>(?:[^«»\n]|«[^«»\n]*»)+)»|„(?P<c>[^„“”\n]+)[“”]|\"(?P<d>[^\"\n]+)\""
    # British single quotes (normalised to "'"): opened after a non-letter, closed after a
    # letter or punctuation and before a non-letter, so "don't" and "Ukraine's" stay inside
    r"|(?<![\w'])'(?=\w)(?P<e>[^\n]{3,300}?)(?<=[\w,.!?…])'(?![\w'])"
    # German/Scandinavian reversed guillemets »…«, opened after a space, a colon or a line start
    r"|(?<![^\s:])»(?P<f>[^«»\n]{3,300})«(?!\w)"
)
_QUOTE_OPEN = re.compile("[“«„\"'»]")  # every alternative of _QUOTES begins with one of these
_COMMA_DASH = re.compile(r"[ \t]*[,—–-]")
_NON_SPACE = re.compile(r"\S")
_NON_TRAIL = re.compile(r"[^ .,]")
_LEADING = re.compile(r"[ \t,.:;!?…\"'“”«»„)\]]*[—–-]*[ \t]*")
_DASH_SPEECH = re.compile(r"[—–-]\s*(?P<q>[^\n]+?)[,.!?…]?\s+[—–-]\s*[\w'-]+\s*$")
_LAST_WORD = re.compile(r"([\w][\w'-]*)[^\w]*$")
_PARENTHETICAL = re.compile(r",\s[^,.;:!?\n«»“”\"]{1,60},\s")
_END = re.compile(r"[.!?…]\s|\n")
# what may follow "Name, title" on a post's header line: nothing, a colon, or a short label
# ending with a colon ("… . Публикации за ночь:")
_HEADER_REST = re.compile(r"[ \t]*(?:[.:][ \t]*(?:[^\n.!?:]{1,40}:)?)?[ \t]*$")


_LINK = re.compile(r"https?://|www\.|t\.me/|@\w")


def _footer_only(text: str, pos: int) -> bool:
    """Whether nothing but a post's footer follows ``pos``: hashtags, or lines with a link
    ("📲 Підписуйтесь: t.me/…")."""
    rest = text[pos:]
    if rest.lstrip().startswith("#"):
        return True
    return all(_LINK.search(line) for line in rest.splitlines() if line.strip())


def _names_another(raw_words: list[str], platform: Callable[[str], bool]) -> bool:
    """Whether the words between a speech verb and a person mention name someone else: a
    capitalised word there is another name ("сказав Петренко, якого …") unless it starts or
    continues an institution after a lowercase title word ("голова правління НЕК «Укренерго»")."""
    institution = False
    for k in range(1, len(raw_words)):
        w = raw_words[k]
        if not w[:1].isupper() or platform(w):
            institution = False
            continue
        if raw_words[k - 1][:1].islower():
            institution = True
        elif not institution:
            return True
    return False


def _quote_matches(text: str) -> Iterator[re.Match[str]]:
    """``_QUOTES.finditer(text)``, tried only at opening quote marks."""
    pos = 0
    while (mark := _QUOTE_OPEN.search(text, pos)) is not None:
        q = _QUOTES.match(text, mark.start())
        if q is None:
            pos = mark.start() + 1
            continue
        yield q
        pos = q.end()


def _anaphora_words(cues: Cues, text: str) -> Iterator[tuple[int, int]]:
    """The spans of ``cues.anaphora_re.finditer(text)``."""
    assert cues.anaphora_re is not None
    if cues.anaphora_after is None:
        yield from (w.span() for w in cues.anaphora_re.finditer(text))
        return
    first = cues.anaphora_re.match(text)
    if first is not None:
        yield first.span()
    for w in cues.anaphora_after.finditer(text, first.end() if first else 0):
        yield w.span("w")


def _sentence_bounds(ctx: Context, offset: int) -> tuple[int, int]:
    starts = ctx.notes.get("_sentence_starts")
    if starts is None or len(starts) != len(ctx.sentences):
        starts = [s.start for s in ctx.sentences]
        ctx.notes["_sentence_starts"] = starts
    i = bisect_right(starts, offset) - 1
    if i >= 0 and offset < ctx.sentences[i].end:
        return ctx.sentences[i].start, ctx.sentences[i].end
    return offset, offset


def _clip(start: int, end: int, anchor: int) -> tuple[int, int]:
    limit = settings.MAX_EVIDENCE_CHARS.get()
    if end - start <= limit:
        return start, end
    start = max(start, min(anchor - limit // 2, end - limit))
    return start, min(end, start + limit)


class _Finder:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.text = ctx.text
        self.cues = cues(ctx.lang)
        self.mentions = sorted(person_mentions(ctx), key=lambda m: m.span_start)
        self.span_starts = [m.span_start for m in self.mentions]  # sorted: mentions are
        self.quoted: set[tuple[str, int]] = set()  # (speaker, sentence start) with a quote
        self.attributions: list[tuple[int, int]] = []  # name spans that attributed a quote
        self.statements: list[Statement] = []
        self.keys: set[tuple[str, int]] = set()
        self.speakers: list[tuple[int, Mention]] = []  # (offset, mention) of attributed speech
        self.roles: dict[str, str] = {}
        for m in self.mentions:
            if m.role is not None:
                self.roles.setdefault(m.name, m.role.text)

    # ----- helpers
    def add(self, m: Mention, quote: str, kind: str, start: int, end: int, rule: str) -> None:
        key = (m.name, start)
        if key in self.keys:
            return
        self.keys.add(key)
        start, end = _clip(start, end, m.start)
        self.statements.append(
            Statement(
                speaker=m.name,
                quote=quote,
                kind=kind,
                evidence=Span.of(self.text, start, end),
                rule=rule,
                role=self.roles.get(m.name),
            )
        )
        self.speakers.append((m.start, m))
        if kind == "quote":
            self.quoted.add((m.name, _sentence_bounds(self.ctx, start)[0]))
            if m.span_start >= start:  # named in the attribution itself, not a pronoun's antecedent
                self.attributions.append((m.start, m.end))

    def mention_at(self, pos: int) -> Mention | None:
        """The mention whose span covers ``pos``, if any."""
        i = bisect_right(self.span_starts, pos) - 1
        for m in self.mentions[max(0, i - 1) : i + 1]:
            if m.span_start <= pos < m.span_end:
                return m
        return None

    def mentions_from(self, pos: int) -> list[Mention]:
        return self.mentions[bisect_left(self.span_starts, pos) :]

    def mentions_before(self, pos: int) -> list[Mention]:
        return self.mentions[: bisect_left(self.span_starts, pos)]

    def last_speaker(self, before: int) -> Mention | None:
        spoken = [m for off, m in self.speakers if off < before]
        if spoken:
            return max(spoken, key=lambda m: m.start)
        prior = [m for m in self.mentions_before(before) if m.end <= before and not m.possessive]
        return prior[-1] if prior else None

    def verb_after(self, pos: int, limit: int) -> int | None:
        """End offset of a speech verb within a few words after ``pos`` (same sentence),
        stepping over coordinated speakers ("Klitschko and Tkachenko said")."""
        count = 0
        first = _WORD.search(self.text, pos, limit)
        if (
            first is not None
            and first.group(0).lower() in self.cues.after
            and not _END.search(self.text, pos, first.start())
        ):
            return first.end()  # "the governor, Maksym Kozytskyi, said, bringing …"
        clause = self.cues.relative.match(self.text, pos) or _PARENTHETICAL.match(self.text, pos)
        if clause is not None and clause.end() <= limit:
            # "Sybiha, who leads the ministry, told …", "Zelensky, in his evening address, said"
            pos = clause.end() - 1
        after_conj = False
        while pos < limit:
            w = _WORD.search(self.text, pos, limit)
            if w is None or _END.search(self.text, pos, w.start()):
                return None
            inside = next((m for m in [self.mention_at(w.start())] if m is not None), None)
            if inside is not None:
                gap = self.text[pos : inside.span_start]
                if count == 0 and (
                    (after_conj and not gap.strip()) or self.cues.conj.fullmatch(gap)
                ):
                    pos, after_conj = inside.span_end, False
                    continue
                return None
            word = w.group(0).lower()
            if word in self.cues.after:
                return w.end()
            if (
                count == 0
                and not after_conj
                and self.cues.conj.fullmatch(self.text[pos : w.end()] + " ")
            ):
                pos, after_conj = w.end(), True
                continue
            if len(word) > 2:  # prepositions do not widen the gap ("в своем канале в Max")
                count += 1
            if count >= self.cues.max_gap_words:
                return None
            pos = w.end()
        return None

    def verb_before(self, m: Mention, sent_start: int) -> bool:
        before = self.text[sent_start : m.span_start]
        if self.cues.openers.search(before):
            return True  # "за словами Кличка": the opener governs the oblique case
        if m.extra.get("oblique"):
            return False  # "сказав Кличку" (dative): Klitschko is spoken to, not speaking
        stripped = before.rstrip(" ,—–-:")
        # the verb may be a few words back ("написал в Telegram Синегубов"), with no clause
        # boundary between it and the speaker ("заявив, що Кличко …" is not Klitschko speaking)
        words = list(_WORD.finditer(stripped))[-(self.cues.max_gap_words + 1) :]
        for k in range(len(words) - 1, -1, -1):
            w = words[k]
            if w.group(0).lower() not in self.cues.before:
                continue
            between = stripped[w.end() :]
            inner = [x.group(0) for x in words[k + 1 :]]
            if k < len(words) - 1 and (
                re.search(r"[,;:.]", between)
                or any(x.lower() in self.cues.clause_words for x in inner)
                or any(x[:1].isupper() and not self.platform(x) for x in inner)
            ):
                return False
            if not self.cues.before_needs_quote:
                return True
            lead = stripped[: w.start()].rstrip()
            return lead.endswith((",", "”", '"', "»", "“"))
        return False

    def platform(self, word: str) -> bool:
        """A platform name, also inside a compound ("Telegram-канале", "Telegram-каналі"), or
        a country word before a title ("said Ukrainian Energy Minister …")."""
        low = word.lower()
        return (
            low in self.cues.platforms
            or low.split("-")[0] in self.cues.platforms
            or low in country_words(self.ctx.lang)
        )

    def headline_speaker(self, m: Mention) -> bool:
        """A line that starts with a speaker and a colon ("Зеленський: за тиждень …")."""
        line_start = self.text.rfind("\n", 0, m.span_start) + 1
        if self.text[line_start : m.span_start].strip():
            return False
        if self.text[m.span_end : m.span_end + 1] == ":":
            return True
        # "Терехов про атаку на Харків: …", "Sybiha on the strikes: …"
        line_end = self.text.find("\n", m.span_end)
        head = self.text[m.span_end : line_end if line_end >= 0 else len(self.text)]
        colon = head.find(":")
        words = _WORD.findall(head[:colon]) if colon > 0 else []
        return bool(words) and words[0].lower() in self.cues.topics and len(words) <= 6

    # ----- quotes
    def quotes(self) -> None:
        for q in _quote_matches(self.text):
            inner = next(g for g in q.groups() if g is not None)
            short = len(_WORD.findall(inner)) < self.cues.min_quote_words
            speaker, end = None, q.end()
            if not inner.rstrip().endswith(".") or _COMMA_DASH.match(self.text, q.end()):
                speaker, end = self.attribute_after(q.end())
            if speaker is None and not short:
                # a short quote ("«Шахеди»", “root causes”) counts only with an attribution
                speaker, end = self.attribute_before(q.start()), q.end()
            if speaker is not None:
                self.add(
                    speaker,
                    inner.strip(),
                    "quote",
                    q.start(),
                    max(end, q.end()),
                    f"{self.ctx.lang}.statements.quote.v1",
                )

    def attribute_after(self, pos: int) -> tuple[Mention | None, int]:
        lead = _LEADING.match(self.text, pos)
        at = lead.end() if lead else pos
        stop = _END.search(self.text, at)
        limit = min(stop.start() if stop else len(self.text), at + 120)
        window = self.text[at:limit]
        words = list(_WORD.finditer(window))
        if not words:
            return None, pos
        # "…,” Zelensky wrote" / "…», – написав Ткаченко" / "…,” said Mayor X"
        for m in self.mentions_from(at):
            if m.span_start >= limit:
                break
            if m.possessive:
                continue
            between = self.text[at : m.span_start]
            raw_words = _WORD.findall(between)
            bw = [w.lower() for w in raw_words]
            verbs = self.cues.after | self.cues.before
            # a capital right after the verb is another name ("сказав Петренко, якого …");
            # after a lowercase title word it is an institution ("голова правління Укрзалізниці")
            if (
                bw
                and (
                    bw[0] not in verbs
                    or sum(1 for w in raw_words if not w[:1].isupper()) > 5  # a company's name
                    or _names_another(raw_words, self.platform)
                    or (
                        len(raw_words) > 1
                        and raw_words[1][:1].isupper()
                        and not self.platform(raw_words[1])
                    )
                )
            ):
                break
            # "«…», – Зеленський" closing a headline line: the dash alone attributes
            closes_line = (
                not bw
                and re.search(r"[—–-]", self.text[pos : m.span_start]) is not None
                and "\n" not in self.text[pos : m.span_start]
                and self.text[m.span_end :].lstrip(" .!")[:1] in ("\n", "")
            )
            verb = bool(bw) or closes_line or self.verb_after(m.span_end, limit) is not None
            if verb:
                return m, m.span_end
            break
        first = words[0].group(0).lower()
        second = words[1].group(0).lower() if len(words) > 1 else ""
        refers = self.cues.pronouns | self.cues.anaphora
        verb_then_pronoun = first in (self.cues.after | self.cues.before) and second in refers
        subject = first in self.cues.pronouns or (first == "the" and second in self.cues.anaphora)
        pronoun_then_verb = subject and any(
            w.group(0).lower() in self.cues.after for w in words[1:3]
        )
        if verb_then_pronoun or pronoun_then_verb:
            return self.last_speaker(pos), at + words[min(1, len(words) - 1)].end()
        return None, pos

    def attribute_before(self, qstart: int) -> Mention | None:
        s_start, _s_end = _sentence_bounds(self.ctx, qstart)
        prior = [
            m
            for m in self.mentions[
                bisect_left(self.span_starts, s_start) : bisect_left(self.span_starts, qstart)
            ]
            if m.span_end <= qstart and not m.possessive
        ]
        between_start = prior[-1].span_end if prior else s_start
        between = self.text[between_start:qstart]
        bw = [w.lower() for w in _WORD.findall(between)]
        has_verb = any(w in self.cues.after for w in bw) or between.rstrip().endswith(":")
        if prior and has_verb and len(bw) <= 25:
            return prior[-1]
        if not prior and bw and bw[0] in self.cues.pronouns and has_verb:
            return self.last_speaker(qstart)
        return None

    # ----- claims
    def claims(self) -> None:
        claimed: list[Mention] = []
        # direct speech is looked for only on lines up to this long: matching from the start
        # of one huge line for every mention on it was quadratic (100 KB took 40 s)
        longest = settings.MAX_SENTENCE_CHARS.get()
        for m in self.mentions:
            if m.possessive:
                continue
            s_start, s_end = _sentence_bounds(self.ctx, m.start)
            subject = not m.extra.get("oblique")  # a speaker is named in the nominative
            ok = (
                (subject and self.verb_after(m.span_end, s_end) is not None)
                or self.verb_before(m, s_start)
                or self.headline_speaker(m)
            )
            if not ok and claimed:
                prev = claimed[-1]
                if prev.span_end <= m.span_start and self.cues.conj.fullmatch(
                    self.text[prev.span_end : m.span_start]
                ):
                    ok = True
            if not ok:
                continue
            claimed.append(m)
            line_start = self.text.rfind("\n", 0, m.span_start) + 1
            dash = (
                _DASH_SPEECH.match(self.text, line_start, m.span_start)
                if m.span_start - line_start <= longest
                else None
            )
            if dash is not None:
                # "— Все службы работают, — сказал Собянин": direct speech set off by dashes
                self.add(
                    m,
                    dash.group("q").strip(),
                    "quote",
                    line_start,
                    m.span_end,
                    f"{self.ctx.lang}.statements.dash.v1",
                )
                continue
            if (m.name, s_start) in self.quoted or (m.start, m.end) in self.attributions:
                continue
            self.add(
                m,
                self.text[s_start:s_end].strip(),
                "claim",
                s_start,
                s_end,
                f"{self.ctx.lang}.statements.claim.v1",
            )

    # ----- anaphora: "the governor said", "– додав мер", "за словами губернатора"
    def anaphora(self) -> None:
        """A title without a name that speaks ("the mayor added", "губернатор уточнил", "the
        head of the region said", "по словам главы региона") is the last person named with a
        title of the same role (role ids of ``lang/*/roles.yaml``), else of the same word."""
        if self.cues.anaphora_re is None:
            return
        verbs = self.cues.after | self.cues.before
        lang = self.ctx.lang if self.ctx.lang in ("en", "uk", "ru") else "en"
        done_to = -1
        for w_start, w_end in _anaphora_words(self.cues, self.text):
            if w_start < done_to or self.mention_at(w_start) is not None:
                continue
            word = self.text[w_start:w_end].lower()
            role = self.title_at(w_start, w_end, lang)
            nominative = word in self.cues.anaphora
            if role is None and not nominative:
                continue  # an inflected word that is no title here ("мережа")
            start, end = (role.start, role.end) if role is not None else (w_start, w_end)
            if any(m.span_start <= start < m.span_end for m in self.mentions):
                continue  # the title of a named person
            done_to = end
            prv = self.word_before(start)
            if (
                self.text[start : start + 1].isupper()
                and prv is not None
                and self.text[prv.end() : start].strip() not in (".", "")
            ):
                continue  # a capitalised title is part of a name we did not resolve
            nxt = _WORD.search(self.text, end)
            s_start, s_end = _sentence_bounds(self.ctx, start)
            opener = self.cues.openers.search(self.text[s_start:start]) is not None
            nominative = nominative or (role is not None and role.acting)
            after_verb = (
                nominative
                and nxt is not None
                and nxt.group(0).lower() in verbs
                and _END.search(self.text, end, nxt.start()) is None
            )
            before_verb = (
                nominative
                and prv is not None
                and prv.group(0).lower() in verbs
                and _END.search(self.text, prv.end(), start) is None
                and (
                    nxt is None
                    or not nxt.group(0)[:1].isupper()
                    or _END.search(self.text, end, nxt.start()) is not None
                )
            )
            if self.cues.before_needs_quote and before_verb and prv is not None:
                before_verb = self.text[: prv.start()].rstrip().endswith((",", "”", '"', "»"))
            if not (after_verb or before_verb or opener):
                continue
            speaker = self.titled_before(start, word, role.roles if role else ())
            if speaker is None:
                continue
            self.add(
                speaker,
                self.text[s_start:s_end].strip(),
                "claim",
                s_start,
                s_end,
                f"{self.ctx.lang}.statements.anaphora.v1",
            )

    def title_at(self, start: int, end: int, lang: str) -> RoleMatch | None:
        """The role title (``persons.find_roles``) covering the word at start..end."""
        window = (max(0, start - 40), min(len(self.text), end + 60))
        for r in find_roles(self.text, lang, [window]):
            if r.start <= start and end <= r.end:
                return r
        return None

    def holds(self, person_id: str, roles: tuple[str, ...]) -> bool:
        """Whether the KB has the person in an office of one of ``roles`` on the document's
        date."""
        day = self.ctx.published_date
        if day is None:
            return False
        return any(
            office.role in roles and term.covers(day)
            for office, term in load_officials().terms_of(person_id)
        )

    def word_before(self, pos: int) -> re.Match[str] | None:
        head = self.text[max(0, pos - 60) : pos]
        before = _LAST_WORD.search(head)
        if before is None:
            return None
        return _WORD.search(self.text, pos - len(head) + before.start(1), pos)

    def titled_before(self, offset: int, noun: str, roles: tuple[str, ...] = ()) -> Mention | None:
        """The last person before ``offset`` with a title of one of ``roles``, else whose
        title contains ``noun`` (same stem)."""
        if roles:
            # the last person named with such a title, or holding such an office that day
            # ("Khinshtein wrote … The governor added" is Khinshtein, not an earlier governor)
            # … unless another person before it holds or is named with such a title too
            # ("Trump met Zelensky. The president said …" is either of them: no speaker)
            before = [m for m in self.mentions if m.start < offset]
            for m in reversed(before):
                if m.role is not None and set(m.role.roles) & set(roles):
                    return m
                if m.person_id is not None and self.holds(m.person_id, roles):
                    rivals = {
                        x.name
                        for x in before
                        if x.name != m.name
                        and (
                            (x.role is not None and set(x.role.roles) & set(roles))
                            or (x.person_id is not None and self.holds(x.person_id, roles))
                        )
                    }
                    return None if rivals else m
        stem = noun[: max(4, len(noun) - 2)]
        for m in reversed(self.mentions):
            if m.start >= offset:
                continue
            titles = [m.role.text.lower()] if m.role else []
            titles += [t.lower() for name, t in self.roles.items() if name == m.name]
            if any(stem in t for t in titles):
                return m
        return None

    # ----- signatures
    def signatures(self) -> None:
        for m in self.mentions:
            if m.role is None and (m.person_id is None or not m.full):
                continue  # a bare unknown name closing a text is more likely a byline
            line_start = self.text.rfind("\n", 0, m.span_start) + 1
            line_end = self.text.find("\n", m.span_end)
            line_end = len(self.text) if line_end < 0 else line_end
            # nothing but the title and the name on the line (searched, not sliced: one long
            # line with many names was quadratic)
            if (
                _NON_SPACE.search(self.text, line_start, m.span_start)
                or _NON_TRAIL.search(self.text, m.span_end, line_end)
                or line_start == 0
            ):
                continue
            if not _footer_only(self.text, line_end):
                continue  # a signature closes the post (hashtags may follow), not a caption
            lead_end = self.text.find("\n", 0)
            lead = self.text[: lead_end if lead_end > 0 else line_start].strip()
            self.add(
                m,
                lead,
                "claim",
                m.span_start,
                m.span_end,
                f"{self.ctx.lang}.statements.signature.v1",
            )

    def header(self) -> None:
        """A post that opens with a line naming its author, "Name, title" ("Сергей Собянин, мэр
        Москвы", "Сергій Лисак, голова ОВА:"), maybe with a short label ending with a colon
        ("… . Публикации за ночь:"): the post below is the author's claim, as a signature
        closing a post is (the header is that signature moved to the top)."""
        if not self.mentions:
            return
        m = self.mentions[0]
        lead = _NON_SPACE.search(self.text)
        if lead is None or m.span_start != lead.start() or m.role is None or m.role.start < m.end:
            return  # not "Name, title" opening the text
        line_end = self.text.find("\n", m.span_end)
        if line_end < 0 or _NON_SPACE.search(self.text, line_end) is None:
            return  # the whole text is one line: a headline, not a post's header
        if not _HEADER_REST.match(self.text[m.span_end : line_end]):
            return  # "Сергей Собянин, мэр Москвы, заявил …" is a claim read elsewhere
        body = _NON_SPACE.search(self.text, line_end)
        b = body.start() if body is not None else line_end
        b_end = self.text.find("\n", b)
        quote = self.text[b : b_end if b_end >= 0 else len(self.text)].strip()
        self.add(
            m, quote, "claim", m.span_start, m.span_end, f"{self.ctx.lang}.statements.header.v1"
        )


def component(ctx: Context) -> None:
    finder = _Finder(ctx)
    if not finder.mentions:
        return
    finder.quotes()
    finder.claims()
    finder.anaphora()
    finder.signatures()
    finder.header()
    finder.statements.sort(key=lambda s: s.evidence.start)
    ctx.report.statements.extend(finder.statements)
