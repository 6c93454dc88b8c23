"""Feed URLs, kept stable for subscribers: /feeds/{locale}/... (listed in the README)."""

from django.urls import path

from feeds.calendar import event_calendar, events_calendar
from feeds.syndication import events_atom, events_rss, practices_atom, practices_rss

urlpatterns = [
    path("<str:locale>/practices.rss", practices_rss, name="feed-practices-rss"),
    path("<str:locale>/practices.atom", practices_atom, name="feed-practices-atom"),
    path("<str:locale>/events.rss", events_rss, name="feed-events-rss"),
    path("<str:locale>/events.atom", events_atom, name="feed-events-atom"),
    path("<str:locale>/events.ics", events_calendar, name="feed-events-ics"),
    path("<str:locale>/events/<int:pk>.ics", event_calendar, name="feed-event-ics"),
]
