"""Bundled data files: controllers, authorities, letter texts."""
