"""docker-compose.yml's optional `replica` and `s3` profiles, and deploy/scale-out.env.example that turns them on.

No Docker daemon here: the file is read as compose reads it, the settings are
loaded with the environment the app service would get, and `check --deploy`
runs on it. The replica's scripts themselves are run in
tests/cluster/test_compose_replica.py; the bucket command in
tests/core/test_create_media_bucket.py.
"""

import secrets

import pytest
import yaml

from cms.env import BASE_DIR
from tests.cms.test_deploy_check import check_deploy, compose_environment
from tests.cms.test_settings import settings_values

COMPOSE = yaml.safe_load((BASE_DIR / "docker-compose.yml").read_text())
SERVICES = COMPOSE["services"]


def scale_out_example():
    lines = (BASE_DIR / "deploy" / "scale-out.env.example").read_text().splitlines()
    return dict(line.split("=", 1) for line in lines if line and not line.startswith("#"))


@pytest.fixture
def scale_out_env():
    example = scale_out_example()
    return compose_environment("app", SECRET_KEY=secrets.token_urlsafe(50), **example)


def test_the_optional_services_run_only_with_their_profiles():
    always = [name for name, service in SERVICES.items() if "profiles" not in service]

    assert always == ["db", "redis", "app", "worker", "frontend"]
    assert SERVICES["db-replica"]["profiles"] == ["replica"]
    assert SERVICES["s3"]["profiles"] == SERVICES["s3-bucket"]["profiles"] == ["s3"]
    assert scale_out_example()["COMPOSE_PROFILES"] == "replica,s3"


def test_the_app_waits_for_the_optional_services_only_when_they_run():
    waits = SERVICES["app"]["depends_on"]

    assert waits["db-replica"] == {"condition": "service_healthy", "required": False}
    assert waits["s3-bucket"] == {"condition": "service_completed_successfully", "required": False}


def test_the_scripts_the_services_mount_are_in_the_repository():
    mounts = [volume.split(":")[0] for name in ("db", "db-replica") for volume in SERVICES[name]["volumes"]]

    assert [mount for mount in mounts if mount.startswith("./")] == [
        "./deploy/postgres/allow-replication.sh",
        "./deploy/postgres/replica.sh",
    ]
    assert all((BASE_DIR / mount).is_file() for mount in mounts if mount.startswith("./"))


def test_the_replica_streams_as_the_role_the_primary_creates_and_the_app_reads_it_as_the_primarys_user():
    example = scale_out_example()
    db = compose_environment("db")
    replica = compose_environment("db-replica")

    assert replica["REPLICATION_PASSWORD"] == db["REPLICATION_PASSWORD"]
    assert replica["PRIMARY_HOST"] == "db"
    assert example["DATABASE_REPLICA_URL"] == (
        f"postgres://{db['POSTGRES_USER']}:{db['POSTGRES_PASSWORD']}@db-replica:5432/{db['POSTGRES_DB']}"
    )


def test_without_the_profiles_the_app_has_one_database_and_media_on_its_volume():
    environment = compose_environment("app", SECRET_KEY="x")
    environment.pop("DJANGO_SETTINGS_MODULE")

    values = settings_values("cms.settings.production", ["DATABASES", "STORAGES"], **environment)

    assert set(values["DATABASES"]) == {"default"}
    assert values["STORAGES"]["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"


def test_with_the_example_the_app_reads_the_replica_and_keeps_media_in_the_bucket(scale_out_env):
    scale_out_env.pop("DJANGO_SETTINGS_MODULE")

    values = settings_values("cms.settings.production", ["DATABASES", "DATABASE_ROUTERS", "STORAGES"], **scale_out_env)
    media = values["STORAGES"]["default"]

    assert values["DATABASES"]["replica"]["HOST"] == "db-replica"
    assert values["DATABASE_ROUTERS"] == ["core.replicas.ReplicaRouter"]
    assert media["BACKEND"] == "storages.backends.s3.S3Storage"
    assert media["OPTIONS"]["endpoint_url"] == "http://s3:8333"
    assert media["OPTIONS"]["custom_domain"] == "localhost:8333/a4b-media"
    assert media["OPTIONS"]["file_overwrite"] is False


def test_check_deploy_is_clean_with_the_example(scale_out_env):
    result = check_deploy(scale_out_env)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (1 silenced)." in result.stdout
