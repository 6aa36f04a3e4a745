from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security, deploy=True)
def check_email_configured(app_configs, **kwargs):
    if not settings.EMAIL_HOST:
        return [
            checks.Warning(
                "EXITLENS_EMAIL_HOST is not set: invitations are printed to the log, not sent.",
                id="exitlens.W001",
            )
        ]
    return []


@checks.register(checks.Tags.security, deploy=True)
def check_site_url(app_configs, **kwargs):
    if settings.SITE_URL.startswith("http://127.0.0.1") or "localhost" in settings.SITE_URL:
        return [
            checks.Warning(
                "EXITLENS_SITE_URL points at this machine: links in invitations will not work "
                "for leavers.",
                id="exitlens.W002",
            )
        ]
    return []
