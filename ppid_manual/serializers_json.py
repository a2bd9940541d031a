"""JSON serialization that keeps the microseconds of every timestamp (issue 16).

Django's JSON encoder (DjangoJSONEncoder) cuts datetimes and times to milliseconds, so a backup
restored moved every event, registration and log row in time, and rows written within one
millisecond could come back in another order. Registered as the format "json_penuh"
(settings.SERIALIZATION_MODULES); it reads back with the stock "json" deserializer, which
parses ISO timestamps of any precision."""

from __future__ import annotations

import datetime

from django.core.serializers.json import (
    Deserializer,  # noqa: F401  (the format's reader)
    DjangoJSONEncoder,
)
from django.core.serializers.json import Serializer as JsonSerializer


class FullPrecisionEncoder(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, datetime.datetime):
            text = o.isoformat()
            return text[:-6] + "Z" if text.endswith("+00:00") else text
        if isinstance(o, datetime.time):
            if o.utcoffset() is not None:
                raise ValueError("JSON can't represent timezone-aware times.")
            return o.isoformat()
        return super().default(o)


class Serializer(JsonSerializer):
    def _init_options(self):
        super()._init_options()
        self.json_kwargs["cls"] = FullPrecisionEncoder
