"""The documentation is part of the product: these tests keep it true to the code."""

import re
from pathlib import Path

from django.conf import settings
from django.core.management import get_commands

ROOT = Path(__file__).resolve().parent.parent


def _readme_commands() -> list[str]:
    return re.findall(r"```sh\n(.+?)\n```", (ROOT / "README.md").read_text())


def test_the_readme_has_exactly_two_commands():
    commands = _readme_commands()
    assert len(commands) == 2
    assert commands[0].endswith("exitlens demo")
    assert commands[1].endswith("pytest")


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text()
    assert f'TEST_COMMAND="{_readme_commands()[1]}"' in ci


def test_every_setting_is_in_the_configuration_guide():
    source = (ROOT / "src" / "exitlens" / "settings.py").read_text()
    guide = (ROOT / "docs" / "configuration.md").read_text()
    used = set(re.findall(r'env_\w+\(\s*"([A-Z_]+)"', source))
    missing = {name for name in used if f"EXITLENS_{name}" not in guide}
    assert missing == set()


def test_every_project_command_is_in_the_admin_guide():
    guide = (ROOT / "docs" / "admin-guide.md").read_text()
    ours = [name for name, app in get_commands().items() if app.startswith("exitlens")]
    assert ours
    missing = [name for name in ours if f"exitlens {name.replace('_', '-')}" not in guide]
    assert missing == []


def test_the_readme_screenshot_exists():
    for image in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", (ROOT / "README.md").read_text()):
        assert (ROOT / image).exists(), image


def test_every_language_is_offered():
    assert [code for code, _name in settings.LANGUAGES] == ["nl", "en", "es", "de"]
