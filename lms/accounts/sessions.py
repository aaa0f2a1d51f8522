"""Django's database sessions, with the session row read by a statement compiled once.

Every request reads its session row first; the ORM compiled that one-row query again on
each request (about as long as the rest of the read: issue 16). Same table, same rows, same
writes and the same answers as `django.contrib.sessions.backends.db` (SESSION_ENGINE names
this module): only the read goes through `lms.core.prepared`. Not a cache: nothing is kept
outside the database.
"""

import logging

from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.contrib.sessions.models import Session
from django.core.exceptions import SuspiciousOperation
from django.utils import timezone

from lms.core.prepared import PreparedRead

_LIVE_SESSION = PreparedRead(Session.objects.all, "session_key", "expire_date__gt")


class SessionStore(DatabaseSessionStore):
    def _get_session_from_db(self) -> Session | None:
        """As Django's: the live row, or None and the key forgotten."""
        try:
            found = _LIVE_SESSION.first(self.session_key, timezone.now())
        except SuspiciousOperation as exc:
            logging.getLogger(f"django.security.{exc.__class__.__name__}").warning(str(exc))
            found = None
        if found is None:
            self._session_key = None
        return found
