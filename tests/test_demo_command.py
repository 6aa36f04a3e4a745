from django.core.management import call_command

from exitlens.core.management.commands import serve
from exitlens.core.models import Departure, User
from exitlens.demo.management.commands import demo


def test_it_prepares_data_and_users_and_starts_the_server(db, monkeypatch, capsys):
    started = []
    monkeypatch.setattr(
        serve, "run_server", lambda host, port, workers: started.append((host, port))
    )

    call_command("demo", departures=40)

    assert started == [("127.0.0.1", 8000)]
    assert Departure.objects.count() == 40
    hr = User.objects.get(username="hr")
    assert hr.role == User.Role.HR
    assert hr.check_password(demo.DEMO_PASSWORD)
    out = capsys.readouterr().out
    assert "http://127.0.0.1:8000/" in out
    assert demo.DEMO_PASSWORD in out


def test_it_loads_demo_data_only_once(db, monkeypatch):
    monkeypatch.setattr(serve, "run_server", lambda *args: None)

    call_command("demo", departures=30, no_serve=True)
    call_command("demo", departures=30, no_serve=True)

    assert Departure.objects.count() == 30
    assert User.objects.filter(username="admin", role=User.Role.ADMIN).count() == 1
