"""Access helpers shared by every app's views."""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied


def role_required(*roles: str):
    """Login first (anonymous users go to the login page), then one of `roles` or 403."""

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapped(request, *args, **kwargs):
            if not request.user.has_role(*roles):
                raise PermissionDenied("Peran Anda tidak berwenang membuka halaman ini.")
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def izin_required(aksi: str):
    """Login first, then the permission table (ppid_manual/izin.py) for `aksi`, read at each
    request, or 403."""
    from ppid_manual import izin

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapped(request, *args, **kwargs):
            if not izin.boleh(request.user, aksi):
                raise PermissionDenied("Peran Anda tidak berwenang membuka halaman ini.")
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
