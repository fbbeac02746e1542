"""The `newsdesk` command run as a subprocess, as a user runs it."""

from __future__ import annotations

import os
import subprocess

from tests.helpers.paths import NEWSDESK


def run(*args: str, env_extra: dict[str, str] | None = None,
        timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.update(env_extra or {})
    return subprocess.run([*NEWSDESK, *args], capture_output=True,
                          text=True, env=env, timeout=timeout)
