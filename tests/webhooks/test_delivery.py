"""A receiver verifies a real delivery; a replayed or re-dated request does not verify.

Every check runs against both `webhooks.delivery.verify` and the `verify` the
README gives receivers, so the documented example cannot drift from what is sent.
"""

import time
from pathlib import Path
from unittest import mock

import pytest

from tests.webhooks.conftest import run_worker
from webhooks import delivery, payloads
from webhooks.models import WebhookDelivery
from webhooks.tasks import deliver

README = Path(__file__).resolve().parents[2] / "README.md"


def readme_verify():
    """The first Python block of the README's "Publish webhooks" section, run as a receiver would paste it."""
    section = README.read_text().split("## Publish webhooks", 1)[1].split("\n## ", 1)[0]
    code = section.split("```python\n", 1)[1].split("```", 1)[0]
    namespace = {}
    exec(code, namespace)
    return namespace["verify"]


@pytest.fixture(params=["webhooks.delivery", "README"])
def verify(request):
    return delivery.verify if request.param == "webhooks.delivery" else readme_verify()


@pytest.fixture
def delivered(endpoint, receiver):
    """One request as the receiver got it from the worker: (body, signature, timestamp)."""
    record = WebhookDelivery.objects.create(endpoint=endpoint(), event="test", payload=payloads.test_payload())
    deliver.enqueue(record.pk)
    run_worker()
    (request,) = receiver.requests
    return request["body"], request["headers"]["X-A4B-Signature"], request["headers"]["X-A4B-Timestamp"]


def at(moment):
    return mock.patch("time.time", return_value=moment)


def test_a_real_delivery_verifies(verify, delivered):
    body, signature, timestamp = delivered

    assert verify("s3cret", body, signature, timestamp)


def test_a_wrong_secret_or_a_changed_body_does_not_verify(verify, delivered):
    body, signature, timestamp = delivered

    assert not verify("other", body, signature, timestamp)
    assert not verify("s3cret", body.replace(b'"test"', b'"publish"'), signature, timestamp)


def test_a_replay_after_the_tolerance_is_refused(verify, delivered):
    body, signature, timestamp = delivered
    sent_at = int(timestamp)

    with at(sent_at + 299):
        assert verify("s3cret", body, signature, timestamp)
    with at(sent_at + 301):
        assert not verify("s3cret", body, signature, timestamp)
        assert verify("s3cret", body, signature, timestamp, tolerance=600)


def test_a_fresh_timestamp_does_not_match_the_old_signature(verify, delivered):
    body, signature, timestamp = delivered

    with at(int(timestamp) + 600):
        assert not verify("s3cret", body, signature, str(int(timestamp) + 600))
    assert not verify("s3cret", body, signature, f"+{timestamp}")


def test_a_timestamp_from_the_future_is_refused(verify):
    body = b'{"event":"test"}'
    future = str(int(time.time()) + 301)

    assert not verify("s3cret", body, delivery.sign("s3cret", future, body), future)


@pytest.mark.parametrize("timestamp", ["", "soon", "1.5e9"])
def test_a_malformed_timestamp_is_refused(verify, timestamp):
    body = b'{"event":"test"}'

    assert not verify("s3cret", body, delivery.sign("s3cret", timestamp, body), timestamp)


def test_every_attempt_is_signed_with_its_own_time(endpoint, receiver):
    """A retry sent long after the event is still within the receiver's tolerance."""
    receiver.statuses.append(500)
    record = WebhookDelivery.objects.create(endpoint=endpoint(), event="test", payload=payloads.test_payload())
    deliver.enqueue(record.pk)
    run_worker()
    record.refresh_from_db()
    later = time.time() + 3600

    with at(later):
        run_worker(at=record.next_attempt_at)
        first, retry = receiver.requests
        assert int(retry["headers"]["X-A4B-Timestamp"]) == int(later)
        assert retry["headers"]["X-A4B-Signature"] != first["headers"]["X-A4B-Signature"]
        assert delivery.verify(
            "s3cret", retry["body"], retry["headers"]["X-A4B-Signature"], retry["headers"]["X-A4B-Timestamp"]
        )
