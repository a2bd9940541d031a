"""When the holiday table changes, open cases' deadlines move with it (DESIGN.md section 4)."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from ppid_manual.models import HariLibur
from ppid_manual.templatetags.ppid import tanggal
from ppid_manual.workflow.deadlines import recompute_for_dates


@receiver(pre_save, sender=HariLibur)
def remember_old_row(sender, instance: HariLibur, raw=False, **kwargs):
    instance._lama = None
    if instance.pk and not raw:
        instance._lama = (
            HariLibur.objects.filter(pk=instance.pk).values("tanggal", "libur", "nama").first()
        )


@receiver(post_save, sender=HariLibur)
def holiday_saved(sender, instance: HariLibur, created: bool, raw=False, **kwargs):
    if raw:  # loaddata (restore): the stored deadlines in the archive are already right
        return
    old = getattr(instance, "_lama", None)
    dates = {instance.tanggal}
    if old is not None:
        if old["tanggal"] == instance.tanggal and old["libur"] == instance.libur:
            instance.tenggat_dipindah = 0  # a rename or a new source moves nothing
            return
        dates.add(old["tanggal"])
    verb = "ditambahkan" if created else "diubah"
    instance.tenggat_dipindah = recompute_for_dates(
        dates, reason=f"Kalender berubah: {tanggal(instance.tanggal)} {instance.nama} {verb}"
    )


@receiver(post_delete, sender=HariLibur)
def holiday_deleted(sender, instance: HariLibur, **kwargs):
    instance.tenggat_dipindah = recompute_for_dates(
        {instance.tanggal},
        reason=f"Kalender berubah: {tanggal(instance.tanggal)} {instance.nama} dihapus",
    )
