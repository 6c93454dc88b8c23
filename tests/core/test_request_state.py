"""What the API middleware learnt about a request reaches the throttle and the views through `request_state()`."""

from rest_framework.request import Request

from core.api import cached_views, views
from core.api.request_state import RequestState, request_state
from practices.views import PracticeViewSet


def counting(monkeypatch, module):
    """Record each URL `module` looks up in the response cache itself."""
    asked = []
    real = module.lookup

    def lookup(url):
        asked.append(url)
        return real(url)

    monkeypatch.setattr(module, "lookup", lookup)
    return asked


def test_djangos_request_and_drfs_wrapper_share_one_state(rf):
    request = rf.get("/api/v2/practices/")

    state = request_state(request)

    assert isinstance(state, RequestState)
    assert request_state(Request(request)) is state
    assert request_state(rf.get("/api/v2/practices/")) is not state


def test_a_view_renders_under_the_content_version_the_middleware_read(client, content, monkeypatch):
    asked = counting(monkeypatch, views)

    assert client.get("/api/v2/practices/").status_code == 200
    assert asked == []


def test_a_widget_renders_under_the_content_version_the_middleware_read(client, content, monkeypatch):
    asked = counting(monkeypatch, cached_views)

    assert client.get("/embed/pl/practices/").status_code == 200
    assert asked == []


def test_without_the_middleware_the_view_looks_the_url_up_itself(rf, content, monkeypatch):
    asked = counting(monkeypatch, views)

    response = PracticeViewSet.as_view({"get": "list"})(rf.get("/api/v2/practices/"))

    assert response.status_code == 200
    assert asked == ["http://testserver/api/v2/practices/"]


def test_the_throttle_takes_the_count_the_middleware_made(rf, content):
    request = rf.get("/api/v2/practices/")
    request_state(request).throttle = (False, 42)

    response = PracticeViewSet.as_view({"get": "list"})(request)

    assert response.status_code == 429
    assert response["Retry-After"] == "42"
