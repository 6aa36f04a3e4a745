from django.core.management import call_command

from exitlens.core.models import User


def test_it_makes_the_superuser_an_administrator(db, monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a long enough password 42")
    call_command("createsuperuser", username="root", email="root@example.org", interactive=False)

    user = User.objects.get(username="root")
    assert user.role == User.Role.ADMIN
    assert user.is_admin and user.is_hr
    assert user.may_handle_cases, "someone must hear of disclosure cases from the start"
