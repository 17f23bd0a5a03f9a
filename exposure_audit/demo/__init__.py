"""Sample data for demos and workshops: an invented persona's selfies and platform exports."""

from __future__ import annotations

from exposure_audit.demo.audit import prepare_sample_audit
from exposure_audit.demo.persona import PERSONA, STORY, Scene
from exposure_audit.demo.writer import Demo, write_demo

__all__ = ["PERSONA", "STORY", "Demo", "Scene", "prepare_sample_audit", "write_demo"]
