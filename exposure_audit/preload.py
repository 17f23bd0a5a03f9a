"""Imported by the worker server before it forks workers: the analysis code and the models."""

from __future__ import annotations

from . import analysis, models

for _name in ("hog_detector", "landmarks5", "encoder"):
    models.get(_name)

__all__ = ["analysis"]
