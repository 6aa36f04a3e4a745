from django.urls import reverse

from exitlens.core.models import AuditEntry, User
from tests.conftest import PASSWORD, login

LIST_URL = reverse("user_list")
CREATE_URL = reverse("user_create")
NEW_PASSWORD = "a much longer secret 4 you"


def _edit_url(user) -> str:
    return reverse("user_edit", args=[user.username])


def _new_user(**changes) -> dict:
    data = {
        "username": "nina",
        "first_name": "Nina",
        "last_name": "New",
        "email": "nina@example.org",
        "role": "hr",
        "language": "es",
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
    }
    data.update(changes)
    return data


def _edit(user, **changes) -> dict:
    data = {
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "role": user.role,
        "language": user.language,
    }
    if user.is_active:
        data["is_active"] = "on"
    if user.handles_cases:
        data["handles_cases"] = "on"
    data.update(changes)
    return data


def test_it_sends_an_anonymous_visitor_to_login(client, db):
    for url in (LIST_URL, CREATE_URL):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))


def test_it_hides_the_pages_from_hr_and_viewers(client, hr, viewer):
    for user in (hr, viewer):
        login(client, user)
        assert client.get(LIST_URL).status_code == 404
        assert client.post(CREATE_URL, _new_user()).status_code == 404
        assert client.post(_edit_url(user), _edit(user, role="admin")).status_code == 404
        user.refresh_from_db()
        assert user.role != "admin"
    assert not User.objects.filter(username="nina").exists()


def test_it_refuses_an_inactive_admin(client, admin):
    admin.is_active = False
    admin.save()
    login(client, admin)
    assert client.get(LIST_URL).status_code == 302


def test_it_lists_users(client, admin, hr, outsider):
    hr.first_name = "<b>Hanna</b>"
    hr.save()
    login(client, admin)
    html = client.get(LIST_URL).content.decode()
    assert "alice" in html
    assert "hanna" in html
    assert "oscar" in html
    assert "Administrator" in html
    assert "Inactive" in html
    assert "&lt;b&gt;Hanna&lt;/b&gt;" in html
    assert reverse("user_edit", args=["hanna"]) in html


def test_it_creates_a_user(client, admin):
    login(client, admin)
    response = client.post(CREATE_URL, _new_user())
    assert response.status_code == 302
    user = User.objects.get(username="nina")
    assert user.role == User.Role.HR
    assert user.language == "es"
    assert user.email == "nina@example.org"
    assert user.check_password(NEW_PASSWORD)
    entry = AuditEntry.objects.get(action="user.created")
    assert entry.actor == admin
    assert entry.subject == "user nina"
    assert entry.data == {"role": "hr", "handles_cases": False}
    assert NEW_PASSWORD not in str(entry.data)


def test_it_validates_the_initial_password(client, admin):
    login(client, admin)
    response = client.post(CREATE_URL, _new_user(password1="short", password2="short"))
    assert response.status_code == 200
    assert "password2" in response.context["form"].errors
    assert not User.objects.filter(username="nina").exists()
    assert not AuditEntry.objects.exclude(action__startswith="auth.").exists()  # the sign-in


def test_it_rejects_a_taken_or_reserved_username(client, admin, hr):
    login(client, admin)
    response = client.post(CREATE_URL, _new_user(username="HANNA"))
    assert "username" in response.context["form"].errors
    response = client.post(CREATE_URL, _new_user(username="new"))
    assert "username" in response.context["form"].errors
    assert User.objects.count() == 2


def test_it_edits_a_user(client, admin, hr):
    login(client, admin)
    response = client.post(_edit_url(hr), _edit(hr, role="viewer", is_active="", first_name="H"))
    assert response.status_code == 302
    hr.refresh_from_db()
    assert hr.role == User.Role.VIEWER
    assert hr.is_active is False
    assert hr.first_name == "H"
    entry = AuditEntry.objects.get(action="user.changed")
    assert entry.subject == "user hanna"
    assert entry.data == {"fields": ["first_name", "role", "is_active"], "role": "viewer"}
    assert hr.check_password(PASSWORD)


def test_an_admin_chooses_who_handles_disclosure_cases(client, admin, hr):
    login(client, admin)

    response = client.post(_edit_url(hr), _edit(hr, handles_cases="on"))

    assert response.status_code == 302
    hr.refresh_from_db()
    assert hr.handles_cases and hr.may_handle_cases
    entry = AuditEntry.objects.get(action="user.changed")
    assert entry.data == {"fields": ["handles_cases"], "handles_cases": True}
    html = client.get(LIST_URL).content.decode()
    assert "Handles them" in html

    client.post(_edit_url(hr), _edit(hr, handles_cases=""))
    hr.refresh_from_db()
    assert not hr.handles_cases


def test_a_viewer_cannot_handle_disclosure_cases(client, admin, viewer):
    login(client, admin)

    response = client.post(CREATE_URL, _new_user(role="viewer", handles_cases="on"))
    assert "handles_cases" in response.context["form"].errors
    response = client.post(_edit_url(viewer), _edit(viewer, handles_cases="on"))

    assert "Only HR staff and administrators can handle disclosure cases." in (
        response.content.decode()
    )
    viewer.refresh_from_db()
    assert not viewer.handles_cases
    assert not User.objects.filter(username="nina").exists()


def test_it_creates_a_case_handler(client, admin):
    login(client, admin)

    client.post(CREATE_URL, _new_user(handles_cases="on"))

    user = User.objects.get(username="nina")
    assert user.may_handle_cases
    assert AuditEntry.objects.get(action="user.created").data == {
        "role": "hr",
        "handles_cases": True,
    }


def test_it_404s_for_an_unknown_user(client, admin):
    login(client, admin)
    assert client.get(reverse("user_edit", args=["ghost"])).status_code == 404


def test_an_admin_cannot_demote_themselves(client, admin):
    login(client, admin)
    response = client.post(_edit_url(admin), _edit(admin, role="hr"))
    assert response.status_code == 200
    assert "You cannot take away your own administrator role." in response.content.decode()
    admin.refresh_from_db()
    assert admin.role == User.Role.ADMIN
    assert not AuditEntry.objects.exclude(action__startswith="auth.").exists()  # the sign-in


def test_an_admin_cannot_deactivate_themselves(client, admin):
    login(client, admin)
    data = _edit(admin)
    del data["is_active"]
    response = client.post(_edit_url(admin), data)
    assert response.status_code == 200
    assert "You cannot deactivate your own account." in response.content.decode()
    admin.refresh_from_db()
    assert admin.is_active


def test_an_admin_can_change_their_own_name(client, admin):
    login(client, admin)
    client.post(_edit_url(admin), _edit(admin, first_name="Alice"))
    admin.refresh_from_db()
    assert admin.first_name == "Alice"
    assert admin.role == User.Role.ADMIN


def test_the_administration_page_leads_to_every_admin_page(client, admin):
    login(client, admin)

    page = client.get(reverse("administration")).content.decode()

    for name in ("user_list", "audit_log", "api_tokens", "webhook_list"):
        assert f'href="{reverse(name)}"' in page
    assert 'href="/administration/" aria-current="page"' in page
    users = client.get(reverse("user_list")).content.decode()
    assert 'href="/administration/" aria-current="page"' in users  # its section stays marked
