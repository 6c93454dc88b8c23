import time

from botocore.exceptions import BotoCoreError, ClientError
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Create the S3 bucket media are stored in (S3_BUCKET), unless it exists. "
        "For a self-hosted S3-compatible server; a provider's bucket is usually made with the account."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--wait",
            type=int,
            default=0,
            metavar="SECONDS",
            help="Keep trying this long while the object store does not answer yet (it may be starting).",
        )

    def handle(self, *args, wait, **options):
        bucket_name = getattr(default_storage, "bucket_name", None)
        if not bucket_name:
            self.stdout.write("Media are on local disk (S3_BUCKET is empty): no bucket to create.")
            return
        client = default_storage.connection.meta.client
        deadline = time.monotonic() + wait
        while True:
            try:
                created = self.ensure_bucket(client, bucket_name)
                break
            except (BotoCoreError, ClientError) as error:
                # Only an object store that is not answering (yet) is worth waiting for; a refusal is final.
                if not starting(error) or time.monotonic() >= deadline:
                    raise CommandError(f"Bucket {bucket_name!r} could not be created: {error}") from error
                time.sleep(1)
        self.stdout.write(f"Created bucket {bucket_name}." if created else f"Bucket {bucket_name} exists already.")

    def ensure_bucket(self, client, bucket_name):
        try:
            client.head_bucket(Bucket=bucket_name)
            return False
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") not in ("404", "NoSuchBucket"):
                raise
        region = client.meta.region_name
        location = (
            {} if region in (None, "us-east-1") else {"CreateBucketConfiguration": {"LocationConstraint": region}}
        )
        client.create_bucket(Bucket=bucket_name, **location)
        return True


def starting(error):
    """Whether the error is one of an object store that is not reachable or not ready yet."""
    if isinstance(error, ClientError):
        return error.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0) >= 500
    return True
