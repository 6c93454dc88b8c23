"""Response bodies kept in each process for cache hits: bounded in bytes, least recently used out first."""

from core.api.cache import RecentBodies


def test_recent_bodies_drop_the_least_recently_used_beyond_their_limit():
    bodies = RecentBodies(limit=10)
    bodies.keep('"a"', b"aaaa")
    bodies.keep('"b"', b"bbbb")
    assert bodies.get('"a"') == b"aaaa"

    bodies.keep('"c"', b"cccc")

    assert bodies.get('"b"') is None
    assert (bodies.get('"a"'), bodies.get('"c"')) == (b"aaaa", b"cccc")
    assert bodies.size == 8


def test_a_body_larger_than_the_limit_is_not_kept():
    bodies = RecentBodies(limit=10)
    bodies.keep('"a"', b"aaaa")

    bodies.keep('"big"', b"x" * 11)

    assert bodies.get('"big"') is None
    assert bodies.get('"a"') == b"aaaa"
