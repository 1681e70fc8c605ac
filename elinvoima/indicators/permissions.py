"""Named predicates of the indicators capability. Sotkanet's values and metadata are public
(CC BY 4.0), so reading needs no predicate; writing does."""

import rules
from django.db.models import QuerySet

from elinvoima.actors.enums import Role
from elinvoima.actors.permissions import (
    _county_ids,
    _municipality_ids,
    is_platform_admin,
    manages_municipality,
    works_for_county,
    works_in_county_of,
    works_in_municipality,
)
from elinvoima.indicators.models import ImportJob


@rules.predicate
def coordinates_somewhere(user) -> bool:
    return bool(_municipality_ids(user, Role.COORDINATOR))


@rules.predicate
def works_for_some_county(user) -> bool:
    return bool(_county_ids(user, Role.COUNTY_OFFICIAL))


# Sotkanet files hold every region of the country, so importing one changes what every
# municipality sees: the platform admin, welfare coordinators and county HYTE officials.
can_import_sotkanet = is_platform_admin | coordinates_somewhere | works_for_some_county

# A municipality's own indicators, experiential data and indicator sets: its coordinators.
can_manage_municipality_indicators = is_platform_admin | manages_municipality

# Experiential data is the municipality's working material: those who work in it or in
# its county read it.
can_view_experiential_data = is_platform_admin | works_in_municipality | works_in_county_of

# HYTE coefficient scores and funding rules: recorded by the platform admin and the county's
# HYTE officials (the object is the county).
can_record_hyte_scores = is_platform_admin | works_for_county


# An import job (its file name, who started it, the reasons a file was refused) is seen by
# the importer who started it and by the platform admin, who administers the imports (and
# sees the jobs of `manage.py import_sotkanet`, which have no importer). Another importer's
# job answers 404, as one that does not exist.
@rules.predicate
def started_import_job(user, job) -> bool:
    return job is not None and user.is_authenticated and job.created_by_id == user.pk


can_view_import_job = is_platform_admin | (can_import_sotkanet & started_import_job)


def import_jobs_visible_to(user) -> QuerySet[ImportJob]:
    """The twin of `can_view_import_job` (`indicators.view_import_job`)."""
    if is_platform_admin(user):
        return ImportJob.objects.all()
    if not user.is_authenticated or not can_import_sotkanet.test(user):
        return ImportJob.objects.none()
    return ImportJob.objects.filter(created_by=user)


rules.add_perm("indicators.import_sotkanet", can_import_sotkanet)
rules.add_perm("indicators.view_import_job", can_view_import_job)
rules.add_perm("indicators.manage_municipality_indicators", can_manage_municipality_indicators)
rules.add_perm("indicators.view_experiential_data", can_view_experiential_data)
rules.add_perm("indicators.record_hyte_scores", can_record_hyte_scores)


# A funding rule is national (one per year and level, published by the ministry): the
# platform admin and any county's HYTE officials record it, as they record the scores.
can_record_hyte_funding_rules = is_platform_admin | works_for_some_county


# An indicator set is changed by whoever owns it: a municipality's coordinators its own
# sets, a county's HYTE officials the county's, the platform admin the shared presets.
@rules.predicate
def owns_indicator_set(user, indicator_set) -> bool:
    if indicator_set is None:
        return False
    if indicator_set.municipality_id is not None:
        return indicator_set.municipality_id in _municipality_ids(user, Role.COORDINATOR)
    if indicator_set.wellbeing_county_id is not None:
        return indicator_set.wellbeing_county_id in _county_ids(user, Role.COUNTY_OFFICIAL)
    return False


can_change_indicator_set = is_platform_admin | owns_indicator_set

rules.add_perm("indicators.record_hyte_funding_rules", can_record_hyte_funding_rules)
rules.add_perm("indicators.change_indicator_set", can_change_indicator_set)
