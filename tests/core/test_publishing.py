"""A publish sets off its side effects in one stated order, and the content version is renewed once at the end."""

from core import publishing
from core.api import cache as api_cache
from practices.models import PracticePage


def test_the_apps_steps_run_in_their_stated_order():
    assert [(step.name, step.order) for step in publishing.steps()] == [("search index", 10), ("webhooks", 20)]


def test_a_publish_runs_every_step_then_renews_the_version(content, monkeypatch):
    happened = []
    recording = [
        publishing.Step(step.name, step.order, lambda page, name=step.name: happened.append(name), None)
        for step in publishing.steps()
    ]
    monkeypatch.setattr(publishing, "_steps", recording)
    monkeypatch.setattr(publishing, "bump_content_version", lambda: happened.append("content version"))

    PracticePage.objects.get(pk=content.practice.pk).save_revision().publish()

    assert happened == ["search index", "webhooks", "content version"]


def test_one_publish_renews_the_version_once_after_it_commits(content, monkeypatch, django_capture_on_commit_callbacks):
    renewals = []
    renew = api_cache._renew_after_commit
    monkeypatch.setattr(api_cache, "_renew_after_commit", lambda: renewals.append(renew()))

    with django_capture_on_commit_callbacks(execute=True):
        PracticePage.objects.get(pk=content.practice.pk).save_revision().publish()

    assert len(renewals) == 1
