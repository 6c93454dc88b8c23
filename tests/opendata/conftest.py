"""Tests here only read the bilingual content: it is built once per module."""

from tests.read_only_content import content, site_tree  # noqa: F401 (fixtures)
