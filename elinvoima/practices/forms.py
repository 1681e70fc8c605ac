"""Forms of the practice library: the search, a practice record, and a municipality's
record of using a practice."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from elinvoima.core.forms import TextSearchField, date_field, text_field
from elinvoima.core.models import FIRST_YEAR, LAST_YEAR
from elinvoima.practices.enums import Audience, Phase, PracticeKind, Topic
from elinvoima.practices.services import FACTS, AdoptionData, PracticeData

ANY = [("", _("Any"))]


class SearchForm(forms.Form):
    q = TextSearchField(label=_("Search words"))
    phase = forms.ChoiceField(label=_("Phase"), choices=ANY + Phase.choices, required=False)
    topic = forms.ChoiceField(label=_("Topic"), choices=ANY + Topic.choices, required=False)
    audience = forms.ChoiceField(
        label=_("Target group"), choices=ANY + Audience.choices, required=False
    )


TEXT_FIELDS = [
    ("name", _("Name of the practice"), 0),
    ("summary", _("Short description"), 3),
    ("core_idea", _("Core idea"), 8),
    ("environment", _("Operating environment"), 5),
    ("target_group", _("Target group and customer understanding"), 5),
    ("conditions", _("Conditions for it to work and be adopted"), 8),
    ("evaluation", _("Evaluation results"), 5),
    ("tips", _("Tips for those who apply it"), 5),
]


class PracticeForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=PracticeKind.choices)
    phase = forms.ChoiceField(label=_("Development phase"), choices=Phase.choices)
    follow_up_on = date_field(_("Follow-up date of a trial"), required=False)
    trial_result = text_field(_("Result of the trial"), rows=3)
    implemented_by = text_field(_("Where implemented"), rows=0)
    region = text_field(_("Locality or region"), rows=0)
    funder = text_field(_("Funder"), rows=0)
    author = text_field(_("Author"), rows=0)
    recorded_on = date_field(_("First recorded"), required=False)
    revised_on = date_field(_("Last revised"), required=False)
    source = text_field(_("Source"), rows=0)
    source_url = forms.URLField(
        label=_("Address of the source"), required=False, assume_scheme="https"
    )
    topics = forms.MultipleChoiceField(
        label=_("Topics"), choices=Topic.choices, widget=forms.CheckboxSelectMultiple
    )
    audiences = forms.MultipleChoiceField(
        label=_("Target groups"), choices=Audience.choices, widget=forms.CheckboxSelectMultiple
    )
    links = text_field(_("Attachments and links"), rows=3)
    organisation = forms.ModelChoiceField(label=_("Kept by"), queryset=None, required=False)
    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label, rows in TEXT_FIELDS:
            self.fields[f"{name}_fi"] = text_field(
                _("%(field)s in Finnish") % {"field": label}, required=name == "name", rows=rows
            )
            self.fields[f"{name}_sv"] = text_field(
                _("%(field)s in Swedish") % {"field": label}, rows=rows
            )
            self.fields[f"{name}_sv"].widget.attrs["lang"] = "sv"
        self.fields["organisation"].queryset = organisations
        self.fields["links"].help_text = _("One a line: the title, a vertical bar, the address.")
        self.fields["source"].help_text = _(
            "Where the case was told, for example: J-P News 30.11.2017."
        )
        self.order_fields(
            ["kind", "name_fi", "name_sv", "summary_fi", "summary_sv"]
            + [f"{n}_{lang}" for n, _l, _r in TEXT_FIELDS[2:] for lang in ("fi", "sv")]
        )

    def clean_links(self) -> list[tuple[str, str]]:
        links = []
        for line in (self.cleaned_data.get("links") or "").splitlines():
            if not line.strip():
                continue
            title, bar, url = line.partition("|")
            url = url.strip() if bar else title.strip()
            try:
                URLValidator(schemes=["http", "https"])(url)
            except ValidationError:
                raise ValidationError(
                    _("Not an address: %(line)s") % {"line": line.strip()}
                ) from None
            links.append(((title.strip() if bar else url)[:200], url))
        return links

    def data_for_service(self) -> PracticeData:
        data = self.cleaned_data
        return PracticeData(
            texts={
                f"{name}_{language}": data[f"{name}_{language}"] or ""
                for name, _label, _rows in TEXT_FIELDS
                for language in ("fi", "sv")
            },
            facts={name: data[name] for name in FACTS},
            topics=data["topics"],
            audiences=data["audiences"],
            links=data["links"],
            organisation=data["organisation"],
        )


class AdoptionForm(forms.Form):
    since = forms.IntegerField(
        label=_("In use since"), min_value=FIRST_YEAR, max_value=LAST_YEAR, required=False
    )
    learned = text_field(_("What we learned"), rows=4)
    contact_name = text_field(_("Who to ask"), rows=0)
    contact_email = forms.EmailField(label=_("Their e-mail"), required=False)

    def data_for_service(self) -> AdoptionData:
        return AdoptionData(**self.cleaned_data)
