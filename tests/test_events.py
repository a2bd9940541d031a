import pytest

from ppid_manual.models import Event
from ppid_manual.workflow.engine import record_event


def test_an_event_cannot_be_changed_or_deleted(db, units, petugas):
    event = record_event(units["dinkes"], "uji", by=petugas, note="pertama")
    event.note = "diubah"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
    with pytest.raises(PermissionError):
        Event.objects.filter(pk=event.pk).update(note="diubah")
    with pytest.raises(PermissionError):
        Event.objects.filter(pk=event.pk).delete()
    event.refresh_from_db()
    assert event.note == "pertama"
    assert list(Event.objects.for_object(units["dinkes"])) == [event]
