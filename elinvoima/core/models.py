"""Abstract bases shared by the apps. Core has no tables of its own."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CodedEntry(models.Model):
    """A small reference list kept in a CSV file: a stable code, a translated name and a
    position that orders it (themes, target groups, interface themes...)."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=100)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        abstract = True
        ordering = ["position", "code"]

    def __str__(self) -> str:
        return self.name
