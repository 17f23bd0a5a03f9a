"""An audit file from elsewhere is data, not code: its schema is checked before anything runs.

Audits travel (workshops, a person's own machines). A crafted one could carry a trigger or a
view that runs SQL of the sender's choosing when the tool writes; so every audit opens with
SQLite's defensive settings and is refused unless its tables, indexes, triggers and views are
exactly those its version of the schema defines, statement for statement. That check runs
before anything is written on every Python the tool supports; SQLite's defensive mode is added
where Python can set it (3.12 and later).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

from exposure_audit.errors import EnvironmentProblem
from exposure_audit.i18n import _

SchemaObject = tuple[str, str, str, str]  # (type, name, table it belongs to, its SQL)


def harden(connection: sqlite3.Connection) -> None:
    """No functions from the schema with side effects; no writes to the schema's own tables."""
    connection.execute("PRAGMA trusted_schema = OFF")
    defensive = getattr(sqlite3, "SQLITE_DBCONFIG_DEFENSIVE", None)
    setconfig = getattr(connection, "setconfig", None)
    if defensive is not None and setconfig is not None:  # Python 3.12 and later
        setconfig(defensive, True)


def statements(script: str) -> list[str]:
    """The statements of a migration script, one each."""
    return [s.strip() for s in script.split(";") if s.strip()]


def schema_objects(connection: sqlite3.Connection) -> set[SchemaObject]:
    rows = connection.execute(
        "SELECT type, name, tbl_name, CAST(sql AS BLOB) FROM sqlite_master"
    ).fetchall()
    return {(str(kind), str(name), str(table), _sql_text(sql)) for kind, name, table, sql in rows}


def _sql_text(sql: bytes | None) -> str:
    """A schema object's SQL with runs of space made one: a table with the tool's name but a
    check, default or generated column of the sender's is not the tool's table."""
    return " ".join(sql.decode("utf-8", "replace").split()) if sql else ""


def expected_objects(migrations: Sequence[str], version: int) -> set[SchemaObject]:
    """What an audit at ``version`` holds: the first ``version`` migrations replayed in memory."""
    memory = sqlite3.connect(":memory:")
    try:
        for script in migrations[:version]:
            for statement in statements(script):
                memory.execute(statement)
        return schema_objects(memory)
    finally:
        memory.close()


def check_schema(
    connection: sqlite3.Connection, migrations: Sequence[str], version: int, path: Path
) -> None:
    """Refuse an audit whose schema holds anything its version does not define.

    Raises:
        EnvironmentProblem: unknown tables, indexes, triggers or views (named in the message).
    """
    found = schema_objects(connection)
    unknown = sorted(
        found - expected_objects(migrations, version),
        key=lambda item: (item[0], item[1]),
    )
    unknown = [item for item in unknown if not _internal(item)]
    if unknown:
        listed = ", ".join(f"{kind} {name!r}" for kind, name, _, _ in unknown[:5])
        more = f" and {len(unknown) - 5} more" if len(unknown) > 5 else ""
        raise EnvironmentProblem(
            _(
                "The audit {path} holds parts Exposure Audit never creates ({listed}{more}), "
                "which could run someone else's instructions. It was not opened and nothing in it"
                " was changed. Open only audits you made yourself, or start a new one."
            ).format(path=path, listed=listed, more=more)
        )


def _internal(item: SchemaObject) -> bool:
    """SQLite's own bookkeeping tables (statistics, autoincrement counters)."""
    kind, name, _, _ = item
    return kind == "table" and name.startswith("sqlite_")
