"""Where one process asks another without importing it (DESIGN.md section 6: the processes do
not import each other; a floor reaches another only through what that one registers).

Each slot is filled once, by the app that answers, in its AppConfig.ready(); the app that asks
calls the slot. A slot called while empty fails loudly: an app is missing from
INSTALLED_APPS, never a silent empty answer."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class Slot:
    def __init__(self, name: str, doc: str) -> None:
        self.name = name
        self.__doc__ = doc
        self._fn: Callable[..., Any] | None = None

    def fill(self, fn: Callable[..., Any]) -> None:
        self._fn = fn

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if self._fn is None:
            raise LookupError(f"Penghubung '{self.name}' belum diisi oleh aplikasinya.")
        return self._fn(*args, **kwargs)


# Filled by dip: the DIK entries in force for (unit_id, pasal17 huruf), for a decision on
# Pasal 17 (registrasi's decision page shows them to the PPID).
DIK_COCOK = Slot("dik_cocok", "DIK entries in force matching a unit and an exemption huruf.")

# Filled by registrasi: the proposed DIK entry taken from a request's decision on Pasal 17,
# as this user may see it ({} when there is none): (user, permohonan pk) -> initial data.
USULAN_DIK = Slot("usulan_dik", "A DIK entry proposed from a request's exemption decision.")

# Filled by keberatan: the Atasan PPID's answers that reopened requests for the handover (a
# fact of the keberatan beside the PPID's decision): (permohonan pks) -> {pk: the latest}.
PUTUSAN_KEBERATAN = Slot(
    "putusan_keberatan", "The latest answer on a keberatan that reopened each request."
)
