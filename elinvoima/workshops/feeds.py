"""The workshops' news as RSS and Atom feeds (django.contrib.syndication) that a local
platform such as Toimeksi.fi can take: the news of published workshops, newest first."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from .models import NewsItem


class WorkshopNewsFeed(Feed):
    title = _("Regional workshops: news")
    description = _("News of the regional workshops, before and after them.")

    def link(self):
        return reverse("workshops:series-list")

    def items(self):
        return (
            NewsItem.objects.filter(
                workshop__is_published=True, workshop__series__is_published=True
            )
            .select_related("workshop")
            .order_by("-published_at", "-id")[:50]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.body

    def item_pubdate(self, item):
        return item.published_at


class WorkshopNewsAtomFeed(WorkshopNewsFeed):
    feed_type = Atom1Feed
    subtitle = WorkshopNewsFeed.description
