from wagtail import hooks
from wagtail.permissions import register_permission_policy

from enquiries.admin_views import InterestPolicy, QuestionsGroup, ReadByLocaleEditorsPolicy
from enquiries.models import Enquiry, PracticeInterest

register_permission_policy(Enquiry, ReadByLocaleEditorsPolicy(Enquiry))
register_permission_policy(PracticeInterest, InterestPolicy(PracticeInterest))


@hooks.register("register_admin_viewset")
def register_questions():
    return QuestionsGroup()
