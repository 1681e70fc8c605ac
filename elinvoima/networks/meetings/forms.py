"""Forms of a meeting: its details, an agenda item, a document, the minutes, an action
item, a forwarded decision."""

from django import forms
from django.utils.translation import gettext_lazy as _

from elinvoima.core.document_files import ALLOWED
from elinvoima.core.forms import date_field, datetime_field, text_field
from elinvoima.networks.enums import ActionItemStatus, MeetingLevel


class MeetingForm(forms.Form):
    title = text_field(_("Title"), required=True, rows=0)
    starts_at = datetime_field(_("Starts"))
    ends_at = datetime_field(_("Ends"))
    place = text_field(_("Place"), rows=0)
    level = forms.ChoiceField(label=_("Level"), choices=MeetingLevel.choices)
    guests = text_field(_("Invited guests"), rows=3)
    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["guests"].help_text = _(
            "Guests invited to this meeting who are not members, one a line."
        )


class AgendaItemForm(forms.Form):
    title = text_field(_("Title"), required=True, rows=0)
    proposal = text_field(_("Background and proposal"), rows=6)
    presenter = forms.ModelChoiceField(label=_("Presenter"), queryset=None, required=False)
    forwarded_from = forms.ModelChoiceField(
        label=_("A decision forwarded to the network"), queryset=None, required=False
    )
    corrects = forms.ModelChoiceField(
        label=_("Corrects a decision of approved minutes"), queryset=None, required=False
    )

    def __init__(self, *args, presenters, forwarded, corrected, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["presenter"].queryset = presenters
        self.fields["presenter"].label_from_instance = lambda user: user.get_full_name()
        self.fields["forwarded_from"].queryset = forwarded
        self.fields["forwarded_from"].label_from_instance = lambda forward: (
            f"{forward.item.meeting.network}: {forward.item.title}"
        )
        self.fields["corrects"].queryset = corrected
        self.fields["corrects"].label_from_instance = lambda item: (
            f"{item.meeting.title}: {item.position}. {item.title}"
        )


class DocumentForm(forms.Form):
    file = forms.FileField(
        label=_("Document"),
        help_text=_("PDF or an office document, at most 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(f".{e}" for e in ALLOWED)}),
    )


class MinutesForm(forms.Form):
    """Attendance and a decision per item; the fields are made for the meeting."""

    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, rows, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["present"] = forms.MultipleChoiceField(
            label=_("Present"),
            choices=[
                (
                    str(row.membership.pk),
                    f"{row.membership.user.get_full_name()} ({row.membership.get_role_display()})",
                )
                for row in rows
            ],
            required=False,
            widget=forms.CheckboxSelectMultiple,
            initial=[str(row.membership.pk) for row in rows if row.present],
        )
        self.items = list(items)
        for item in self.items:
            self.fields[f"decision_{item.pk}"] = forms.CharField(
                label=_("Decision on %(item)s") % {"item": f"{item.position}. {item.title}"},
                required=False,
                initial=item.decision,
                widget=forms.Textarea(attrs={"rows": 3}),
            )

    def present_ids(self) -> set[int]:
        return {int(pk) for pk in self.cleaned_data["present"]}

    def decisions(self) -> dict[int, str]:
        return {item.pk: self.cleaned_data[f"decision_{item.pk}"] for item in self.items}


class ApproveForm(forms.Form):
    earlier = forms.ModelChoiceField(label=_("Minutes to approve"), queryset=None)

    def __init__(self, *args, meetings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["earlier"].queryset = meetings


class ActionItemForm(forms.Form):
    title = text_field(_("What is done"), required=True, rows=0)
    owner = forms.ModelChoiceField(label=_("Who"), queryset=None)
    due_on = date_field(_("Due"))
    item = forms.ModelChoiceField(label=_("Agenda item"), queryset=None, required=False)

    def __init__(self, *args, owners, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners
        self.fields["owner"].label_from_instance = lambda user: user.get_full_name()
        self.fields["item"].queryset = items


class ActionStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ActionItemStatus.choices)


class ForwardForm(forms.Form):
    to_network = forms.ModelChoiceField(label=_("To the network"), queryset=None, required=False)
    to_body = text_field(_("Or to a body of the municipality"), rows=0)
    note = text_field(_("Message"), rows=3)

    def __init__(self, *args, networks, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_network"].queryset = networks
        self.fields["to_body"].help_text = _(
            "For example: the municipal board, the welfare committee."
        )
