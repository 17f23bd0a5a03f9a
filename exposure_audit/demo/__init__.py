"""Sample data for demos and workshops: an invented persona's selfies and platform exports."""

from __future__ import annotations

from exposure_audit.demo.persona import PERSONA, STORY, Scene
from exposure_audit.demo.writer import Demo, write_demo

__all__ = ["PERSONA", "STORY", "Demo", "Scene", "write_demo"]
