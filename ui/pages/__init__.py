"""The app's pages, one step each in the sidebar."""

from __future__ import annotations

from typing import ClassVar, Protocol


class Step(Protocol):
    """What the main window needs to know of a page to list it as a step."""

    key: ClassVar[str]  # how other code names the page ("findings")
    icon_name: ClassVar[str]
    needs_audit: ClassVar[bool]  # disabled until an audit is open

    @staticmethod
    def title() -> str: ...
