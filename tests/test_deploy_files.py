"""The scheduling files in deploy/ parse and run `vnnews crawl` on a nightly schedule."""

from __future__ import annotations

import configparser
import re
import shlex
from pathlib import Path
from typing import Any

import yaml

DEPLOY = Path(__file__).resolve().parents[1] / "deploy"
HARDENING = ("NoNewPrivileges", "ProtectSystem", "ProtectHome", "PrivateTmp")


def unit(name: str) -> configparser.ConfigParser:
    # systemd units are INI-like: no interpolation, case-sensitive keys, repeatable keys allowed.
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string((DEPLOY / name).read_text(encoding="utf-8"), source=name)
    return parser


def runs_vnnews_crawl(command: str) -> bool:
    words = shlex.split(command)
    return any(
        Path(word).name == "vnnews" and words[i + 1 : i + 2] == ["crawl"]
        for i, word in enumerate(words)
    )


def test_service_runs_vnnews_crawl_as_its_own_user() -> None:
    service = unit("vnnews-crawl.service")
    assert {"Unit", "Service"} <= set(service.sections())
    section = service["Service"]
    assert section["Type"] == "oneshot"
    command = shlex.split(section["ExecStart"])
    assert runs_vnnews_crawl(section["ExecStart"])
    assert "--db" in command
    assert section["User"] not in ("", "root")
    assert section["WorkingDirectory"].startswith("/")
    assert all(section.get(key) for key in HARDENING)
    # ProtectSystem=strict makes everything read-only: the archive's directory must be writable.
    db = Path(command[command.index("--db") + 1])
    writable = [f"/var/lib/{section.get('StateDirectory', '')}", section.get("ReadWritePaths", "")]
    assert any(path and str(db.parent) == path.rstrip("/") for path in writable)
    assert section["StandardOutput"] == "journal"


def test_timer_is_nightly_persistent_and_spread() -> None:
    timer = unit("vnnews-crawl.timer")
    section = timer["Timer"]
    assert re.search(r"02:30(:00)? Asia/Ho_Chi_Minh$", section["OnCalendar"])
    assert section["Persistent"] == "true"
    assert section["RandomizedDelaySec"]
    assert section.get("Unit", "vnnews-crawl.service") == "vnnews-crawl.service"
    assert timer["Install"]["WantedBy"] == "timers.target"


def workflow() -> dict[Any, Any]:
    text = (DEPLOY / "github-actions" / "nightly-crawl.yml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert isinstance(data, dict)
    return data


def test_workflow_is_scheduled_and_never_overlaps() -> None:
    data = workflow()
    # YAML 1.1 (PyYAML) reads the bare key `on` as True.
    triggers = data.get("on", data.get(True))
    assert "workflow_dispatch" in triggers
    (schedule,) = triggers["schedule"]
    assert len(schedule["cron"].split()) == 5
    assert data["concurrency"]["group"]
    assert data["concurrency"]["cancel-in-progress"] is False


def test_workflow_restores_crawls_reports_and_publishes() -> None:
    (job,) = workflow()["jobs"].values()
    steps = job["steps"]
    uses = [step.get("uses", "") for step in steps]
    assert any(u.startswith("actions/checkout@") for u in uses)
    python = next(s for s in steps if s.get("uses", "").startswith("actions/setup-python@"))
    assert str(python["with"]["python-version"]) == "3.11"
    runs = [step.get("run", "") for step in steps]
    order = [
        next(i for i, run in enumerate(runs) if marker in run)
        for marker in ("pip install -e .", "gh release download", "vnnews crawl", "vnnews health")
    ]
    assert order == sorted(order)
    health = steps[order[-1]]
    assert health["continue-on-error"] is True
    assert any("gh release upload" in run and "--clobber" in run for run in runs)


CRON_FIELD = r"[\d*/,\-]+"


def test_crontab_has_one_nightly_vnnews_crawl_line() -> None:
    lines = [
        line.strip()
        for line in (DEPLOY / "crontab.example").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    jobs = [line for line in lines if not re.match(r"^[A-Z_]+=", line)]
    assert len(jobs) == 1
    fields = jobs[0].split(None, 5)
    assert all(re.fullmatch(CRON_FIELD, field) for field in fields[:5]), fields
    assert fields[2:5] == ["*", "*", "*"]  # every day
    command = fields[5]
    assert "%" not in command  # cron turns % into newlines
    assert any(runs_vnnews_crawl(part) for part in re.split(r"&&|;", command.split(">>")[0]))
    assert ">>" in command


def test_readme_explains_every_file_and_the_lock() -> None:
    text = (DEPLOY / "README.md").read_text(encoding="utf-8")
    for mentioned in (
        "vnnews-crawl.service",
        "vnnews-crawl.timer",
        "crontab.example",
        "nightly-crawl.yml",
        "archive.db.lock",
        "--wait",
    ):
        assert mentioned in text
