"""Hidden form fields the officer never sees (the idempotency `kunci`, the edit `versi`) are
checked like any other; when one comes back broken, the officer must be told (issue 16).

A hidden field's error has nowhere to show on the page (crispy renders errors next to visible
fields), so a tampered or truncated value brought the form back with no message at all. Here
such an error becomes a message at the top of the form, and the field gets a fresh value so
that a deliberate second submit can go through."""

from __future__ import annotations

import uuid

from django import forms

PESAN = (
    "Isian tersembunyi formulir ini ({nama}) tidak valid: formulir mungkin telah diubah di "
    "luar aplikasi atau terpotong saat dikirim. Tidak ada yang disimpan. Periksa kembali "
    "isian, lalu kirim sekali lagi."
)


class HiddenFieldsCheckedMixin(forms.Form):
    def full_clean(self) -> None:
        super().full_clean()
        if not self.is_bound or not self._errors:
            return
        broken = [
            name
            for name, field in self.fields.items()
            if field.widget.is_hidden and name in self._errors
        ]
        if not broken:
            return
        data = self.data.copy()
        for name in broken:
            del self._errors[name]
            field = self.fields[name]
            fresh = self.get_initial_for_field(field, name)
            if fresh is None and isinstance(field, forms.UUIDField):
                fresh = uuid.uuid4()
            data[self.add_prefix(name)] = "" if fresh is None else str(fresh)
        self.data = data
        self.add_error(None, PESAN.format(nama=", ".join(broken)))
