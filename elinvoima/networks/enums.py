from django.db import models
from django.utils.translation import gettext_lazy as _


class NetworkKind(models.TextChoices):
    VITALITY_GROUP = "vitality_group", _("Vitality group")
    AGE_GROUP_NETWORK = "age_group_network", _("Age-group network")
    STEERING_GROUP = "steering_group", _("Welfare steering group")
    HYTE_NETWORK = "hyte_network", _("HYTE network")
    PREVENTIVE_WORK_NETWORK = "preventive_work_network", _("Preventive work network")
    COORDINATORS_NETWORK = "coordinators_network", _("Network of welfare coordinators")
    ADVISORY_BOARD = "advisory_board", _("Advisory board")
    OTHER = "other", _("Other network")


class NetworkRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    SECRETARY = "secretary", _("Secretary")
    MEMBER = "member", _("Member")
