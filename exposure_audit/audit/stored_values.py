"""An audit from elsewhere holds data, not promises: every value is checked as when it was set.

A received audit decides what the tool shows and blurs: a threshold of ``inf`` would make every
stranger "you" (and leave them unblurred), an encoding of the wrong length or with NaN breaks
matching, a box upside down escapes blurring. So when an audit opens, its settings, encodings,
boxes, distances, sizes, counts and JSON are checked, and an audit holding anything the tool
never writes is refused with what was found.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import numpy as np

from exposure_audit.audit.database import Database
from exposure_audit.errors import EnvironmentProblem, UserMistake
from exposure_audit.i18n import _
from exposure_audit.vocabulary import Band, MissingItem, RunStatus

THRESHOLD_RANGE = (0.2, 0.8)
ENCODING_SIZE = 128  # dlib's face descriptor, stored as float64
# Face distances are Euclidean between encodings of length about 1: never near this.
MAX_DISTANCE = 10.0
# json.loads recurses per level; the tool writes flat objects, a sender could nest 10,000.
MAX_JSON_DEPTH = 20


def checked_threshold(value: float) -> float:
    """``value`` if it is a match threshold the tool accepts.

    Raises:
        ValueError: not a finite number between 0.2 and 0.8.
    """
    low, high = THRESHOLD_RANGE
    if not (isinstance(value, (int, float)) and math.isfinite(value) and low <= value <= high):
        raise UserMistake(
            _("the match threshold must lie between {low} and {high}").format(low=low, high=high)
        )
    return float(value)


def _words(kind: type[Band] | type[RunStatus]) -> str:
    return ", ".join(f"'{word.value}'" for word in kind)


def _json_object(column: str) -> str:
    return (
        f"({column} IS NOT NULL AND (NOT json_valid({column}) OR json_type({column}) <> 'object'))"
    )


def _count(column: str) -> str:
    return f"({column} IS NOT NULL AND (typeof({column}) <> 'integer' OR {column} < 0))"


# (what is wrong, SQL counting the rows where it is): each a value the tool never writes.
ROW_CHECKS: Sequence[tuple[str, str]] = (
    (
        "a face box that is not a box in the photo",
        "SELECT count(*) FROM faces WHERE typeof(top) <> 'integer' OR typeof(right) <> 'integer'"
        " OR typeof(bottom) <> 'integer' OR typeof(left) <> 'integer' OR top < 0 OR left < 0"
        " OR bottom <= top OR right <= left",
    ),
    (
        "a face distance that is not a distance",
        "SELECT count(*) FROM faces WHERE distance IS NOT NULL AND (typeof(distance) NOT IN"
        f" ('real', 'integer') OR NOT (distance BETWEEN 0 AND {MAX_DISTANCE}))",
    ),
    (
        "a face band the tool does not know",
        f"SELECT count(*) FROM faces WHERE band IS NOT NULL AND band NOT IN ({_words(Band)})",
    ),
    (
        "a decision the tool does not know",
        "SELECT count(*) FROM decisions WHERE decision NOT IN ('me', 'not_me')",
    ),
    (
        "a photo size that is not a size",
        "SELECT count(*) FROM items WHERE typeof(size) <> 'integer' OR size < 0"
        " OR (width IS NOT NULL AND (typeof(width) <> 'integer' OR width <= 0))"
        " OR (height IS NOT NULL AND (typeof(height) <> 'integer' OR height <= 0))",
    ),
    (
        "a scan run with counts or a status the tool never writes",
        f"SELECT count(*) FROM runs WHERE status NOT IN ({_words(RunStatus)})"
        f" OR {_count('seen')} OR {_count('analysed')} OR {_count('problems')}",
    ),
    (
        "a source's photo count that is not a count",
        f"SELECT count(*) FROM sources WHERE {_count('photo_count')}",
    ),
    (
        "photo details that are not a JSON object",
        f"SELECT count(*) FROM items WHERE {_json_object('exif')}",
    ),
    (
        "photo details that are not a JSON object",
        f"SELECT count(*) FROM locations WHERE {_json_object('context')}",
    ),
    (
        "a selfie verdict that is not a JSON object",
        f"SELECT count(*) FROM rejected_selfies WHERE {_json_object('verdict')}",
    ),
    (
        "a reference whose encoding is not one face's",
        f"SELECT count(*) FROM refs WHERE typeof(encoding) <> 'blob'"
        f" OR length(encoding) <> {ENCODING_SIZE * 8} OR {_json_object('quality')}"
        " OR NOT json_valid(box) OR json_array_length(box) <> 4",
    ),
)


def check_stored_values(database: Database, path: Path) -> None:
    """Refuse an audit holding a value the tool would not have accepted when it was set.

    Raises:
        EnvironmentProblem: what was found, and that the audit was not used.
    """
    found = [what for what, sql in ROW_CHECKS if database.execute(sql).fetchone()[0]]
    found += _setting_problems(database)
    found += _reference_problems(database)
    found += _deep_json(database)
    found += _reply_problems(database)
    if found:
        listed = "; ".join(dict.fromkeys(found))
        raise EnvironmentProblem(
            _(
                "The audit {path} holds values Exposure Audit never writes ({listed}). It may"
                " have been altered; it was not used. Open only audits you made yourself, or"
                " start a new one."
            ).format(path=path, listed=listed)
        )


def _setting_problems(database: Database) -> list[str]:
    row = database.execute("SELECT value FROM meta WHERE key = 'threshold'").fetchone()
    if row is None:
        return []
    try:
        checked_threshold(float(row[0]))
    except (TypeError, ValueError, UserMistake):
        low, high = THRESHOLD_RANGE
        return [f"a match threshold of {str(row[0])[:40]!r}, not between {low} and {high}"]
    return []


def _reference_problems(database: Database) -> list[str]:
    problems = []
    rows = database.execute("SELECT CAST(encoding AS BLOB), CAST(box AS BLOB) FROM refs")
    for blob, box in rows:  # as bytes: text that is not UTF-8 must not stop the check
        encoding = np.frombuffer(blob[: len(blob) // 8 * 8], dtype=np.float64)
        if not np.isfinite(encoding).all():
            problems.append("a reference encoding with values that are not numbers")
        try:
            corners = json.loads(box)
        except ValueError:
            corners = None
        if not isinstance(corners, list) or not all(
            isinstance(c, int) and not isinstance(c, bool) and c >= 0 for c in corners
        ):
            problems.append("a reference box that is not a box")
    return problems


def _reply_problems(database: Database) -> list[str]:
    """A controller's reply holds codes and ISO dates only (its kind is a CHECK of the table)."""
    problems = []
    rows = database.execute(
        "SELECT CAST(missing AS TEXT), received_on, follow_up_on, due_on FROM request_replies"
    )
    for missing, *dates in rows:
        if set(str(missing or "").split(",")) - {*MissingItem.values(), ""}:
            problems.append("a reply's missing items the tool does not know")
        for day in dates:
            try:
                if day is not None:
                    date.fromisoformat(str(day))
            except ValueError:
                problems.append("a reply's date that is not a date")
    return problems


def _deep_json(database: Database) -> list[str]:
    """JSON nested deeper than the tool ever writes (it would exhaust the reader's stack)."""
    brackets = "length(v) - length(replace(replace(v, '[', ''), '{{', ''))"
    depth = "length(fullkey) - length(replace(replace(fullkey, '.', ''), '[', ''))"
    sql = (  # only text with many brackets is walked: walking every row would cost seconds
        f"SELECT count(*) FROM ({{}}) WHERE v IS NOT NULL AND {brackets} > {{}}"
        f" AND json_valid(v) AND EXISTS (SELECT 1 FROM json_tree(v) WHERE {depth} > {{}})"
    )
    columns = (
        "SELECT exif AS v FROM items",
        "SELECT context AS v FROM locations",
        "SELECT quality AS v FROM refs",
        "SELECT verdict AS v FROM rejected_selfies",
    )
    for column in columns:
        if database.execute(sql.format(column, MAX_JSON_DEPTH, MAX_JSON_DEPTH)).fetchone()[0]:
            return ["photo details nested deeper than the tool ever writes"]
    return []
