from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationKind(models.TextChoices):
    MUNICIPALITY = "municipality", _("Municipality")
    MUNICIPAL_DEPARTMENT = "municipal_department", _("Municipal department")
    WELLBEING_COUNTY = "wellbeing_county", _("Wellbeing services county")
    WELLBEING_COUNTY_UNIT = "wellbeing_county_unit", _("Wellbeing county unit")
    JOINT_MUNICIPAL_AUTHORITY = "joint_municipal_authority", _("Joint municipal authority")
    ASSOCIATION = "association", _("Association")
    VILLAGE_ASSOCIATION = "village_association", _("Village association")
    SPORTS_CLUB = "sports_club", _("Sports club")
    PARISH = "parish", _("Parish")
    COMPANY = "company", _("Company")
    EDUCATIONAL_INSTITUTION = "educational_institution", _("Educational institution")
    REGIONAL_SUPPORT_BODY = "regional_support_body", _("Regional support organisation")
    OTHER = "other", _("Other")


class Role(models.TextChoices):
    """What a membership lets a user do for its organisation (the roles of the product)."""

    COORDINATOR = "coordinator", _("Welfare coordinator")
    OFFICIAL = "official", _("Municipal official")
    ASSOCIATION_REPRESENTATIVE = "association_representative", _("Association representative")
    COUNTY_OFFICIAL = "county_official", _("County HYTE official")
    COUNCILLOR = "councillor", _("Councillor")
    WORKSHOP_ORGANISER = "workshop_organiser", _("Workshop organiser")
    EXERCISE_COUNSELLOR = "exercise_counsellor", _("Exercise counsellor")
    REFERRING_PROFESSIONAL = "referring_professional", _("Referring professional")
    MEMBER = "member", _("Member")


class InterfaceSide(models.TextChoices):
    """Which party names a contact person on an interface (yhdyspinta), seed 001."""

    COUNTY = "county", _("Wellbeing services county")
    MUNICIPALITY = "municipality", _("Municipality")
