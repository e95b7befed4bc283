"""The GitHub workflows: safe by construction, and checked by zizmor offline."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

WORKFLOWS = Path(__file__).resolve().parent.parent / ".github" / "workflows"


def test_zizmor_finds_nothing_in_the_workflows_even_pedantically() -> None:
    zizmor = shutil.which("zizmor") or str(Path(__import__("sys").executable).parent / "zizmor")
    if not Path(zizmor).exists():
        pytest.fail("zizmor is not installed: run scripts/test.sh")
    done = subprocess.run([zizmor, "--offline", "--persona=pedantic", "--no-progress", str(WORKFLOWS)], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No findings to report" in done.stdout + done.stderr


@pytest.mark.parametrize("workflow", sorted(WORKFLOWS.glob("*.yml")), ids=lambda p: p.name)
def test_workflow_never_uses_pull_request_target_and_pins_every_action(workflow: Path) -> None:
    text = "\n".join(line.split(" #")[0] for line in workflow.read_text(encoding="utf-8").splitlines() if not line.lstrip().startswith("#"))
    assert "pull_request_target" not in text
    for uses in re.findall(r"uses:\s*(\S+)", text):
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", uses), f"{uses} is not pinned to a full commit SHA"
    assert re.search(r"^permissions:\s*\n\s+contents: read", text, re.MULTILINE)
