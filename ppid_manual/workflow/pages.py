"""The read side of a case, the same for every process: the step page, the buttons, the
timeline, the print response and the protected-file response.

An app declares its step table (`alur.py`), its actions, its forms, its documents, and here
one `StepPage` per step that has a page; `step_view` does the rest. Who may take a step, and
on which cases, comes only from the step table (`Step.roles`, `StepTable.scope`, the guards):
the view repeats none of it (DESIGN.md §7: a case is written by steps, read by one framework).
"""

from __future__ import annotations

import mimetypes
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from ppid_manual.models import Event, Pejabat
from ppid_manual.workflow.engine import Step, StepRefused, StepTable
from ppid_manual.workflow.numbering import NumberingError
from ppid_manual.workflow.pdf import PdfError, PrintDocument

# A form factory gets the case, the POST data (None on GET) and the step (for its label and
# button style); it may raise StepRefused when the page cannot be opened for this case.
FormFactory = Callable[[Any, Any, Step], Any]
# An action runner gets the case, the valid form and the user, and returns what the action
# returned (the saved case, a letter, a handover) for the success message.
Runner = Callable[[Any, Any, Any], Any]


@dataclass(frozen=True)
class StepPage:
    """The page of one step: its form, the action it calls, the words around it.

    `form(case, data, step)` builds the form (`data` is None on GET); with `uploads` it also
    gets `files=`. `form=None`: the step needs no input, its button posts straight to the step
    (a GET goes back to the case). `act(case, form, user)` calls the action. `intro` and
    `success` are text, or a function of the case (intro) / of the action's result (success);
    `{label}` in a text is the step's label. `template` only when the page needs more than the
    form (the app's step template otherwise)."""

    form: FormFactory | None
    act: Runner
    intro: str | Callable[[Any], str] = ""
    success: str | Callable[[Any], str] = "Langkah “{label}” dicatat."
    template: str | None = None
    uploads: bool = False
    # The letters this step numbers, each drawn from what the action returned: the page
    # offers "Lihat KONSEP …" for each (issue 15), the step tried and rolled back
    # (konsep_response). A step that numbers two letters (the refusal: the notice and the
    # SK penolakan; a paid handover: the receipt and the kuitansi) lists both.
    konsep: tuple[Konsep, ...] = ()
    # Where the desk lands after the step (default: the case page): a step that hands the
    # pemohon a paper lands where it is printed, as registration lands on its receipt.
    then: Callable[[Any, Any], str] | None = None
    # The form factory also gets `user=` (the user at the desk), for a form whose start
    # depends on who opens it (a ralat starts on a letter this user may correct).
    form_user: bool = False


@dataclass(frozen=True)
class Konsep:
    """One letter a step numbers, for its KONSEP: the button's words ("pemberitahuan
    tertulis") and the letter drawn from the action's result; `dokumen` returns None when the
    step, with these inputs, issues no such letter (a free handover has no kuitansi), and
    `tidak_ada` says so to the desk."""

    label: str
    dokumen: Callable[[Any], PrintDocument | None]
    tidak_ada: str = "Langkah ini, dengan isian tersebut, tidak menerbitkan surat ini."


def konsep_dari(request: HttpRequest, page: StepPage) -> Konsep | None:
    """The KONSEP the step page's button asked for (`aksi=konsep` or `konsep-<n>`)."""
    aksi = request.POST.get("aksi", "")
    if not page.konsep or not aksi.startswith("konsep"):
        return None
    nomor = aksi.removeprefix("konsep").removeprefix("-") or "0"
    if not nomor.isdigit() or int(nomor) >= len(page.konsep):
        raise Http404("KONSEP tidak dikenal.")
    return page.konsep[int(nomor)]


def note_page(
    act: Callable[..., Any],
    *,
    keyword: str = "note",
    intro: str | Callable[[Any], str] = "",
    success: str | Callable[[Any], str] = "Langkah “{label}” dicatat.",
    form_class: type | None = None,
    **form: Any,
) -> StepPage:
    """The page of a step that records only a note (a reason, a basis, a correction): the
    shared `CatatanForm` (or an app's subclass) with `form`'s keywords, its button the step's
    own label and style unless `submit_label` / `css` say otherwise, and the action called
    with the note as `keyword`."""
    from ppid_manual.workflow.forms import CatatanForm

    cls = form_class or CatatanForm

    def build(case: Any, data: Any, step: Step) -> Any:
        options = {"submit_label": step.label, "css": step.css, **form}
        return cls(data, **options)

    return StepPage(
        form=build,
        act=lambda case, f, user: act(case, by=user, **{keyword: f.cleaned_data["catatan"]}),
        intro=intro,
        success=success,
    )


def ralat_page(
    spec: Any, act: Callable[..., Any], surat: Callable[[Any], PrintDocument], intro: str
) -> StepPage:
    """The ralat step's page, the same for every process (ppid_manual/workflow/ralat.py):
    which letter, which part, what it should read, why; the app's action `act` (its
    `ralat_surat`); the ralat letter's KONSEP drawn by `surat(ralat)`. When a corrected fact
    is still printed on another letter in force, the page names each such letter, the form
    starts on the first the user may correct, and the success message names those left
    (each letter needs its own ralat)."""
    from ppid_manual.workflow.forms import RalatForm
    from ppid_manual.workflow.ralat import surat_tertinggal

    def _intro(case: Any) -> str:
        sisa = surat_tertinggal(case, spec)
        if not sisa:
            return intro
        return (
            f"{intro} Surat yang masih memuat data sebelum diralat: "
            + "; ".join(str(t) for t in sisa)
            + ". Isian di bawah disiapkan untuk surat yang pertama; setiap surat diralat "
            "dengan ralatnya sendiri."
        )

    def _success(ralat: Any) -> str:
        case = ralat.content_type.get_object_for_this_type(pk=ralat.object_id)
        sisa = surat_tertinggal(case, spec)
        if not sisa:
            return f"Ralat {ralat.nomor} diterbitkan."
        return (
            f"Ralat {ralat.nomor} diterbitkan. Surat yang masih memuat data sebelum diralat: "
            + "; ".join(str(t) for t in sisa)
            + ". Buka langkah Ralat lagi untuk meralat setiap surat itu."
        )

    return StepPage(
        form=lambda case, data, step, user: RalatForm(data, case=case, spec=spec, user=user),
        form_user=True,
        act=lambda case, f, user: act(case, by=user, **f.to_kwargs()),
        konsep=(Konsep("surat ralat", surat),),
        intro=_intro,
        success=_success,
    )


@dataclass(frozen=True)
class CaseUI:
    """What the generic pages need to know of one process.

    `table` is the process's step table, or `table_of(case)` when the table depends on the
    case (a DIP edition: the OPD's or the province's). `get_case(request, pk)` is the app's
    one access helper (404 outside the user's scope); `url_name` is the app's step URL
    (`<pk>/langkah/<step>/`); `context(request, case)` adds what the step template shows
    beside the form. `refuse_role_with_403`: a user with none of the step's roles gets 403
    (the access ladder of the permohonan pages) instead of the table's message on the case
    page. `show_refused`: the buttons include the steps a guard refuses now, disabled with the
    reason (the DIP pages: the desk sees what is still missing)."""

    pages: dict[str, StepPage]
    get_case: Callable[[HttpRequest, int], Any]
    detail_url: Callable[[Any], str]
    url_name: str
    template: str
    table: StepTable | None = None
    table_of: Callable[[Any], StepTable] | None = None
    context: Callable[[HttpRequest, Any], dict[str, Any]] = field(default=lambda r, c: {})
    refuse_role_with_403: bool = False
    show_refused: bool = False

    def table_for(self, case: Any) -> StepTable:
        if self.table_of is not None:
            return self.table_of(case)
        assert self.table is not None, "a CaseUI needs a table or table_of"
        return self.table

    def step_url(self, case: Any, step_name: str) -> str:
        return reverse(self.url_name, args=[case.pk, step_name])

    def buttons(self, case: Any, user) -> list[dict[str, Any]]:
        """The buttons of the case page: the steps this user may take now (the step table's
        `available`; with `show_refused` also the refused ones and why), each leading to its
        page, or posting straight to the step when it has no form."""
        table = self.table_for(case)
        if self.show_refused:
            offered = table.offered(case, user)
        else:
            offered = [(s, None) for s in table.available(case, user)]
        return [
            {
                "step": s,
                "alasan": reason,
                "form": self.pages[s.name].form is not None,
                "url": self.step_url(case, s.name),
            }
            for s, reason in offered
            if s.name in self.pages
        ]


def _text(value: str | Callable[[Any], str], arg: Any, step: Step) -> str:
    return value(arg) if callable(value) else value.format(label=step.label)


def safe_next(request: HttpRequest, default: str) -> str:
    """Where to go after the step: the page the button was on (`next`, only on this host),
    else the case page."""
    nxt = request.POST.get("next") or request.GET.get("next") or ""
    if nxt and url_has_allowed_host_and_scheme(nxt, {request.get_host()}, request.is_secure()):
        return nxt
    return default


@login_required
def step_view(request: HttpRequest, pk: int, step: str, *, ui: CaseUI) -> HttpResponse:
    """One step of the table: GET shows its form, POST takes it through its action. A step
    that is not allowed now (state, role, unit, a rule of the law) sends the user back to the
    case with the reason and changes nothing."""
    page = ui.pages.get(step)
    if page is None:
        raise Http404("Langkah tidak dikenal.")
    if ui.refuse_role_with_403 and ui.table is not None:
        if not request.user.has_role(*ui.table.get(step).roles):
            raise PermissionDenied("Peran Anda tidak berwenang membuka halaman ini.")
    case = ui.get_case(request, pk)
    table = ui.table_for(case)
    try:
        s = table.get(step)
    except KeyError:
        raise Http404("Langkah tidak dikenal.") from None
    back = redirect(safe_next(request, ui.detail_url(case)))
    posted = request.method == "POST"
    if page.form is None and not posted:
        return back
    data = request.POST if posted else None
    try:
        # The form first: a page that cannot open for this case (e.g. no letter to answer)
        # says so before the table's state check.
        form = None
        if page.form is not None:
            extra = {"files": request.FILES if posted else None} if page.uploads else {}
            if page.form_user:
                extra["user"] = request.user
            form = page.form(case, data, s, **extra)
        table.check(case, s, request.user)
    except StepRefused as exc:
        messages.error(request, str(exc))
        return back
    pilihan = konsep_dari(request, page) if posted else None
    if pilihan is not None and (form is None or form.is_valid()):
        return konsep_response(request, page, pilihan, case, form, ui.detail_url(case))
    if posted and (form is None or form.is_valid()):
        try:
            result = page.act(case, form, request.user)
        except (StepRefused, NumberingError) as exc:
            messages.error(request, str(exc))
            return back
        messages.success(request, _text(page.success, result, s))
        return redirect(page.then(case, result)) if page.then is not None else back
    if page.konsep and form is not None and hasattr(form, "helper"):
        # The KONSEP button sits outside the crispy form and submits it (form="…").
        form.helper.form_id = form.helper.form_id or "form-langkah"
    context = {
        "step": s,
        "konsep": [
            {"label": k.label, "aksi": f"konsep-{i}" if i else "konsep"}
            for i, k in enumerate(page.konsep)
        ],
        "form": form,
        "intro": _text(page.intro, case, s),
        **ui.context(request, case),
    }
    return render(request, page.template or ui.template, context)


class _Batal(Exception):
    """Rolls the KONSEP's trial step back, carrying the response drawn inside it."""


def konsep_response(
    request: HttpRequest, page: StepPage, pilihan: Konsep, case: Any, form: Any, back: str
):
    """The letter a step would issue, as a KONSEP (DESIGN.md §7): the step's own action runs
    in a transaction that is always rolled back, with no number taken (numbering.konsep:
    every number reads "…"), so the draft shows exactly what the step would write, and
    nothing is written: no state, no event, no number, no stored document."""
    from django.db import transaction

    from ppid_manual.workflow import numbering

    try:
        with transaction.atomic(), numbering.konsep():
            result = page.act(case, form, request.user)
            doc = pilihan.dokumen(result)
            if doc is None:
                raise _Batal(None)
            raise _Batal(print_response(request, doc, back, mode="konsep"))
    except _Batal as done:
        if done.args[0] is None:
            messages.info(request, pilihan.tidak_ada)
            return redirect(back)
        return done.args[0]
    except (StepRefused, NumberingError) as exc:
        messages.error(request, str(exc))
        return redirect(back)


def timeline(
    obj: Any, table: StepTable | None, extra_labels: dict[str, str] | None = None
) -> list[Event]:
    """The record's events, oldest first, each with the step's label and the states' labels
    (`label`, `from_label`, `to_label`) from the step table; a record without a table (a DIK
    entry) names its events in `extra_labels`."""
    labels = {s.name: s.label for s in table.steps} if table is not None else {}
    # The events the shared machinery writes on any case (a calendar change, the retention
    # job: ppid_manual/workflow/deadlines.py, ppid_manual/retention.py).
    labels["tenggat_dihitung_ulang"] = "Tenggat dihitung ulang (kalender berubah)"
    labels["hapus_pindaian"] = "Pindaian dihapus (retensi data pribadi)"
    # A data repair (registrasi migration 0015): the PPID's decision restored from the events.
    labels["keputusan_dipulihkan"] = "Keputusan PPID dipulihkan dari riwayat (perbaikan data)"
    labels["status_sengketa_diperbarui"] = "Status sengketa diperbarui (perbaikan data)"
    labels.update(extra_labels or {})
    status = table.status_labels if table is not None else {}
    events = list(Event.objects.for_object(obj).select_related("actor"))
    for e in events:
        e.label = labels.get(e.step, e.step)
        e.from_label = status.get(e.from_state, e.from_state)
        e.to_label = status.get(e.to_state, e.to_state)
    return events


def print_response(
    request: HttpRequest, doc: PrintDocument, back: str, *, mode: str = "live"
) -> HttpResponse:
    """The PDF of a document (`Cache-Control: no-store`), or back to the case page with the
    reason when it cannot be given: never a broken letter, never the Referer.

    `mode` is what the document is (DESIGN.md §7):
    - "live": drawn from the data now (registers, lists, the Laporan: their footer says so);
    - "issued": a numbered document as it was issued: the stored bytes, checked against
      their SHA-256 (ppid_manual/workflow/terbit.py). A missing or changed one is said
      plainly; it is never rendered again from today's data;
    - "konsep": the letter before the step that numbers it: a watermark, the number as "…",
      nothing taken and nothing written."""
    if mode == "issued":
        return _issued_response(request, doc, back)
    if mode == "konsep":
        doc.konsep = True
    elif mode != "live":
        raise ValueError(f"unknown print mode {mode!r}")
    try:
        return doc.response()
    except (Pejabat.DoesNotExist, PdfError) as exc:
        messages.error(request, f"Dokumen tidak dapat dicetak: {exc}")
    return redirect(back)


def _issued_response(request: HttpRequest, doc: PrintDocument, back: str) -> HttpResponse:
    from ppid_manual.workflow import terbit

    stored = terbit.tersimpan(doc)
    nomor = doc.nomor_terbit()
    what = f"{doc.title}{f' nomor {nomor}' if nomor else ''}"
    if stored is None:
        # Issued but never stored (before issue 15, or no signer at its step): its first
        # print renders and stores it, and every later print serves those bytes.
        try:
            stored = terbit.store_one(doc, request.user)
        except (Pejabat.DoesNotExist, PdfError) as exc:
            messages.error(request, f"Dokumen tidak dapat dicetak: {exc}")
            return redirect(back)
        except terbit.DokumenHilang:
            stored = None
    if stored is None or not stored.berkas:
        messages.error(
            request,
            f"{what}: berkas yang tersimpan hilang. Dokumen tidak dicetak ulang dari data "
            "sekarang; hubungi Admin untuk memulihkannya dari cadangan.",
        )
        return redirect(back)
    if not stored.utuh:
        messages.error(
            request,
            f"{what} yang tersimpan telah berubah sejak diterbitkan (SHA-256 tidak cocok). "
            "Dokumen tidak dicetak; hubungi Admin untuk memulihkannya dari cadangan.",
        )
        return redirect(back)
    response = HttpResponse(bytes(stored.berkas), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{stored.nama_berkas}"'
    response["Cache-Control"] = "no-store"
    response["X-Dokumen-SHA256"] = stored.sha256
    return response


CONTENT_TYPES = {"pdf": "application/pdf", "jpg": "image/jpeg", "jpeg": "image/jpeg"}
CONTENT_TYPES["png"] = "image/png"


def protected_file(
    stored: FieldFile | None,
    name: str,
    *,
    content_type: str | None = None,
    attachment: bool = False,
) -> FileResponse:
    """A scan or stored file (personal data, UU 27/2022 PDP), served only from a view that has
    checked the user: never cached, never sniffed, shown inline (or downloaded) under `name`
    plus the stored file's extension. A missing file is a 404 with the reason."""
    if not stored:
        raise Http404("Tidak ada pindaian.")
    ext = stored.name.rsplit(".", 1)[-1].lower() if "." in stored.name else ""
    if content_type is None:
        content_type = (
            CONTENT_TYPES.get(ext)
            or mimetypes.guess_type(stored.name)[0]
            or "application/octet-stream"
        )
    try:
        handle = stored.open("rb")
    except FileNotFoundError:
        raise Http404("Berkas pindaian tidak ditemukan di penyimpanan.") from None
    response = FileResponse(handle, content_type=content_type)
    disposition = "attachment" if attachment else "inline"
    filename = f"{name}.{ext}" if ext else name
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
