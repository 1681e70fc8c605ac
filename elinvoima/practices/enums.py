from django.db import models
from django.utils.translation import gettext_lazy as _


class Phase(models.TextChoices):
    """The development phase of a practice (Innokylä's "Kehittämisen vaihe"); a trial
    ("rohkea kokeilu") is followed up on a date with its result."""

    IDEA = "idea", _("Idea")
    DEVELOPING = "developing", _("Being developed")
    TRIAL = "trial", _("Trial")
    READY = "ready", _("Ready")
    ESTABLISHED = "established", _("Established")


class PracticeKind(models.TextChoices):
    """A full practice record (Innokylä's form, seed 003) or a short example with its source
    (the cases of seed 004)."""

    RECORD = "record", _("Practice record")
    EXAMPLE = "example", _("Short example")


class PracticeState(models.TextChoices):
    """A practice is published only after an editor's review."""

    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("Waiting for review")
    PUBLISHED = "published", _("Published")


class Topic(models.TextChoices):
    """Topics (Innokylä's "Aihealueet"; seed 003 has the first five)."""

    ASSOCIATIONS = "associations", _("Associations")
    MUNICIPALITIES = "municipalities", _("Municipalities")
    COOPERATION = "cooperation", _("Cooperation")
    HEALTH_PROMOTION = "health_promotion", _("Promotion of wellbeing and health")
    REGIONS = "regions", _("Regions")
    PARTICIPATION = "participation", _("Participation")
    VILLAGES = "villages", _("Villages")
    PHYSICAL_ACTIVITY = "physical_activity", _("Physical activity")


class Audience(models.TextChoices):
    """Target groups (Innokylä's "Kohderyhmä"; seed 003 has the first three)."""

    PROFESSIONALS = "professionals", _("Professionals")
    WHOLE_POPULATION = "whole_population", _("Whole population")
    ORGANISATIONS = "organisations", _("Organisations")
    CHILDREN_YOUNG = "children_young", _("Children and young people")
    WORKING_AGE = "working_age", _("Working-age people")
    OLDER_PEOPLE = "older_people", _("Older people")
    DECISION_MAKERS = "decision_makers", _("Decision-makers")
