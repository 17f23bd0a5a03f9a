"""Findings as plain data, and the exposure report built from them."""
