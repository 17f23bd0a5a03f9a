"""Helpers shared by the tests: real faces, exports, scans, a network guard."""
