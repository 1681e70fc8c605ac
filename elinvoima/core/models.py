"""Abstract bases shared by the apps. Core has no tables of its own."""

from django.conf import settings
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


class Timestamped(models.Model):
    """When the row was created and last saved."""

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class Tracked(Timestamped):
    """When the row was created and last saved, and by whom: the service layer sets
    `created_by` and `updated_by` (a deleted user leaves them empty)."""

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
        editable=False,
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("updated by"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
        editable=False,
    )

    class Meta:
        abstract = True
