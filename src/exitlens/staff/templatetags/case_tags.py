"""The count of new disclosure cases in the navigation, for case handlers."""

from django import template

from exitlens.core.models import DisclosureCase

register = template.Library()


@register.simple_tag(takes_context=True)
def new_case_count(context) -> int:
    """How many cases wait for a handler; 0 for anyone who may not see cases."""
    user = context.get("user")
    if user is None or not getattr(user, "may_handle_cases", False):
        return 0
    return DisclosureCase.objects.filter(status=DisclosureCase.Status.NEW).count()
