"""Issue 16: every free-text field has a length limit, in the model and in the form, and a text
over the limit is refused with an Indonesian message (the README lists the limits)."""

from __future__ import annotations

import inspect
from pathlib import Path

from django import forms
from django.apps import apps
from django.contrib.auth.forms import AuthenticationForm
from django.db import models

from ppid_manual.models import Event

APPS = ("ppid_manual", "registrasi", "keberatan", "dip")
FORM_MODULES = (
    "ppid_manual.forms",
    "ppid_manual.workflow.forms",
    "registrasi.forms",
    "keberatan.forms",
    "dip.forms",
)
# Not typed by anyone: the timeline note is composed by the app from inputs that are bounded.
COMPOSED = {Event: {"note"}}


def text_fields():
    for app in APPS:
        for model in apps.get_app_config(app).get_models():
            for field in model._meta.get_fields():
                if isinstance(field, (models.CharField, models.TextField)):
                    if field.name not in COMPOSED.get(model, ()):
                        yield model, field


def test_every_text_field_of_every_model_has_a_limit():
    unbounded = [f"{m.__name__}.{f.name}" for m, f in text_fields() if not f.max_length]
    assert unbounded == []


def form_classes():
    import importlib

    for module_name in FORM_MODULES:
        module = importlib.import_module(module_name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, forms.BaseForm) and cls.__module__ == module_name:
                yield cls


def test_every_text_field_of_every_form_has_a_limit():
    unbounded = []
    for cls in form_classes():
        # The login form takes its user-name limit from the user model when it is made.
        fields = cls().fields if issubclass(cls, AuthenticationForm) else cls.base_fields
        for name, field in fields.items():
            if isinstance(field.widget, forms.PasswordInput):
                continue  # checked against the hash, never stored
            if isinstance(field, forms.UUIDField):
                continue  # a UUID or nothing
            if isinstance(field, forms.CharField) and not field.max_length:
                unbounded.append(f"{cls.__name__}.{name}")
            if isinstance(field, forms.CharField) and field.max_length:
                assert str(field.widget.attrs.get("maxlength")) == str(field.max_length), (
                    f"{cls.__name__}.{name}: the browser stops typing at the same limit"
                )
    assert unbounded == []


def test_the_readme_lists_every_model_limit():
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text()
    table = readme.split("### Panjang isian", 1)[1].split("\n## ", 1)[0]
    missing = []
    for model, field in text_fields():
        if field.choices:
            continue  # a choice, not free text
        row = f"| `{model._meta.app_label}.{model.__name__}.{field.name}` | {field.max_length} |"
        if row not in table:
            missing.append(row)
    assert missing == []
