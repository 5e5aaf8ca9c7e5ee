"""Uploaded files kept by their SHA-256 between the upload, the dry run and the import."""

import re
from pathlib import Path

from flask import current_app

from common.config import INSTANCE_DIR


def folder():
    """The uploads folder of imports (created if missing)."""
    path = Path(current_app.config.get("INSTANCE_DIR", INSTANCE_DIR)) / "imports"
    path.mkdir(parents=True, exist_ok=True)
    return path


def keep(sha256, data):
    """Store the file under its hash (idempotent)."""
    path = folder() / f"{sha256}.bin"
    if not path.exists():
        path.write_bytes(data)


def fetch(sha256):
    """The stored file's bytes, or None for an unknown or malformed hash."""
    if not re.fullmatch(r"[0-9a-f]{64}", sha256 or ""):
        return None
    path = folder() / f"{sha256}.bin"
    return path.read_bytes() if path.exists() else None
