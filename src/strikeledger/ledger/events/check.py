"""Fact-check one article against the ledger's events, without storing it.

The article's report is linked with a throw-away linker — event ids derive from keys, so it
lands on the ledger's events without touching them — and each of its numbers is compared with
the consensus the ledger reached **without** the article: ``agrees``, ``conflicts`` (kind, with
whom, by how much) or ``unverified`` (the ledger has nothing to compare with). Also listed: the
persons whose stated role is stale, and the record claims checked against the ledger's history.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from . import EventSet
from .link import Linker
from .model import Claim, Conflict, Consensus, RecordCheck
from .reconcile import Tolerances, claims_of, compare, reconcile_event, references
from .records import check_record, find_record_claims

AGREES = "agrees"
CONFLICTS = "conflicts"
UNVERIFIED = "unverified"


@dataclass(slots=True)
class NumberCheck:
    claim: Claim
    status: str
    consensus: Consensus | None = None
    conflict: Conflict | None = None
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        c = self.claim
        d: dict[str, Any] = {
            "event": c.event_id,
            "kind": c.kind,
            "measure": c.measure,
            "subject": c.subject,
            "model": c.model,
            "value": c.value,
            "qualifier": c.qualifier,
            "claimant": {"name": c.claimant, "kind": c.claimant_kind},
            "evidence": c.evidence,
            "status": self.status,
            "note": self.note,
        }
        if self.consensus is not None:
            d["consensus"] = self.consensus.to_dict()
        if self.conflict is not None:
            d["conflict"] = {
                "kind": self.conflict.kind,
                "delta": self.conflict.delta,
                "explanation": self.conflict.explanation,
                "matches": self.conflict.matches,
            }
        return d


@dataclass(slots=True)
class CheckResult:
    document: dict[str, Any]
    events: list[str] = field(default_factory=list)
    numbers: list[NumberCheck] = field(default_factory=list)
    stale_roles: list[dict[str, Any]] = field(default_factory=list)
    records: list[RecordCheck] = field(default_factory=list)
    unlinked: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": "strikeledger/check-v1",
            "document": self.document,
            "events": list(self.events),
            "numbers": [n.to_dict() for n in self.numbers],
            "stale_roles": list(self.stale_roles),
            "records": [r.to_dict() for r in self.records],
            "unlinked": self.unlinked,
            "summary": self.summary(),
        }

    def summary(self) -> dict[str, int]:
        out = {AGREES: 0, CONFLICTS: 0, UNVERIFIED: 0}
        for n in self.numbers:
            out[n.status] += 1
        out["stale_roles"] = len(self.stale_roles)
        out["records_refuted"] = sum(r.status == "refuted" for r in self.records)
        return out

    def to_text(self) -> str:
        d = self.document
        lines = [
            f"Check of {d.get('title') or d.get('path') or d.get('id')}"
            f" (published {d.get('published') or '?'})",
            "Events: " + (", ".join(self.events) if self.events else "none"),
        ]
        if self.unlinked:
            lines.append(f"  not linked: {self.unlinked}")
        s = self.summary()
        lines.append(
            f"Numbers: {s[AGREES]} agree, {s[CONFLICTS]} conflict, {s[UNVERIFIED]} unverified"
        )
        for n in self.numbers:
            c = n.claim
            ev = (c.evidence or {}).get("text") or ""
            head = f"  [{n.status.upper():10}] {c.label()} {c.stated()}  «{ev}»"
            lines.append(head)
            if n.conflict is not None:
                lines.append(f"      {n.conflict.kind}: {n.conflict.explanation}")
            elif n.consensus is not None:
                k = n.consensus
                who = k.claim.claimant or k.claim.source or k.claim.document_id
                lines.append(f"      ledger: {k.claim.stated()} ({who}; {k.rule})")
            elif n.note:
                lines.append(f"      {n.note}")
        lines.append(f"Stale roles: {len(self.stale_roles)}")
        for p in self.stale_roles:
            rc = p.get("role_check") or {}
            lines.append(
                f"  {p.get('name')} called {p.get('role_stated')}: on {rc.get('as_of')} the "
                f"holder was {rc.get('holder')} (since {rc.get('since')})"
            )
        lines.append(f"Record claims: {len(self.records)}")
        for r in self.records:
            f = r.claim.figure
            lines.append(
                f"  [{r.status.upper()}] «{r.claim.cue}» on {f.get('measure')} "
                f"{(f.get('weapon') or {}).get('category')} {f.get('value')}: {r.explanation}"
            )
        return "\n".join(lines)


def check_report(report: Mapping[str, Any], text: str, ledger: EventSet) -> CheckResult:
    """Check one article's report (and its normalised text) against the ledger's events."""
    doc = dict(report.get("document") or {})
    own_id = str(doc.get("id") or "")
    linked = Linker().add({**report, "document": {**doc, "duplicate_of": None}})
    result = CheckResult(document=doc, events=linked.event_ids, unlinked=linked.unlinked_reason)
    tol = Tolerances()
    for claim in claims_of(report, linked):
        if claim.derived:
            continue
        others = [c for c in ledger.claims(claim.event_id) if c.document_id != own_id]
        if ledger.event(claim.event_id) is None or not others:
            result.numbers.append(
                NumberCheck(claim, UNVERIFIED, note="the ledger has no claims for this event")
            )
            continue
        rec = ledger.reconciliation(claim.event_id)
        if any(c.document_id == own_id for c in rec.claims):
            rec = reconcile_event(claim.event_id, others)
        cons = rec.consensus_for(claim.key)
        if cons is None:
            result.numbers.append(
                NumberCheck(claim, UNVERIFIED, note=f"no claim of {claim.label()} for this event")
            )
            continue
        conflict = compare(claim, cons, references(rec, cons), tol)
        if conflict is None:
            result.numbers.append(NumberCheck(claim, AGREES, consensus=cons))
        else:
            result.numbers.append(NumberCheck(claim, CONFLICTS, consensus=cons, conflict=conflict))
    for p in report.get("persons") or ():
        if (p.get("role_check") or {}).get("status") == "stale":
            result.stale_roles.append(dict(p))
    history = ledger.history()
    for rc in find_record_claims(text, report):
        result.records.append(check_record(rc, history))
    return result
