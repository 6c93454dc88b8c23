"""Where media live: local disk by default, S3-compatible object storage when S3_BUCKET is set.

Two or more app servers must share documents, original images and renditions
(a rendition made on one is looked up in the database and served by the
other), which a local folder cannot do. Names are never overwritten
(`file_overwrite` off, as Wagtail's deployment docs advise): two uploads of
`plan.pdf` keep both files.
"""

from urllib.parse import urlsplit

from botocore.config import Config
from django.core.exceptions import ImproperlyConfigured


def media_storage(env, *, api_answer_lifetime):
    """The STORAGES["default"] entry for the environment.

    Signed URLs must outlive every answer that holds them: the API keeps an
    answer for `api_answer_lifetime` seconds (stored plus browsers' max-age),
    so a shorter signature would hand out links that already expired.
    """
    bucket = env("S3_BUCKET")
    if not bucket:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    options = {
        "bucket_name": bucket,
        "endpoint_url": env("S3_ENDPOINT_URL") or None,
        "region_name": env("S3_REGION") or None,
        "access_key": env("S3_ACCESS_KEY_ID") or None,
        "secret_key": env("S3_SECRET_ACCESS_KEY") or None,
        "file_overwrite": False,
        "default_acl": None,
        "location": "media",
        # A storage that stopped answering costs a request seconds, not botocore's minutes of retries.
        "client_config": Config(connect_timeout=2, read_timeout=10, retries={"max_attempts": 2, "mode": "standard"}),
    }
    public_url = env("S3_PUBLIC_URL").rstrip("/")
    if public_url:
        parts = urlsplit(public_url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ImproperlyConfigured(f"S3_PUBLIC_URL must be an http(s) URL, not {public_url!r}.")
        options.update(querystring_auth=False, url_protocol=f"{parts.scheme}:", custom_domain=parts.netloc + parts.path)
    else:
        seconds = env("S3_SIGNED_URL_SECONDS")
        if seconds <= api_answer_lifetime:
            raise ImproperlyConfigured(
                f"S3_SIGNED_URL_SECONDS ({seconds}) must be longer than an API answer is kept "
                f"({api_answer_lifetime} s: API_CACHE_TIMEOUT plus API_CACHE_MAX_AGE), or cached answers "
                "would link to expired images."
            )
        options.update(querystring_auth=True, querystring_expire=seconds)
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}
