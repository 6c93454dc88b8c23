"""Two people take the last place at the same moment: one gets it, the other the waiting list (real PostgreSQL)."""

import contextlib
import threading

import pytest
from django.db import connection, connections
from django.test import Client

from registrations import services
from registrations.models import Registration, Status
from tests.registrations.conftest import post

# A transactional test empties every table at its end: `migrated_data_back` puts the locales and site back.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("migrated_data_back")]


def test_two_concurrent_registrations_for_the_last_place_get_one_place_and_one_waiting(event, form, monkeypatch):
    assert connection.vendor == "postgresql"
    # One of the two places is taken: the event's lock row exists (its first creation serialises on its own).
    assert post(Client(), form(email="first@example.pl")).status_code == 201
    # Both threads count the free places before either writes, unless the event's row lock serialises them.
    barrier = threading.Barrier(2, timeout=10)
    count = services.places_taken

    def places_taken_together(event_key):
        taken = count(event_key)
        with contextlib.suppress(threading.BrokenBarrierError):  # the lock held the other back, as it should
            barrier.wait(timeout=5)
        return taken

    monkeypatch.setattr(services, "places_taken", places_taken_together)
    answers = []

    def take_a_place(email):
        try:
            answers.append(post(Client(), form(email=email)).status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=take_a_place, args=(f"{n}@example.pl",)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert answers == [201, 201]
    assert sorted(Registration.objects.values_list("status", flat=True)) == [
        Status.CONFIRMED,
        Status.CONFIRMED,
        Status.WAITING,
    ]
