"""Find where your own face appears in your own data."""

__version__ = "0.1.0"
