"""An audit ready to scan the demo persona: sample data written, selfies enrolled, sources added."""

from __future__ import annotations

from pathlib import Path

from exposure_audit import actions
from exposure_audit.audit.store import Audit
from exposure_audit.demo.writer import Demo, write_demo
from exposure_audit.errors import EnvironmentProblem
from exposure_audit.faces.enrollment import Selfie, read_selfie
from exposure_audit.i18n import _
from exposure_audit.scan.pipeline import add_sources


def prepare_sample_audit(folder: Path, audit_path: Path) -> Demo:
    """Write the demo into ``folder`` and make the audit at ``audit_path`` ready to scan it.

    Raises:
        EnvironmentProblem: the folder is not empty, or the selfies could not be enrolled.
    """
    demo = write_demo(folder)
    selfies = [Selfie(*read_selfie(path), str(path)) for path in demo.selfies]
    with Audit.open(audit_path) as audit:
        reports = actions.enroll_selfies(audit, selfies, all_or_nothing=True)
        for report in reports:
            if not report.usable:
                raise EnvironmentProblem(
                    _("the sample selfie {name} could not be used").format(name=report.name)
                )
        add_sources(audit, [str(source) for source in demo.sources])
    return demo
