"""Admission photographs: checked by content, kept in the instance folder, not the database."""

from pathlib import Path

from flask import current_app

from prison_ims.admissions.services import AdmissionError
from prison_ims.settings import setting

SIGNATURES = {b"\xff\xd8\xff": "jpg", b"\x89PNG\r\n\x1a\n": "png"}
MIMETYPES = {"jpg": "image/jpeg", "png": "image/png"}


def photo_dir():
    """Where admission photographs are kept (created when missing)."""
    path = Path(current_app.instance_path) / "uploads" / "prison" / "photos"
    path.mkdir(parents=True, exist_ok=True)
    return path


def photo_kind(content):
    """'jpg' or 'png' from the file's first bytes, or None."""
    for signature, kind in SIGNATURES.items():
        if content.startswith(signature):
            return kind
    return None


def store_photo(admission, content):
    """Save a photograph of the admitted person and note it on the admission."""
    limit = setting("PRISON_PHOTO_MAX_BYTES")
    if len(content) > limit:
        raise AdmissionError(
            f"The photograph is larger than {limit // 1_000_000} MB: use a smaller picture.",
            "photo",
        )
    kind = photo_kind(content)
    if kind is None:
        raise AdmissionError("The photograph must be a JPEG or PNG picture.", "photo")
    name = f"admission-{admission.id}.{kind}"
    (photo_dir() / name).write_bytes(content)
    admission.photo_file = name
    return name


def photo_path(admission):
    """(path, mimetype) of an admission's photograph, or None."""
    if not admission.photo_file:
        return None
    path = photo_dir() / admission.photo_file
    if not path.is_file():
        return None
    return path, MIMETYPES[path.suffix.lstrip(".")]
