"""Rule edits invalidate the compiled rules: here at once, in other processes within a second."""
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from phrases.lint.models import RuleSetting, RulesRevision, TeamWord, Term
from phrases.lint.ruleset import reset_cache


@receiver([post_save, post_delete], sender=RuleSetting)
@receiver([post_save, post_delete], sender=Term)
@receiver([post_save, post_delete], sender=TeamWord)
def rules_changed(sender, **kwargs):
    RulesRevision.bump()
    reset_cache()
