"""Widget routes and the loader, outside the language prefixes: the locale is part of each widget's path."""

from django.urls import path

from embeds.views import loader, widget

urlpatterns = [
    path("embed.js", loader, name="embed-js"),
    path("embed/<str:locale>/practice/<int:pk>/", widget, {"kind": "practice"}, name="embed-practice"),
    path("embed/<str:locale>/event/<int:pk>/", widget, {"kind": "event"}, name="embed-event"),
    path("embed/<str:locale>/partner/<int:pk>/", widget, {"kind": "partner"}, name="embed-partner"),
    path("embed/<str:locale>/events/", widget, {"kind": "events"}, name="embed-events"),
    path("embed/<str:locale>/practices/", widget, {"kind": "practices"}, name="embed-practices"),
]
