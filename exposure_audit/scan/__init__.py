"""The scan: one event generator over sources, and the worker processes behind it."""
