"""Imported by the worker server before it forks workers: the analysis code and the model_files."""

from __future__ import annotations

from exposure_audit.faces import analysis, model_files, network

for _name in ("hog_detector", "landmarks5"):
    model_files.get(_name)
network.shared_network()

__all__ = ["analysis"]
