import pytest
from wagtail.users.models import UserProfile


@pytest.fixture
def login_as_editor(client, django_user_model, polish_tree):
    """Log in a superuser whose Wagtail account asks for the admin in `language` ('' = server language)."""

    def login(language):
        user = django_user_model.objects.create_superuser(f"editor-{language}", "editor@example.org", "password")
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
        client.force_login(user)
        return client

    return login
