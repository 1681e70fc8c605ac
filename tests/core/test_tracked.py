"""core.models: the abstract Timestamped and Tracked bases."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models

from elinvoima.core.models import Timestamped, Tracked
from elinvoima.indicators.models import ExperientialSurvey, Indicator, IndicatorSet


def test_tracked__created_and_updated_at_and_by():
    fields = {field.name: field for field in Tracked._meta.fields}
    assert Tracked._meta.abstract
    assert fields["created_at"].auto_now_add and fields["updated_at"].auto_now
    for name in ("created_by", "updated_by"):
        field = fields[name]
        assert isinstance(field, models.ForeignKey)
        assert field.null and field.remote_field.on_delete is models.SET_NULL
        assert field.remote_field.related_name == "+"
        assert field.remote_field.model in (settings.AUTH_USER_MODEL, get_user_model())


def test_timestamped__adopted_by_the_indicator_models():
    for model in (Indicator, IndicatorSet, ExperientialSurvey):
        assert issubclass(model, Timestamped)
        assert model._meta.get_field("created_at").auto_now_add
        assert model._meta.get_field("updated_at").auto_now
