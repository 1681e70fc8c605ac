"""The Toimeksi.fi promise: a municipality shows on its own website the organisations that
keep their own profiles here, as an iframe or from a JSON feed. Both are public, cached
for a few minutes, and answer a conditional request (If-None-Match) with 304 Not Modified."""

from csp.decorators import csp_replace
from django.db.models import Count, Max, Prefetch, QuerySet
from django.http import Http404, HttpRequest, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import condition, require_GET

from elinvoima.actors.directory.forms import DirectoryFilterForm
from elinvoima.actors.embed.selectors import embedded_organisations
from elinvoima.actors.models import MeetingPlace, Municipality, Organisation, TargetGroup, Theme

CACHE_SECONDS = 300
EMBED_LIMIT = 500


def _embedded_organisations(request: HttpRequest, code: str) -> QuerySet[Organisation]:
    municipality = get_object_or_404(Municipality, code=code)
    form = DirectoryFilterForm(request.GET or None)
    return embedded_organisations(municipality=municipality, filters=form.filters())


def _etag(request: HttpRequest, code: str, **kwargs) -> str:
    """Changes when any shown organisation changes, or one is added or removed."""
    state = _embedded_organisations(request, code).aggregate(
        count=Count("pk"), latest=Max("updated_at")
    )
    latest = state["latest"].timestamp() if state["latest"] else 0
    return f"{code}-{request.LANGUAGE_CODE}-{state['count']}-{latest:.6f}"


def _cached(response):
    patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
    return response


@require_GET
@condition(etag_func=_etag)
@xframe_options_exempt
@csp_replace({"frame-ancestors": ["*"]})
def embed_listing(request: HttpRequest, code: str):
    """The page inside the municipality's iframe: no site frame, links open in a new tab."""
    organisations = (
        _embedded_organisations(request, code)
        .prefetch_related(
            Prefetch("themes", queryset=Theme.objects.order_by("position")),
            Prefetch("target_groups", queryset=TargetGroup.objects.order_by("position")),
        )
        .order_by("name", "pk")[:EMBED_LIMIT]
    )
    municipality = get_object_or_404(Municipality, code=code)
    return _cached(
        render(
            request,
            "actors/embed/listing.html",
            {"municipality": municipality, "organisations": organisations},
        )
    )


@require_GET
@condition(etag_func=_etag)
def embed_feed(request: HttpRequest, code: str):
    """The same organisations as JSON, in Finnish and Swedish, for a site's own layout."""
    if not Municipality.objects.filter(code=code).exists():
        raise Http404
    organisations = (
        _embedded_organisations(request, code)
        .select_related("municipality")
        .prefetch_related(
            Prefetch("themes", queryset=Theme.objects.order_by("position")),
            Prefetch("target_groups", queryset=TargetGroup.objects.order_by("position")),
            Prefetch(
                "meeting_places", queryset=MeetingPlace.objects.select_related("municipality")
            ),
        )
        .order_by("name_fi", "pk")[:EMBED_LIMIT]
    )
    municipality = Municipality.objects.get(code=code)
    payload = {
        "municipality": {
            "code": municipality.code,
            "name_fi": municipality.name_fi,
            "name_sv": municipality.name_sv,
        },
        "organisations": [_feed_item(request, organisation) for organisation in organisations],
    }
    response = JsonResponse(payload, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"  # public data, read by other sites' scripts
    return _cached(response)


def _feed_item(request: HttpRequest, organisation: Organisation) -> dict:
    return {
        "id": organisation.pk,
        "name_fi": organisation.name_fi,
        "name_sv": organisation.name_sv or "",
        "kind": organisation.kind,
        "themes": [theme.code for theme in organisation.themes.all()],
        "target_groups": [group.code for group in organisation.target_groups.all()],
        "description_fi": organisation.description_fi or "",
        "description_sv": organisation.description_sv or "",
        "regular_activities_fi": organisation.regular_activities_fi or "",
        "regular_activities_sv": organisation.regular_activities_sv or "",
        "website": organisation.website,
        "email": organisation.email,
        "phone": organisation.phone,
        "meeting_places": [
            {
                "name": place.name,
                "street_address": place.street_address,
                "postal_code": place.postal_code,
                "municipality": place.municipality.code,
            }
            for place in organisation.meeting_places.all()
        ],
        "profile_url": request.build_absolute_uri(organisation.get_absolute_url()),
        "updated_at": organisation.updated_at.isoformat(),
    }


def embed_instructions(request: HttpRequest, code: str):
    """How a municipality puts its listing on its own site: the snippet and the feed."""
    municipality = get_object_or_404(Municipality, code=code)
    form = DirectoryFilterForm(request.GET or None)
    query = "&".join(
        f"{key}={value.code}"
        for key, value in form.filters().items()
        if key in ("theme", "target_group")
    )
    listing_url = request.build_absolute_uri(
        reverse("actors:embed-listing", kwargs={"code": municipality.code})
    ) + (f"?{query}" if query else "")
    feed_url = request.build_absolute_uri(
        reverse("embed-feed", kwargs={"code": municipality.code})
    ) + (f"?{query}" if query else "")
    title = _("Organisations of %(name)s") % {"name": municipality.name}
    snippet = (
        f'<iframe src="{listing_url}" title="{title}" width="100%" height="640" '
        f'style="border:0" loading="lazy"></iframe>'
    )
    return render(
        request,
        "actors/embed/instructions.html",
        {
            "municipality": municipality,
            "filter_form": form,
            "snippet": snippet,
            "listing_url": listing_url,
            "feed_url": feed_url,
        },
    )
