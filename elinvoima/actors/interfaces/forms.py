"""The form that edits a municipality's whole interface table at once: one small form per
theme and side, and the version of the table the editor loaded."""

from dataclasses import dataclass

from django import forms
from django.http import QueryDict
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from elinvoima.actors.enums import InterfaceSide
from elinvoima.actors.interfaces.models import InterfaceTheme
from elinvoima.actors.interfaces.selectors import InterfaceTable
from elinvoima.actors.interfaces.services import InterfaceContactRow


class InterfaceContactForm(forms.Form):
    title = forms.CharField(
        label=_("Role"),
        max_length=200,
        required=False,
        help_text=_("Leave empty when nobody has been named."),
    )
    email = forms.EmailField(label=_("E-mail"), required=False)
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)

    def __init__(self, *args, editable: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.editable = editable
        self.fields["email"].widget.attrs["autocomplete"] = "off"
        if not editable:
            # Shown read-only rather than disabled: a disabled field would silently keep
            # its old value, while a changed read-only value reaches the service, which
            # refuses it with a message the editor can read.
            for field in self.fields.values():
                field.widget.attrs["readonly"] = True
            self.fields["title"].help_text = _("Only the wellbeing services county changes this.")

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("title") or "").strip() and (
            cleaned.get("email") or cleaned.get("phone")
        ):
            self.add_error(
                "title",
                forms.ValidationError(
                    _("Give the role as well, or leave the e-mail and phone empty."),
                    code="title_required",
                ),
            )
        return cleaned


@dataclass
class SideForm:
    side: str
    label: str | Promise
    form: InterfaceContactForm


@dataclass
class ThemeForms:
    theme: InterfaceTheme
    sides: list[SideForm]


class InterfaceTableForm:
    """All the themes of one municipality, each with a form for either side."""

    def __init__(
        self, data: QueryDict | None, *, table: InterfaceTable, editable_sides: set[str]
    ) -> None:
        self.table = table
        self.errors: list[str] = []
        # A posted form without the version it was loaded at counts as stale.
        self.version = data.get("version", "") if data is not None else table.version
        side_labels = {
            InterfaceSide.COUNTY: _("Wellbeing services county"),
            InterfaceSide.MUNICIPALITY: table.municipality.name,
        }
        self.themes = [
            ThemeForms(
                theme=row.theme,
                sides=[
                    SideForm(
                        side=side,
                        label=side_labels[side],
                        form=InterfaceContactForm(
                            data,
                            prefix=f"{row.theme.code}-{side}",
                            initial=_initial(row.contact(side)),
                            editable=side in editable_sides,
                        ),
                    )
                    for side in (InterfaceSide.COUNTY, InterfaceSide.MUNICIPALITY)
                ],
            )
            for row in table.rows
        ]

    def forms(self) -> list[InterfaceContactForm]:
        return [side.form for theme in self.themes for side in theme.sides]

    def is_valid(self) -> bool:
        return all([form.is_valid() for form in self.forms()])  # validate every form

    def rows(self) -> list[InterfaceContactRow]:
        return [
            InterfaceContactRow(
                theme=theme.theme,
                side=side.side,
                title=side.form.cleaned_data["title"],
                email=side.form.cleaned_data["email"],
                phone=side.form.cleaned_data["phone"],
            )
            for theme in self.themes
            for side in theme.sides
        ]


def _initial(contact) -> dict[str, str]:
    if contact is None:
        return {}
    return {"title": contact.title, "email": contact.email, "phone": contact.phone}
