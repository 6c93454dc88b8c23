"""Defences of the CMS's own pages: admin sign-in limits and the Content-Security-Policy.

Kept apart from `core/` (the content and API layer) because nothing here knows
about content: it wraps django-axes and django-csp with this project's choices.
"""
