"""The guided first run: one clear next step for each page, from the audit's state (no Qt)."""

from __future__ import annotations

from dataclasses import dataclass

from exposure_audit.audit.store import Audit
from exposure_audit.i18n import _
from exposure_audit.i18n.formats import format_number
from exposure_audit.vocabulary import Decision


@dataclass(frozen=True)
class AuditState:
    """How far an audit has come: selfies, sources, scanned photos, findings and decisions."""

    selfies: int = 0
    sources: int = 0
    scanned: int = 0
    findings: int = 0
    undecided: int = 0
    confirmed: int = 0


@dataclass(frozen=True)
class Guidance:
    """What to do next on a page: a sentence and, when another page is the way, a button."""

    text: str
    button: str = ""
    target: str = ""  # the page the button shows


def audit_state(audit: Audit) -> AuditState:
    stats = audit.stats()
    rows = audit.findings()
    return AuditState(
        selfies=len(audit.references()),
        sources=stats["sources"],
        scanned=stats["photos"] + stats["unreadable"],
        findings=len(rows),
        undecided=sum(row.decision is None for row in rows),
        confirmed=sum(row.decision == Decision.ME for row in rows),
    )


def next_step(page: str, state: AuditState) -> Guidance | None:
    """The one next step for ``page``; None where the page speaks for itself."""
    if page == "you":
        if state.selfies == 0:
            return Guidance(
                _(
                    "Step 1 of 4: add three to five selfies (one is enough to start), so the "
                    "audit knows your face."
                )
            )
        return Guidance(_("Your face is known."), _("Next: add where to look →"), "sources")
    if page == "sources":
        if state.selfies == 0:
            return Guidance(_("Add your selfies first."), _("← Back to You"), "you")
        if state.sources == 0:
            return Guidance(
                _(
                    "Step 2 of 4: add your platform exports and photo folders. No export yet? "
                    "Press 'How to get your data' to request one."
                )
            )
        return Guidance(_("Your sources are ready."), _("Next: scan them →"), "scan")
    if page == "scan":
        if state.sources == 0:
            return Guidance(_("Nothing to scan yet."), _("← Add where to look"), "sources")
        if state.scanned == 0:
            return Guidance(
                _("Step 3 of 4: press Start scan. You can keep using the app meanwhile.")
            )
        return None  # the page says how the scan went and offers the review
    if page == "findings":
        if state.findings == 0:
            if state.scanned == 0:
                return Guidance(
                    _("Nothing found yet: run a scan first."), _("Go to Scan →"), "scan"
                )
            return Guidance(_("No photo of you was found in what was scanned."))
        if state.undecided:
            return Guidance(
                _(
                    "Step 4 of 4: say for each photo whether it is you: Y = that's me, "
                    "N = not me (%(n)s left)."
                )
                % {"n": format_number(state.undecided)}
            )
        return Guidance(_("Every photo is decided."), _("Next: see the overview →"), "overview")
    if page == "overview":
        if state.confirmed:
            return Guidance(
                _("Ask the companies for a copy or to delete them."),
                _("Next: write to them →"),
                "requests",
            )
        if state.findings:
            return Guidance(
                _("Mark the photos that are you."), _("← Review the findings"), "findings"
            )
    return None
