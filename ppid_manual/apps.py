from django.apps import AppConfig

#: What an empty choice of a list says, in every form of the app and the admin: Django's own
#: "---------" reads as a broken field to the desk (issue 19) and says nothing to a screen
#: reader.
PILIHAN_KOSONG = "— pilih —"


def use_indonesian_empty_choice() -> None:
    """One place for every form: the blank choice that model fields with choices add
    (`BLANK_CHOICE_DASH`, the default list their `get_choices` shares) and the default
    `empty_label` of ModelChoiceField (a foreign key). A field that sets its own label keeps it."""
    from django import forms
    from django.db.models import fields

    fields.BLANK_CHOICE_DASH[:] = [("", PILIHAN_KOSONG)]
    forms.ModelChoiceField.__init__.__kwdefaults__["empty_label"] = PILIHAN_KOSONG


class PpidManualConfig(AppConfig):
    name = "ppid_manual"
    verbose_name = "Data induk PPID"

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Before any app's ready(): the admin's autodiscover (the first app) imports forms
        # whose fields are built when their class is defined.
        use_indonesian_empty_choice()
