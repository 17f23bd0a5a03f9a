"""Requests: letters to the companies holding your photos, and the deadlines they must meet."""

from ui.pages.requests.page import RequestsPage

__all__ = ["RequestsPage"]
