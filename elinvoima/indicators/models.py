"""Indicators: THL Sotkanet's indicator bank as the product keeps it (THL's REST API 1.1),
the municipality's own indicators, experiential data, indicator sets and the HYTE
coefficient with the state funding it brings (seed 001).

Sotkanet data is CC BY 4.0: wherever values or metadata are shown, credit "THL, Sotkanet".
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from elinvoima.actors.models import Municipality, Village, WellbeingCounty
from elinvoima.core.models import (
    MAX_COUNT,
    CountField,
    Timestamped,
    YearField,
    in_range,
    years_in_range,
)
from elinvoima.indicators.enums import (
    ExperientialDomain,
    FundingLevel,
    Gender,
    ImportStatus,
    IndicatorSetKind,
    IndicatorSource,
)


class Region(models.Model):
    """A region of Sotkanet (`GET /regions`). The primary key is Sotkanet's own region id,
    so imported values need no mapping; municipalities and counties are linked by their
    official code."""

    id = models.PositiveIntegerField(_("Sotkanet region id"), primary_key=True)
    code = models.CharField(_("official code"), max_length=20, blank=True)
    category = models.CharField(_("category"), max_length=32)
    title = models.CharField(_("name"), max_length=200)
    municipality = models.OneToOneField(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.SET_NULL,
        related_name="sotkanet_region",
        null=True,
        blank=True,
    )
    wellbeing_county = models.OneToOneField(
        WellbeingCounty,
        verbose_name=_("wellbeing services county"),
        on_delete=models.SET_NULL,
        related_name="sotkanet_region",
        null=True,
        blank=True,
    )

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["category", "title"]
        indexes = [models.Index(fields=["category", "code"], name="region_category_code")]

    def __str__(self) -> str:
        return self.title


class Indicator(Timestamped):
    """An indicator in Sotkanet's metadata model (`GET /indicators/{id}`), or one of a
    municipality's own (a local survey, a register of its own)."""

    source = models.CharField(
        _("source"), max_length=16, choices=IndicatorSource.choices, default=IndicatorSource.OWN
    )
    sotkanet_id = models.PositiveIntegerField(_("Sotkanet id"), null=True, blank=True, unique=True)
    owner_municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("owner municipality"),
        on_delete=models.PROTECT,
        related_name="own_indicators",
        null=True,
        blank=True,
        help_text=_("For a municipality's own indicator."),
    )
    title = models.CharField(_("title"), max_length=500)
    description = models.TextField(_("description"), blank=True)
    interpretation = models.TextField(_("interpretation"), blank=True)
    limits = models.TextField(_("limitations"), blank=True)
    notices = models.TextField(_("notices"), blank=True)
    value_type_code = models.CharField(_("value type code"), max_length=40, blank=True)
    value_type = models.CharField(
        _("value type"), max_length=200, blank=True, help_text=_("For example: per cent.")
    )
    decimals = models.PositiveSmallIntegerField(_("decimals"), default=1)
    organization = models.CharField(_("producer"), max_length=200, blank=True)
    sources = models.JSONField(_("data sources"), default=list, blank=True)
    subjects = models.JSONField(_("subjects"), default=list, blank=True)
    genders = models.JSONField(
        _("genders"), default=list, blank=True, help_text=_("Values of the sex classification.")
    )
    range_start = YearField(_("first year"), null=True, blank=True)
    range_end = YearField(_("last year"), null=True, blank=True)
    data_updated = models.DateField(_("data updated"), null=True, blank=True)
    metadata = models.JSONField(
        _("Sotkanet metadata"), default=dict, blank=True, help_text=_("As Sotkanet gave it.")
    )

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["title"]
        constraints = [
            *years_in_range("range_start", "range_end"),
            models.CheckConstraint(
                condition=(
                    models.Q(source=IndicatorSource.SOTKANET, sotkanet_id__isnull=False)
                    | models.Q(source=IndicatorSource.OWN, sotkanet_id__isnull=True)
                ),
                name="indicator_sotkanet_id_iff_sotkanet",
            ),
        ]

    def __str__(self) -> str:
        if self.sotkanet_id is not None:
            return f"{self.title} ({self.sotkanet_id})"
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("indicators:indicator-detail", kwargs={"pk": self.pk})


class IndicatorValue(models.Model):
    """One figure: an indicator's value for a region, a year and a gender. Imports upsert
    on (indicator, region, year, gender), so importing the same file twice changes nothing.

    Millions of rows are written at a time, so the two keys are not database foreign keys:
    their per-row checks were 40 % of an import. The import checks its keys once under a
    lock (sotkanet.writers), the other writers go through the ORM with existing objects, and
    Django's on_delete (CASCADE, PROTECT) still governs deletes. The unique constraint's
    index, which begins with the indicator, serves the lookups by indicator."""

    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("indicator"),
        on_delete=models.CASCADE,
        related_name="values",
        db_constraint=False,
        db_index=False,
    )
    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        related_name="values",
        db_constraint=False,
    )
    year = YearField(_("year"))
    gender = models.CharField(_("gender"), max_length=6, choices=Gender.choices)
    value = models.FloatField(_("value"))
    abs_value = models.FloatField(_("absolute value"), null=True, blank=True)

    class Meta:
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        constraints = [
            *years_in_range("year"),
            models.UniqueConstraint(
                fields=["indicator", "region", "year", "gender"],
                name="indicator_value_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id}/{self.region_id}/{self.year}/{self.gender}: {self.value}"


class ChartImage(models.Model):
    """A chart drawn once and kept (elinvoima.indicators.charts.drawing): the trend of one indicator
    for some regions and a gender, in one language (its legend and axis are drawn in).
    `fingerprint` is a digest of everything the drawing was made from; a page recomputes it
    from the rows it reads anyway and draws again only when it no longer matches."""

    key = models.CharField(
        _("key"), max_length=64, unique=True, help_text=_("Indicator, regions, gender, language.")
    )
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="+"
    )
    regions = models.CharField(
        _("regions"), max_length=200, help_text=_("Sotkanet region ids, in the chart's order.")
    )
    gender = models.CharField(_("gender"), max_length=6, choices=Gender.choices)
    language = models.CharField(_("language"), max_length=8)
    fingerprint = models.CharField(_("data fingerprint"), max_length=64)
    svg = models.TextField(_("SVG"))
    drawn_at = models.DateTimeField(_("drawn"), auto_now=True)

    class Meta:
        verbose_name = _("chart image")
        verbose_name_plural = _("chart images")

    def __str__(self) -> str:
        return f"{self.indicator_id} [{self.regions}] {self.gender} {self.language}"


class ImportJob(models.Model):
    """One uploaded or fetched Sotkanet file and what became of it. A background task
    imports it all or nothing and keeps `done`/`total` up to date for the progress bar."""

    class Kind(models.TextChoices):
        VALUES_JSON = "values_json", _("Values (Sotkanet JSON)")
        VALUES_CSV = "values_csv", _("Values (Sotkanet CSV)")
        INDICATOR_METADATA = "indicator_metadata", _("Indicator metadata")
        INDICATOR_LIST = "indicator_list", _("Indicator list")
        REGIONS = "regions", _("Regions")

    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    file = models.FileField(_("file"), upload_to="imports/%Y/", blank=True)
    original_name = models.CharField(_("file name"), max_length=255, blank=True)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0)
    status = models.CharField(
        _("status"), max_length=16, choices=ImportStatus.choices, default=ImportStatus.QUEUED
    )
    done = models.PositiveIntegerField(_("rows done"), default=0)
    total = models.PositiveIntegerField(_("rows in all"), default=0)
    added = models.PositiveIntegerField(_("added"), default=0)
    changed = models.PositiveIntegerField(_("changed"), default=0)
    unchanged = models.PositiveIntegerField(_("unchanged"), default=0)
    rejected = models.PositiveIntegerField(_("rejected"), default=0)
    messages = models.JSONField(
        _("messages"), default=list, blank=True, help_text=_("What was refused, and where.")
    )
    task_id = models.CharField(_("task id"), max_length=64, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("imported by"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.original_name}"


class ExperientialSurvey(Timestamped):
    """Experiential data (koettu hyvinvointitieto): a survey, a village evening or a
    resident panel whose results a municipality records, imported from CSV or by hand."""

    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="experiential_surveys",
    )
    title = models.CharField(_("title"), max_length=300)
    year = YearField(_("year"))
    method = models.CharField(
        _("method"), max_length=300, blank=True, help_text=_("For example: village evening.")
    )
    description = models.TextField(_("description"), blank=True)
    respondents = CountField(_("respondents"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )

    class Meta:
        verbose_name = _("experiential survey")
        verbose_name_plural = _("experiential surveys")
        ordering = ["-year", "title"]
        constraints = [*years_in_range("year"), in_range("respondents", 0, MAX_COUNT)]

    def __str__(self) -> str:
        return f"{self.title} ({self.year})"

    def get_absolute_url(self) -> str:
        return reverse("indicators:experiential-survey-detail", kwargs={"pk": self.pk})


class ExperientialResult(models.Model):
    """One finding of an experiential survey, for the whole municipality, a village or a
    group, tagged with one of the six domains of the community card."""

    survey = models.ForeignKey(
        ExperientialSurvey,
        verbose_name=_("survey"),
        on_delete=models.CASCADE,
        related_name="results",
    )
    domain = models.CharField(_("domain"), max_length=32, choices=ExperientialDomain.choices)
    village = models.ForeignKey(
        Village,
        verbose_name=_("village"),
        on_delete=models.PROTECT,
        related_name="experiential_results",
        null=True,
        blank=True,
    )
    group = models.CharField(
        _("group"), max_length=200, blank=True, help_text=_("For example: young people.")
    )
    question = models.CharField(_("question or statement"), max_length=500)
    value = models.FloatField(_("value"), null=True, blank=True)
    unit = models.CharField(_("unit"), max_length=40, blank=True, help_text=_("For example: %."))
    respondents = CountField(_("respondents"), null=True, blank=True)
    summary = models.TextField(_("summary"), blank=True)

    class Meta:
        verbose_name = _("experiential result")
        verbose_name_plural = _("experiential results")
        ordering = ["domain", "id"]
        constraints = [in_range("respondents", 0, MAX_COUNT)]

    def __str__(self) -> str:
        return self.question


class IndicatorSet(Timestamped):
    """A list of indicators to follow: the municipality's own list, THL's minimum list, the
    HYTE coefficient's measures. Presets (without an owner) are copied and edited."""

    name = models.CharField(_("name"), max_length=300)
    kind = models.CharField(_("kind"), max_length=32, choices=IndicatorSetKind.choices)
    description = models.TextField(_("description"), blank=True)
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.CASCADE,
        related_name="indicator_sets",
        null=True,
        blank=True,
    )
    wellbeing_county = models.ForeignKey(
        WellbeingCounty,
        verbose_name=_("wellbeing services county"),
        on_delete=models.CASCADE,
        related_name="indicator_sets",
        null=True,
        blank=True,
    )
    is_preset = models.BooleanField(
        _("preset"), default=False, help_text=_("A shared list that others copy.")
    )
    year = YearField(_("year"), null=True, blank=True, help_text=_("For lists that change yearly."))
    indicators = models.ManyToManyField(
        Indicator,
        verbose_name=_("indicators"),
        through="IndicatorSetItem",
        related_name="indicator_sets",
    )

    class Meta:
        verbose_name = _("indicator set")
        verbose_name_plural = _("indicator sets")
        ordering = ["name"]
        constraints = [
            *years_in_range("year"),
            models.CheckConstraint(
                condition=~models.Q(municipality__isnull=False, wellbeing_county__isnull=False),
                name="indicator_set_one_owner",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("indicators:indicator-set-detail", kwargs={"pk": self.pk})


class IndicatorSetItem(models.Model):
    indicator_set = models.ForeignKey(
        IndicatorSet,
        verbose_name=_("indicator set"),
        on_delete=models.CASCADE,
        related_name="items",
    )
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="+"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    weight = models.DecimalField(
        _("weight"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("The measure's weight in the HYTE coefficient, if any."),
    )

    class Meta:
        verbose_name = _("indicator in a set")
        verbose_name_plural = _("indicators in a set")
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator_set", "indicator"], name="indicator_set_item_unique"
            )
        ]

    def __str__(self) -> str:
        return str(self.indicator)


class HyteCoefficientScore(models.Model):
    """A published HYTE coefficient score (0–100) of a county or a municipality for a
    funding year, with the population the funding is computed from."""

    year = YearField(_("funding year"))
    level = models.CharField(_("level"), max_length=32, choices=FundingLevel.choices)
    wellbeing_county = models.ForeignKey(
        WellbeingCounty,
        verbose_name=_("wellbeing services county"),
        on_delete=models.CASCADE,
        related_name="hyte_scores",
        null=True,
        blank=True,
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.CASCADE,
        related_name="hyte_scores",
        null=True,
        blank=True,
    )
    score = models.DecimalField(_("score"), max_digits=5, decimal_places=2, null=True, blank=True)
    population = CountField(
        _("population"),
        null=True,
        blank=True,
        help_text=_("The population the funding is computed from."),
    )
    population_year = YearField(
        _("population year"),
        null=True,
        blank=True,
        help_text=_("The year (or the end of the year) the population figure is from."),
    )
    source = models.CharField(
        _("source"),
        max_length=500,
        blank=True,
        help_text=_("Where the score and the population were published."),
    )

    class Meta:
        verbose_name = _("HYTE coefficient score")
        verbose_name_plural = _("HYTE coefficient scores")
        ordering = ["-year", "level"]
        constraints = [
            *years_in_range("year", "population_year"),
            in_range("population", 0, MAX_COUNT),
            models.CheckConstraint(
                condition=(
                    models.Q(
                        level=FundingLevel.WELLBEING_COUNTY,
                        wellbeing_county__isnull=False,
                        municipality__isnull=True,
                    )
                    | models.Q(
                        level=FundingLevel.MUNICIPALITY,
                        wellbeing_county__isnull=True,
                        municipality__isnull=False,
                    )
                ),
                name="hyte_score_one_recipient",
            ),
            models.CheckConstraint(
                condition=models.Q(score__isnull=True) | models.Q(score__gte=0, score__lte=100),
                name="hyte_score_range",
            ),
            models.UniqueConstraint(
                fields=["year", "wellbeing_county"],
                condition=models.Q(wellbeing_county__isnull=False),
                name="hyte_score_unique_county",
            ),
            models.UniqueConstraint(
                fields=["year", "municipality"],
                condition=models.Q(municipality__isnull=False),
                name="hyte_score_unique_municipality",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.wellbeing_county or self.municipality} {self.year}: {self.score}"


class HyteFundingRule(models.Model):
    """The funding rule of a year and level: euros per resident (2024, counties: 42.00 €)."""

    year = YearField(_("funding year"))
    level = models.CharField(_("level"), max_length=32, choices=FundingLevel.choices)
    euros_per_resident = models.DecimalField(
        _("euros per resident"), max_digits=8, decimal_places=2
    )
    source = models.CharField(
        _("source"), max_length=500, blank=True, help_text=_("Where the rule was published.")
    )

    class Meta:
        verbose_name = _("HYTE funding rule")
        verbose_name_plural = _("HYTE funding rules")
        ordering = ["-year", "level"]
        constraints = [
            *years_in_range("year"),
            models.UniqueConstraint(fields=["year", "level"], name="hyte_funding_rule_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.get_level_display()}: {self.euros_per_resident} €"
