from wagtail import hooks
from wagtail.permissions import register_permission_policy

from proposals.admin_views import ProposalViewSet
from proposals.models import PracticeProposal
from translation.policies import ReadByLocaleEditorsPolicy

register_permission_policy(PracticeProposal, ReadByLocaleEditorsPolicy(PracticeProposal))


@hooks.register("register_admin_viewset")
def register_proposals():
    return ProposalViewSet("proposals")
