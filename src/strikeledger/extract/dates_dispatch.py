"""Which alternatives of a language's joined date-cue regex can match at a position.

``dates_cues.find_cues`` tries the joined regex only at a few positions, and a failing match
tries every alternative. Reading the parsed pattern gives the characters (and the first ``_K``
characters) each alternative can begin with, so a position is tried with just the alternatives
that can match there, in their order: the same first match, several times faster.
"""

from __future__ import annotations

import importlib
import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .dates_cues import Cues


def pattern_at(c: Cues, text: str, pos: int) -> re.Pattern[str] | None:
    """The regex to try at ``pos``: the alternatives that can begin there (None when none can),
    cached per language by the ``_K`` characters at ``pos``."""
    if pos >= len(text):
        return _regex_at(c, text, pos)
    entry = _BY_PAIR.get(c.lang)
    if entry is None or entry[0] is not c:
        entry = _BY_PAIR[c.lang] = (c, {})
    by_pair = entry[1]
    pair = text[pos : pos + _K]
    if pair in by_pair:
        return by_pair[pair]
    if len(by_pair) > 4096:  # any characters may occur: keep the table small
        by_pair.clear()
    rx = by_pair[pair] = _regex_at_pair(c, text, pos)
    return rx


# --- trying only the alternatives that can start with the character at a position ------------
# A failing match of the joined cue regex tries every alternative; most candidate positions
# fail. The first characters each alternative can begin with are read from the parsed pattern
# (conservatively: anything not understood may begin with any character), and a position is
# tried with the alternatives that can begin with its character, in their order — the same
# first match. Only ASCII and basic Cyrillic characters are dispatched (their lower case is the
# whole of case-insensitive matching, see ``re._casefix``); any other uses the joined regex.

_ANY = None  # "may begin with any character"
# the standard library's regex parser and tables (already imported by ``re``); typed as Any
# since the typing stubs do not describe these private modules the same way in every version
_SRE_PARSER: Any = importlib.import_module("re._parser")
_SRE_CONSTANTS: Any = importlib.import_module("re._constants")
_SRE_CASEFIX: Any = importlib.import_module("re._casefix")
_ASCII_DIGITS = frozenset("0123456789")


def _first_of_item(op: Any, av: Any) -> tuple[set[str] | None, bool]:
    """(first characters or _ANY, whether the item can match the empty string)."""
    C = _SRE_CONSTANTS
    if op is C.LITERAL:
        ch = chr(av)
        return {ch.lower(), ch, *(chr(x).lower() for x in _extra_cases(av))}, False
    if op is C.IN:
        out: set[str] = set()
        for iop, iav in av:
            if iop is C.LITERAL:
                out |= {chr(iav).lower(), *(chr(x).lower() for x in _extra_cases(iav))}
            elif iop is C.RANGE and iav[1] - iav[0] <= 512:
                for x in range(iav[0], iav[1] + 1):
                    out |= {chr(x).lower(), *(chr(y).lower() for y in _extra_cases(x))}
            elif iop is C.CATEGORY and iav is C.CATEGORY_DIGIT:
                out |= _ASCII_DIGITS  # other digits are not dispatched
            else:
                return _ANY, False
        return out, False
    if op is C.SUBPATTERN:
        return _first_of_seq(av[3])
    if op is C.BRANCH:
        out = set()
        nullable = False
        for seq in av[1]:
            got, empty = _first_of_seq(seq)
            if got is _ANY:
                return _ANY, False
            out |= got
            nullable = nullable or empty
        return out, nullable
    if op in (C.MAX_REPEAT, C.MIN_REPEAT):
        got, empty = _first_of_seq(av[2])
        return got, empty or av[0] == 0
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return set(), True  # zero-width: the next item begins the match
    return _ANY, False


def _first_of_seq(seq: Any) -> tuple[set[str] | None, bool]:
    out: set[str] = set()
    for op, av in seq:
        got, empty = _first_of_item(op, av)
        if got is _ANY:
            return _ANY, False
        out |= got
        if not empty:
            return out, False
    return out, True


def _extra_cases(code: int) -> tuple[int, ...]:
    return tuple(_SRE_CASEFIX._EXTRA_CASES.get(code, ()))


def _first_chars(branch: str) -> set[str] | None:
    """The lower-cased characters a match of ``branch`` can begin with (None: any)."""
    try:
        got, empty = _first_of_seq(_SRE_PARSER.parse(branch, re.M))
    except Exception:  # an unexpected parse: no dispatch for this alternative
        return _ANY
    return _ANY if empty else got


_DISPATCH: dict[str, tuple[Cues, dict[str, re.Pattern[str] | None]]] = {}


def _regex_at(c: Cues, text: str, pos: int) -> re.Pattern[str] | None:
    """The regex to try at ``pos``: the alternatives that can begin with its character (None
    when none can)."""
    if pos >= len(text) or not c.branches:
        return c.regex
    ch = text[pos]
    if not (ch.isascii() or "\u0400" <= ch <= "\u04ff"):
        return c.regex
    ch = ch.lower()
    entry = _DISPATCH.get(c.lang)
    if entry is None or entry[0] is not c:
        entry = _DISPATCH[c.lang] = (c, {})
    table = entry[1]
    if ch in table:
        return table[ch]
    firsts = _branch_firsts(c)
    chosen = [b for b, f in zip(c.branches, firsts, strict=True) if f is _ANY or ch in f]
    if len(chosen) == len(c.branches):
        rx: re.Pattern[str] | None = c.regex
    else:
        rx = re.compile("|".join(chosen), re.M) if chosen else None
    table[ch] = rx
    return rx


_FIRSTS: dict[str, tuple[Cues, list[set[str] | None]]] = {}
# ``_regex_at_pair`` by the ``_K`` characters themselves (it depends on nothing else): one dict
# lookup per position
_BY_PAIR: dict[str, tuple[Cues, dict[str, re.Pattern[str] | None]]] = {}


def _branch_firsts(c: Cues) -> list[set[str] | None]:
    entry = _FIRSTS.get(c.lang)
    if entry is None or entry[0] is not c:
        entry = _FIRSTS[c.lang] = (c, [_first_chars(b) for b in c.branches])
    return entry[1]


# --- and by the first ``_K`` characters --------------------------------------------------------
# Most alternatives that may begin with "t" cannot begin with "the" (or "to "): the same reading
# of the parsed pattern gives the (lower-cased) prefixes of ``_K`` characters an alternative can
# begin with, and a position whose next ``_K`` characters are all dispatched is tried with the
# alternatives that can begin with them. A shorter prefix is one after which the match may end;
# ``_WILD`` stands for any character (a pattern part not understood, or too many to spell out).
# Over-approximating is always safe: an alternative tried needlessly just fails.

_WILD = "\x00"
_K = 3
_MAX_PREFIXES = 2048


def _case_variants(code: int) -> set[str]:
    ch = chr(code)
    return {ch.lower(), ch, *(chr(x).lower() for x in _extra_cases(code))}


def _prefixes_of_item(op: Any, av: Any) -> set[str]:
    C = _SRE_CONSTANTS
    if op is C.LITERAL:
        return _case_variants(av)
    if op is C.NOT_LITERAL:
        return {_WILD}
    if op is C.IN:
        out: set[str] = set()
        for iop, iav in av:
            if iop is C.LITERAL:
                out |= _case_variants(iav)
            elif iop is C.RANGE and iav[1] - iav[0] <= 512:
                for x in range(iav[0], iav[1] + 1):
                    out |= _case_variants(x)
            elif iop is C.CATEGORY and iav is C.CATEGORY_DIGIT:
                out |= _ASCII_DIGITS
            else:
                return {_WILD}  # one character, any
        return out
    if op is C.SUBPATTERN:
        return _prefixes_of_seq(av[3])
    if op is C.BRANCH:
        return set().union(*(_prefixes_of_seq(seq) for seq in av[1]))
    if op in (C.MAX_REPEAT, C.MIN_REPEAT):
        lo, hi, sub = av
        once = _prefixes_of_seq(sub)
        cur, out = {""}, set()
        for r in range(_K + 1):
            if r >= lo:
                out |= cur
            out |= {p for p in cur if len(p) >= _K}
            if r == hi:
                return out
            cur = _extend(cur, once)
        return out | cur  # may end early: more than needed, never less
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return {""}  # zero-width
    return {_WILD * _K}  # anything from here on


def _extend(prefixes: set[str], nxt: set[str]) -> set[str]:
    done = {p for p in prefixes if len(p) >= _K}
    open_ = prefixes - done
    if len(open_) * len(nxt) > _MAX_PREFIXES:
        # too many to spell out: any characters may follow
        return done | {p + _WILD * (_K - len(p)) for p in open_}
    return done | {(p + q)[:_K] for p in open_ for q in nxt}


def _prefixes_of_seq(seq: Any) -> set[str]:
    out = {""}
    for op, av in seq:
        if all(len(p) >= _K for p in out):
            break
        out = _extend(out, _prefixes_of_item(op, av))
    return out


def _prefixes(branch: str) -> set[str]:
    """The lower-cased prefixes (see above) a match of ``branch`` can begin with."""
    try:
        return _prefixes_of_seq(_SRE_PARSER.parse(branch, re.M))
    except Exception:  # an unexpected parse: no dispatch for this alternative
        return {_WILD * _K}


def _forms(key: str) -> frozenset[str]:
    """Every prefix of ``key`` with any of its characters read as ``_WILD``: an alternative may
    begin with ``key`` when one of its prefixes is among them."""
    out = [""]
    level = [""]
    for ch in key:
        level = [p + x for p in level for x in (ch, _WILD)]
        out += level
    return frozenset(out)


_Compiled = dict[tuple[int, ...], re.Pattern[str] | None]  # chosen alternatives -> their regex
_PREFIXES: dict[str, tuple[Cues, list[set[str]], _Compiled]] = {}


def _regex_at_pair(c: Cues, text: str, pos: int) -> re.Pattern[str] | None:
    """Like ``_regex_at``, by the ``_K`` characters at ``pos`` when all are dispatched."""
    pair = text[pos : pos + _K]
    if len(pair) < _K or not c.branches:
        return _regex_at(c, text, pos)
    if not all(ch.isascii() or "\u0400" <= ch <= "\u04ff" for ch in pair):
        return _regex_at(c, text, pos)
    key = pair.lower()
    entry = _PREFIXES.get(c.lang)
    if entry is None or entry[0] is not c:
        entry = _PREFIXES[c.lang] = (c, [_prefixes(b) for b in c.branches], {})
    forms = _forms(key)
    chosen = tuple(i for i, ps in enumerate(entry[1]) if not forms.isdisjoint(ps))
    compiled = entry[2]
    if chosen not in compiled:
        if len(chosen) == len(c.branches):
            compiled[chosen] = c.regex
        elif not chosen:
            compiled[chosen] = None
        else:
            compiled[chosen] = re.compile("|".join(c.branches[i] for i in chosen), re.M)
    return compiled[chosen]
