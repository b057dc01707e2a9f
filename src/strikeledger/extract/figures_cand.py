"""The candidate figure: a number of the text with what the rules of ``figures`` found about it
(its kind, weapon phrase, qualifier, the total it is a part of), before ``figures_resolve``
settles its weapon and measure and ``figures_build`` makes the report item. Its own module so
that the rules, the resolution and the building can all import it without a cycle."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..report import Weapon
from .figures_lexicon import Hit
from .figures_scan import Phrase
from .numbers import Number


@dataclass
class Cand:
    num: Number
    lead: int  # start of the evidence (qualifier or number)
    end: int  # end of the evidence
    kind: str  # direct | anaphora | noun | oftotal | part | dash | over | another | cue | loc
    sent: int
    phrase: Phrase | None = None
    weapon: Weapon | None = None
    qualifier: str = "exact"
    measure: str | None = None
    source: int | None = None  # cand whose weapon (and measure) an elliptical part takes
    parent: int | None = None  # the total this cand is a part of
    ua: bool = False
    run_prev: bool = False
    parts_word: bool = False
    oftotal_before: bool = False
    own_cue: Hit[Any] | None = None
    loc_more: bool = False
    extra: dict[str, Any] = field(default_factory=dict)
