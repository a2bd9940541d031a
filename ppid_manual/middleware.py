"""Response headers for every page, and an Indonesian page when the database is down."""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse
from django.template.loader import render_to_string

from ppid_manual.healthz import healthz

logger = logging.getLogger(__name__)


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        # Pages hold personal data: never keep them in a browser or proxy cache on a shared
        # desk PC. (Static files are answered by WhiteNoise before this point.)
        response.setdefault("Cache-Control", "private, no-store")
        return response


def database_unavailable(exc: BaseException | None) -> bool:
    """The database cannot serve this request: it cannot be reached (server down, wrong port,
    dropped or renamed database), or it is not migrated (a table is missing). Either way the
    desk must switch to paper, and the page must say so (SOP: layanan saat sistem tidak
    berfungsi), not show a generic error."""
    if isinstance(exc, (OperationalError, InterfaceError)):
        return True
    if isinstance(exc, DatabaseError):
        text = str(exc).lower()
        return any(
            words in text
            for words in ("connect", "no such table", "does not exist", "server closed")
        )
    return False


def database_down_response() -> HttpResponse:
    """The 503 page. Rendered without the database (no request context: no user, no session,
    no messages), and with the headers every page carries, since it may answer before the
    middleware that sets them has run."""
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = "60"
    response["Content-Security-Policy"] = settings.CONTENT_SECURITY_POLICY
    response["Cache-Control"] = "private, no-store"
    return response


class DatabaseDownMiddleware:
    """A database that cannot be reached gives a calm Indonesian page (503), not a trace, for
    every request, logged in or not.

    It sits before the session and authentication middleware (settings.MIDDLEWARE): a logged-in
    request reads its session and user from the database there, before any view runs, so a
    check made only around the view (process_exception) came too late and those requests got
    the 500 page (issue 16). The connection is opened here first; a failure later in the
    request (the database going away mid-request, in any middleware) is turned into the same
    page by the 500 handler (ppid_manual.views.server_error)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/healthz":
            # Answers for itself, in JSON, and before the session middleware: a probe sent
            # with a session cookie must not make the session middleware read the database.
            return healthz(request)
        try:
            connection.ensure_connection()
        except DatabaseError as exc:
            logger.error("Database unavailable: %s", exc)
            return database_down_response()
        return self.get_response(request)

    def process_exception(self, request, exception):
        if database_unavailable(exception):
            logger.error("Database unavailable: %s", exception)
            return database_down_response()
        return None
