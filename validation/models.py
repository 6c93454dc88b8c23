"""Who proposes for which institution, the expert validation step, and the experts' opinions."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Task, TaskState

from core.models import Country

#: The criteria each expert scores, 1 (weak) to 5 (strong), after URBACT's and Interreg Europe's panels.
CRITERIA = {
    "relevance": _("Relevance to agglomeration development or cross-border cooperation"),
    "evidence": _("Evidence of results"),
    "transferability": _("Transferability to the other side of the border"),
    "participation": _("Participation"),
}


class ContributorGroup(models.Model):
    """The `Contributors – <institution>` group of one partner institution (made by `setup_roles`)."""

    group = models.OneToOneField(Group, on_delete=models.CASCADE, related_name="contributor_institution")
    partner = models.ForeignKey("partners.PartnerPage", on_delete=models.CASCADE, related_name="contributor_groups")

    def __str__(self):
        return self.group.name


class ExpertValidationTask(Task):
    """Approved only when one Polish and one Czech validator have each scored the practice and given an opinion.

    Each validator acts for their own country: a Polish validator's approval
    never counts for the Czech side. Validators see the page through the
    workflow's preview and never get the editor (they hold no page rights).
    """

    polish_validators = models.ForeignKey(
        Group, on_delete=models.PROTECT, related_name="+", verbose_name=_("Polish validators")
    )
    czech_validators = models.ForeignKey(
        Group, on_delete=models.PROTECT, related_name="+", verbose_name=_("Czech validators")
    )

    admin_form_fields = [*Task.admin_form_fields, "polish_validators", "czech_validators"]

    def countries_of(self, user):
        """The countries `user` validates for in this task (superusers act for neither: experts must be named)."""
        groups = set(user.groups.values_list("pk", flat=True))
        return [
            country
            for country, group_id in (
                (Country.POLAND, self.polish_validators_id),
                (Country.CZECHIA, self.czech_validators_id),
            )
            if group_id in groups
        ]

    def pending_country(self, task_state, user):
        """The country `user` may still give an opinion for on `task_state`, or None."""
        given = set(task_state.opinions.values_list("country", flat=True))
        return next((country for country in self.countries_of(user) if country not in given), None)

    def get_actions(self, obj, user):
        task_state = getattr(obj, "current_workflow_task_state", None)
        if task_state is None or task_state.task_id != self.pk or self.pending_country(task_state, user) is None:
            return []
        return [("reject", _("Request changes"), True), ("approve", _("Approve with opinion and scores"), True)]

    def locked_for_user(self, obj, user):
        """The experts judge the revision the editors approved: nobody edits it while they do (cancel to edit)."""
        return not user.is_superuser

    def get_form_for_action(self, action):
        from validation.forms import OpinionForm

        return OpinionForm if action == "approve" else super().get_form_for_action(action)

    def on_action(self, task_state, user, action_name, **kwargs):
        from validation.services import give_opinion

        if action_name == "approve":
            return give_opinion(task_state, user, **kwargs)
        return super().on_action(task_state, user, action_name, comment=kwargs.get("comment", ""))

    def get_task_states_user_can_moderate(self, user, **kwargs):
        if not self.countries_of(user):
            return TaskState.objects.none()
        waiting = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        return waiting.exclude(opinions__country__in=self.countries_of(user))

    @classmethod
    def get_description(cls):
        return _("One Polish and one Czech validator each score the practice and write a public opinion")

    class Meta:
        verbose_name = _("Expert validation task")
        verbose_name_plural = _("Expert validation tasks")


class ExpertOpinion(models.Model):
    """One expert's scores and public opinion on a practice, given when approving its expert validation."""

    task_state = models.ForeignKey(TaskState, on_delete=models.CASCADE, related_name="opinions")
    page = models.ForeignKey("practices.PracticePage", on_delete=models.CASCADE, related_name="expert_opinions")
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    expert = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    expert_name = models.CharField(_("expert's name"), max_length=150)
    opinion = models.TextField(_("public opinion"), max_length=1000)
    relevance = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(5)])
    evidence = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(5)])
    transferability = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(5)])
    participation = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(5)])
    given_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["task_state", "country"], name="one_opinion_per_country")]
        ordering = ["country"]

    def __str__(self):
        return f"{self.expert_name} ({self.country})"
