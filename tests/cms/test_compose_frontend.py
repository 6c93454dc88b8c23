"""docker-compose.yml's `frontend` service: the portal's Node image, reading the API from the app service.

No Docker daemon here, so the file is read as compose reads it (YAML, `${VAR:-default}`)
and checked against what the frontend's own configuration expects.
"""

import re

import yaml

from cms.env import BASE_DIR
from tests.cms.test_deploy_check import compose_environment

COMPOSE = yaml.safe_load((BASE_DIR / "docker-compose.yml").read_text())
FRONTEND = BASE_DIR / "frontend"


def test_the_frontend_service_is_built_from_frontends_own_dockerfile_on_node_24():
    service = COMPOSE["services"]["frontend"]
    dockerfile = (FRONTEND / "Dockerfile").read_text()

    assert service["build"] == "./frontend"
    assert re.findall(r"^FROM node:(\S+)", dockerfile, re.MULTILINE) == ["24-bookworm-slim", "24-bookworm-slim"]
    assert 'CMD ["node", "server.mjs"]' in dockerfile
    assert "COPY --from=build /app/server.mjs ./" in dockerfile
    assert "node_modules" in (FRONTEND / ".dockerignore").read_text().split()


def test_it_reads_the_api_from_the_app_service_and_is_published_where_the_cms_links_to():
    frontend = compose_environment("frontend")
    app = compose_environment("app", SECRET_KEY="x")
    service = COMPOSE["services"]["frontend"]

    assert frontend["API_URL"] == "http://app:8000"
    assert COMPOSE["services"]["app"]["ports"] == ["127.0.0.1:8000:8000"]
    assert frontend["PUBLIC_API_URL"] == frontend["CMS_ADMIN_ORIGIN"] == app["WAGTAILADMIN_BASE_URL"]
    assert service["ports"] == ["127.0.0.1:3000:3000"]
    assert app["FRONTEND_BASE_URL"] == "http://localhost:3000"
    assert service["depends_on"] == {"app": {"condition": "service_healthy"}}


def test_the_cms_signs_webhooks_with_the_secret_the_frontend_verifies():
    frontend = compose_environment("frontend", FRONTEND_WEBHOOK_SECRET="shared")
    app = compose_environment("app", SECRET_KEY="x", FRONTEND_WEBHOOK_SECRET="shared")

    assert frontend["CMS_WEBHOOK_SECRET"] == app["FRONTEND_WEBHOOK_SECRET"] == "shared"


def test_every_variable_the_service_sets_is_one_the_frontend_reads():
    config = (FRONTEND / "astro.config.mjs").read_text()
    declared = set(re.findall(r"^\s+(\w+): envField\.", config, re.MULTILINE))

    assert set(compose_environment("frontend")) <= declared


def test_the_portal_signs_visitors_with_the_apps_secret_behind_the_same_proxy():
    frontend = compose_environment("frontend", PUBLIC_FORM_VISITOR_SECRET="shared")
    app = compose_environment("app", SECRET_KEY="x", PUBLIC_FORM_VISITOR_SECRET="shared")

    assert frontend["PUBLIC_FORM_VISITOR_SECRET"] == app["PUBLIC_FORM_VISITOR_SECRET"] == "shared"
    assert frontend["NUM_PROXIES"] == app["NUM_PROXIES"] == "1"
