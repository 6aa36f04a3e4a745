import subprocess
import sys


def test_it_accepts_hyphenated_command_names(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "exitlens", "send-reminders", "--help"],
        capture_output=True,
        text=True,
        env={"EXITLENS_DEBUG": "true", "EXITLENS_DATA_DIR": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    assert "reminders" in result.stdout


def test_it_lists_the_project_commands(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "exitlens", "help"],
        capture_output=True,
        text=True,
        env={"EXITLENS_DEBUG": "true", "EXITLENS_DATA_DIR": str(tmp_path)},
    )
    for command in ("seed_demo", "send_reminders", "serve", "demo", "migrate", "createsuperuser"):
        assert command in result.stdout
