from django.db import models
from django.utils.translation import gettext_lazy as _


class RegionCategory(models.TextChoices):
    """Sotkanet's region categories (`GET /regions`); the ones the product maps are first."""

    MUNICIPALITY = "KUNTA", _("Municipality")
    WELLBEING_COUNTY = "HYVINVOINTIALUE", _("Wellbeing services county")
    COUNTRY = "MAA", _("Whole country")
    REGION = "MAAKUNTA", _("Region")
    SUB_REGION = "SEUTUKUNTA", _("Sub-region")
    HOSPITAL_DISTRICT = "SAIRAANHOITOPIIRI", _("Hospital district")
    SPECIAL_RESPONSIBILITY_AREA = "ERVA", _("Special responsibility area")
    OTHER = "OTHER", _("Other")


class Gender(models.TextChoices):
    """Sotkanet's `gender` (`sex` classification)."""

    TOTAL = "total", _("Total")
    MALE = "male", _("Men")
    FEMALE = "female", _("Women")


class IndicatorSource(models.TextChoices):
    SOTKANET = "sotkanet", _("THL Sotkanet")
    OWN = "own", _("Own indicator")


class ExperientialDomain(models.TextChoices):
    """The six domains of experienced wellbeing on Vaala's community card (seed 000)."""

    HOUSING_ENVIRONMENT = "housing_environment", _("Housing and living environment")
    RELATIONSHIPS = "relationships", _("Relationships, participation and life changes")
    LEISURE = "leisure", _("Leisure")
    STUDY_WORK = "study_work", _("Study and work")
    LIVELIHOOD = "livelihood", _("Financial livelihood")
    MIND_BODY = "mind_body", _("Mental wellbeing, physical health and self-compassion")


class IndicatorSetKind(models.TextChoices):
    OWN = "own", _("Municipality's own list")
    THL_MINIMUM = "thl_minimum", _("THL minimum list")
    HYTE_COEFFICIENT = "hyte_coefficient", _("HYTE coefficient measures")
    OTHER = "other", _("Other")


class FundingLevel(models.TextChoices):
    """Who receives the HYTE coefficient's state funding."""

    WELLBEING_COUNTY = "wellbeing_county", _("Wellbeing services county")
    MUNICIPALITY = "municipality", _("Municipality")


class ImportStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting to start")
    RUNNING = "running", _("Importing")
    SUCCEEDED = "succeeded", _("Imported")
    FAILED = "failed", _("Refused")
