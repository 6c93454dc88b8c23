"""The protection every public form of the API shares: enquiries now, proposals and registrations next.

A public form is one anonymous POST. Each one gets, from here and nowhere else:

- a signed timing token (`tokens`): issued with the form, refused when sent back
  sooner than a person can fill it in or after it expired; it also stands in for
  CSRF protection, as nothing but a page that fetched a token can post;
- a honeypot field (`website`) that people never see and bots fill in;
- per-address rate limits on the cache (`limits`), counted against the visitor's
  address (`visitor`): the portal's server posts on its visitors' behalf and names
  each one in a header signed with a secret it shares with the API.

`PublicFormSerializer` declares the two fields; `PublicFormView` checks them,
speaks the visitor's language in its errors, and applies the limits a form names.
"""

from security.public_forms.limits import Limit
from security.public_forms.serializers import PublicFormSerializer
from security.public_forms.tokens import issue_token
from security.public_forms.views import PublicFormView, TermsView

__all__ = ["Limit", "PublicFormSerializer", "PublicFormView", "TermsView", "issue_token"]
