from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def percent(share) -> str:
    """A Share (or a fraction) as "41%"; a dash when suppressed."""
    if share is None:
        return "–"
    value = share.value if hasattr(share, "value") else share
    return f"{number_format(round(value * 100))}%"


@register.filter
def interval(share) -> str:
    """The 95% interval of a Share as "32–51%"."""
    if share is None:
        return ""
    return f"{round(share.low * 100)}–{round(share.high * 100)}%"


@register.filter
def get(mapping, key):
    return mapping.get(key) if mapping else None


@register.filter
def retention(theme: str) -> str:
    from exitlens.insights.labels import retention_measure

    return retention_measure(theme)
