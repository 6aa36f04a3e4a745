from django.http import HttpRequest

from exitlens.core.models import AuditEntry, User


def record_audit(
    actor: User | None,
    action: str,
    subject: str = "",
    *,
    request: HttpRequest | None = None,
    **data,
) -> AuditEntry:
    """Write one sensitive action to the audit log. `action` is dotted: `interview.viewed`."""
    return AuditEntry.objects.create(
        actor=actor if actor and actor.is_authenticated else None,
        actor_name=actor.get_username() if actor and actor.is_authenticated else "",
        action=action,
        subject=subject[:200],
        data=data,
        ip_address=request.META.get("REMOTE_ADDR") if request else None,
    )


def departure_subject(departure) -> str:
    return f"departure {departure.code} ({departure.full_name})"
