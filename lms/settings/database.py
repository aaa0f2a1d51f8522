"""A connection pooler in front of PostgreSQL (PgBouncer, pgcat, RDS Proxy...).

In transaction mode (`DATABASE_POOLER=transaction`) a server connection is lent for one
transaction, then given to another client: nothing may outlive a transaction on it. Cascade
keeps no such state (no session-level advisory lock, SET, LISTEN or temporary table;
tests/storage/test_pooler.py checks the code for advisory locks), and two things Django and
psycopg would otherwise do are turned off here:
- server-side cursors (`QuerySet.iterator()`: exports, large tables), which outside a
  transaction are `WITH HOLD` cursors living on the server connection;
- prepared statements, which live on the server connection too: Django's default already
  has none (client-side binding, `prepare_threshold=None`); this keeps it so even if OPTIONS
  were tuned for a direct connection (`server_side_binding`, `prepare_threshold`).
Session mode (`DATABASE_POOLER=session`) and no pooler need neither; there the hot reads of
`lms/core/prepared.py` run as prepared statements (`DATABASE_PREPARED_STATEMENTS`).
"""

from typing import Any

POOLERS = {"", "session", "transaction"}


def database_for_pooler(database: dict[str, Any], *, pooler: str) -> dict[str, Any]:
    if pooler not in POOLERS:
        raise ValueError(f"DATABASE_POOLER must be one of {sorted(POOLERS)}, not {pooler!r}")
    if pooler != "transaction" or "postgresql" not in database["ENGINE"]:
        return database
    options = {**database.get("OPTIONS", {}), "prepare_threshold": None}
    return {**database, "DISABLE_SERVER_SIDE_CURSORS": True, "OPTIONS": options}


def prepared_statements(*, requested: bool, pooler: str) -> bool:
    """Whether `lms.core.prepared` prepares its statements: as asked, never behind a
    transaction pooler (a prepared statement would stay on a server connection that is then
    lent to another client)."""
    return requested and pooler != "transaction"
