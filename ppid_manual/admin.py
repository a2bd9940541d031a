from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.html import format_html

from ppid_manual import lambang
from ppid_manual.models import (
    DasarHukum,
    Event,
    FormatNomor,
    HariLibur,
    NomorTerbit,
    Pejabat,
    PemeriksaanRiwayat,
    PenghitungNomor,
    PolaNomorUnit,
    Unit,
    User,
)
from ppid_manual.roles import Role
from ppid_manual.workflow.hari_libur import delete_hari_libur, save_hari_libur
from ppid_manual.workflow.numbering import validate_pattern


class RoleAdmin(admin.ModelAdmin):
    """Master data is the Admin role's: the role, not Django's per-model permissions, decides."""

    def _is_admin(self, request) -> bool:
        return request.user.is_active and (
            request.user.is_superuser or request.user.has_role(Role.ADMIN)
        )

    def has_module_permission(self, request):
        return self._is_admin(request)

    def has_view_permission(self, request, obj=None):
        return self._is_admin(request)

    def has_add_permission(self, request):
        return self._is_admin(request)

    def has_change_permission(self, request, obj=None):
        return self._is_admin(request)

    def has_delete_permission(self, request, obj=None):
        return self._is_admin(request)


class ReadOnlyAdmin(RoleAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class UnitForm(forms.ModelForm):
    """The unit with its kop: the lambang uploaded as PNG or SVG, checked
    (ppid_manual/lambang.py) and stored with the unit."""

    berkas_lambang = forms.FileField(
        label="lambang kop surat (PNG atau SVG)",
        required=False,
        help_text="Lambang daerah yang dicetak di kiri kop setiap surat dan register unit ini. "
        "Kosongkan untuk mempertahankan lambang yang tersimpan.",
    )
    hapus_lambang = forms.BooleanField(label="hapus lambang tersimpan", required=False)

    class Meta:
        model = Unit
        fields = ["kode", "nama", "singkatan", "jenis", "alamat", "aktif", "kop"]

    def clean_berkas_lambang(self):
        berkas = self.cleaned_data.get("berkas_lambang")
        if not berkas:
            return None
        isi = berkas.read(lambang.BATAS_BYTE + 1)
        return isi, lambang.periksa(isi)

    def save(self, commit=True):
        unit = super().save(commit=False)
        baru = self.cleaned_data.get("berkas_lambang")
        if baru:
            unit.lambang, unit.lambang_jenis = baru
        elif self.cleaned_data.get("hapus_lambang"):
            unit.lambang, unit.lambang_jenis = b"", ""
        if commit:
            unit.save()
        return unit


@admin.register(Unit)
class UnitAdmin(RoleAdmin):
    form = UnitForm
    list_display = ["kode", "nama", "singkatan", "jenis", "ada_lambang", "aktif"]
    list_filter = ["jenis", "aktif"]
    search_fields = ["kode", "nama", "singkatan"]
    fields = [
        "kode",
        "nama",
        "singkatan",
        "jenis",
        "alamat",
        "aktif",
        "kop",
        "pratinjau_lambang",
        "berkas_lambang",
        "hapus_lambang",
    ]
    readonly_fields = ["pratinjau_lambang"]

    @admin.display(description="lambang", boolean=True)
    def ada_lambang(self, obj: Unit) -> bool:
        return bool(obj.lambang_kop()[0])

    @admin.display(description="lambang tersimpan")
    def pratinjau_lambang(self, obj: Unit):
        url = obj.lambang_url() if obj and obj.pk else ""
        if not url:
            return "belum ada"
        return format_html('<img src="{}" alt="Lambang {}" style="height:60px">', url, obj.nama)


@admin.register(DasarHukum)
class DasarHukumAdmin(RoleAdmin):
    list_display = ["keputusan", "urutan", "teks", "berlaku_dari", "berlaku_sampai"]
    list_filter = ["keputusan"]
    fields = ["keputusan", "urutan", "teks", "berlaku_dari", "berlaku_sampai"]


@admin.register(Pejabat)
class PejabatAdmin(RoleAdmin):
    list_display = ["nama", "nip", "jabatan", "peran", "unit", "berlaku_dari", "berlaku_sampai"]
    list_filter = ["peran"]
    fields = [
        "nama",
        "nip",
        "pangkat",
        "atas_nama",
        "jabatan",
        "selaku",
        "unit",
        "peran",
        "berlaku_dari",
        "berlaku_sampai",
    ]
    search_fields = ["nama", "nip", "jabatan"]
    autocomplete_fields = ["unit"]


@admin.register(HariLibur)
class HariLiburAdmin(RoleAdmin):
    list_display = [
        "tanggal",
        "nama",
        "jenis",
        "libur",
        "dasar_hukum",
        "nomor_surat",
        "tanggal_surat",
        "asal",
        "diubah_admin",
    ]
    list_filter = ["jenis", "libur", "asal"]
    search_fields = ["nama", "dasar_hukum"]
    date_hierarchy = "tanggal"

    def save_model(self, request, obj, form, change):
        # A row the admin touched is never overwritten by sync_holidays.
        obj.diubah_admin = True
        self._report_moved(request, save_hari_libur(obj, by=request.user))

    def delete_model(self, request, obj):
        self._report_moved(request, delete_hari_libur([obj], by=request.user))

    def delete_queryset(self, request, queryset):
        self._report_moved(request, delete_hari_libur(queryset, by=request.user))

    def _report_moved(self, request, moved: int):
        self.message_user(
            request,
            f"Tenggat {moved} berkas yang masih berjalan dihitung ulang karena perubahan kalender."
            if moved
            else "Tidak ada tenggat berkas berjalan yang berubah.",
        )


class FormatNomorForm(forms.ModelForm):
    class Meta:
        model = FormatNomor
        fields = ["jenis", "pola", "kode_klasifikasi", "per_unit"]

    def clean_pola(self):
        pola = self.cleaned_data["pola"]
        try:
            validate_pattern(pola)
        except ValueError as exc:
            raise forms.ValidationError(str(exc)) from None
        return pola


class PolaNomorUnitForm(forms.ModelForm):
    class Meta:
        model = PolaNomorUnit
        fields = ["unit", "pola", "kode_klasifikasi"]

    clean_pola = FormatNomorForm.clean_pola


class PolaNomorUnitInline(admin.TabularInline):
    """A unit's own template for this document type (e.g. the Sekretariat Daerah's)."""

    model = PolaNomorUnit
    form = PolaNomorUnitForm
    extra = 0
    autocomplete_fields = ["unit"]

    has_view_permission = RoleAdmin.has_view_permission
    has_change_permission = RoleAdmin.has_change_permission
    has_delete_permission = RoleAdmin.has_delete_permission
    _is_admin = RoleAdmin._is_admin

    def has_add_permission(self, request, obj=None):
        return self._is_admin(request)


@admin.register(FormatNomor)
class FormatNomorAdmin(RoleAdmin):
    form = FormatNomorForm
    list_display = ["jenis", "pola", "kode_klasifikasi", "per_unit"]
    inlines = [PolaNomorUnitInline]


class PenghitungNomorForm(forms.ModelForm):
    class Meta:
        model = PenghitungNomor
        fields = ["format", "unit_kode", "tahun", "berikutnya"]

    def clean(self):
        cleaned = super().clean()
        berikutnya = cleaned.get("berikutnya")
        terakhir = self.instance.terakhir_terbit if self.instance.pk else 0
        if berikutnya is not None and berikutnya <= terakhir:
            self.add_error(
                "berikutnya",
                f"Nomor urut {terakhir} sudah terbit; nomor berikutnya harus lebih besar "
                "agar tidak ada nomor yang dipakai dua kali.",
            )
        return cleaned


@admin.register(PenghitungNomor)
class PenghitungNomorAdmin(RoleAdmin):
    """The admin sets the next number so numbering continues from the online system."""

    form = PenghitungNomorForm
    list_display = ["format", "unit_kode", "tahun", "terakhir_terbit", "berikutnya"]
    list_filter = ["format", "tahun"]
    readonly_fields = ["terakhir_terbit"]

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(NomorTerbit)
class NomorTerbitAdmin(ReadOnlyAdmin):
    list_display = ["nomor", "jenis", "unit_kode", "tahun", "urut", "created_at"]
    list_filter = ["jenis", "tahun"]
    search_fields = ["nomor"]


@admin.register(Event)
class EventAdmin(ReadOnlyAdmin):
    list_display = [
        "created_at",
        "actor",
        "content_type",
        "object_id",
        "step",
        "from_state",
        "to_state",
        "urut",
    ]
    list_filter = ["content_type", "step"]


@admin.register(PemeriksaanRiwayat)
class PemeriksaanRiwayatAdmin(ReadOnlyAdmin):
    """Each run of verify_records (issue 25): when, intact or not, the head and what broke."""

    list_display = ["waktu", "utuh", "jumlah_riwayat", "jumlah_dokumen", "kepala_urut"]
    list_filter = ["utuh"]


@admin.register(User)
class UserAdmin(RoleAdmin, BaseUserAdmin):
    list_display = ["username", "first_name", "last_name", "unit", "is_active"]
    list_filter = ["groups", "unit", "is_active"]
    fieldsets = BaseUserAdmin.fieldsets + (("Perangkat daerah", {"fields": ("unit", "nip")}),)
    add_fieldsets = BaseUserAdmin.add_fieldsets + (
        ("Perangkat daerah dan peran", {"fields": ("unit", "nip", "groups")}),
    )
