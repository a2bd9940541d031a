"""Response headers for every page, and an Indonesian page when the database is down."""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string

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


class DatabaseDownMiddleware:
    """A database that cannot be reached gives a calm Indonesian page (503), not a trace."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, (OperationalError, InterfaceError)) or (
            isinstance(exception, DatabaseError) and "connect" in str(exception).lower()
        ):
            logger.error("Database unavailable: %s", exception)
            html = render_to_string("503.html")
            return HttpResponse(html, status=503)
        return None
