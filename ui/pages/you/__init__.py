"""You: the selfies that teach the app your face, and their verdicts."""

from ui.pages.you.page import YouPage

__all__ = ["YouPage"]
