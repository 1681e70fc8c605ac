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


class AssessmentKind(models.TextChoices):
    """An ex-ante impact assessment of a decision (EVA, seeds 000 and 001), or its child
    impact assessment variant (lapsivaikutusten arviointi: the best interest of the child
    first, as in the child-friendly municipality model)."""

    EVA = "eva", _("Ex-ante impact assessment")
    CHILD = "child", _("Child impact assessment")


class AssessmentState(models.TextChoices):
    DRAFT = "draft", _("Being prepared")
    PUBLISHED = "published", _("Published")


class AffectedGroup(models.TextChoices):
    """The groups whose lives a decision may change."""

    CHILDREN = "children", _("Children")
    YOUNG_PEOPLE = "young_people", _("Young people")
    WORKING_AGE = "working_age", _("Working-age people")
    OLDER_PEOPLE = "older_people", _("Older people")
    DISABLED = "disabled", _("People with disabilities")
    VILLAGES = "villages", _("Villages")
    ASSOCIATIONS = "associations", _("Associations")


class Effect(models.TextChoices):
    """Which way a decision is expected to move something."""

    POSITIVE = "positive", _("Positive")
    NEGATIVE = "negative", _("Negative")
    BOTH = "both", _("Both positive and negative")
    NONE = "none", _("No significant effect")


class QuestionKind(models.TextChoices):
    TEXT = "text", _("Open answer")
    CHOICE = "choice", _("One of the choices")


class RoadmapStepCode(models.TextChoices):
    """The five steps of seed 004's "TO DO" for partnership and participation (Ritva
    Pihlaja, Hyviä osallisuuskäytäntöjä Suomessa, 2017)."""

    IDENTIFY = "identify", _("Identify the area's actors and good practices")
    GATHER = "gather", _("Gather the actors to plan where and how to work together")
    NEW_WAYS = "new_ways", _("Think together which new ways of working and structures are needed")
    EMBED = "embed", _("Embed participation in the everyday work of the organisations")
    RESOURCE = "resource", _("Take it seriously: assign people and resources, and act")
