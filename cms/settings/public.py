"""What the public side offers besides the API's pages: its forms, their limits and retention, open data, statistics.

base.py imports them all. Apart because they are read together when the portal's forms or data
change (docs/network.md, docs/registrations.md, docs/open-data.md, docs/statistics.md), and they
depend on nothing else in the settings.
"""

from cms.env import env

# The public forms (security/public_forms/): a form sent sooner than PUBLIC_FORM_MIN_SECONDS after
# its token was issued, or with a token older than PUBLIC_FORM_MAX_AGE, is refused. The portal's
# server posts on its visitors' behalf and names each visitor's address in a header signed with
# PUBLIC_FORM_VISITOR_SECRET (the same value in the portal's environment); empty: never trusted.
PUBLIC_FORM_MIN_SECONDS = env("PUBLIC_FORM_MIN_SECONDS")
PUBLIC_FORM_MAX_AGE = env("PUBLIC_FORM_MAX_AGE")
PUBLIC_FORM_VISITOR_SECRET = env("PUBLIC_FORM_VISITOR_SECRET")
# "Ask the owner" (enquiries/): questions per visitor address and per practice ("N/second|minute|hour|day"),
# and the days a question is kept before `purge_enquiries` (run by every db_worker) deletes it.
ENQUIRY_ADDRESS_RATE = env("ENQUIRY_ADDRESS_RATE")
ENQUIRY_PRACTICE_RATE = env("ENQUIRY_PRACTICE_RATE")
ENQUIRY_RETENTION_DAYS = env("ENQUIRY_RETENTION_DAYS")
# "Propose a good practice" (proposals/): proposals per visitor address, and the days a decided
# (accepted or declined) proposal is kept before `purge_proposals` (run by every db_worker) deletes it.
PROPOSAL_ADDRESS_RATE = env("PROPOSAL_ADDRESS_RATE")
PROPOSAL_RETENTION_DAYS = env("PROPOSAL_RETENTION_DAYS")
# Registration for events (registrations/): registrations per visitor address, and the days after an
# event's end until `purge_registrations` (run by every db_worker) anonymises its participants.
REGISTRATION_ADDRESS_RATE = env("REGISTRATION_ADDRESS_RATE")
REGISTRATION_RETENTION_DAYS = env("REGISTRATION_RETENTION_DAYS")
# The contact point of the DCAT-AP catalogue that data portals harvest (opendata/), and the portal's page
# that lists its downloads for people (the datasets' landing page; frontend/src/opendata/catalog.ts).
OPEN_DATA_CONTACT_NAME = env("OPEN_DATA_CONTACT_NAME")
OPEN_DATA_CONTACT_EMAIL = env("OPEN_DATA_CONTACT_EMAIL")
OPEN_DATA_LANDING_PATH = env("OPEN_DATA_LANDING_PATH")
# The statistics (stats/, docs/statistics.md): counts of people (questions, participants) below
# STATS_MIN_COUNT are withheld; the figures are kept STATS_CACHE_SECONDS, as questions arrive without a publish.
STATS_MIN_COUNT = env("STATS_MIN_COUNT")
STATS_CACHE_SECONDS = env("STATS_CACHE_SECONDS")
