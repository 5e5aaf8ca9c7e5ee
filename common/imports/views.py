"""Import pages: upload, proposed mapping, dry-run report, confirm; problem report downloads."""

import io

from flask import abort, flash, jsonify, redirect, render_template, request, send_file, url_for
from flask_login import current_user
from sqlalchemy import select

from common.extensions import db
from common.imports.forms import UploadForm, chosen_mapping, mapping_form
from common.imports.mapping import MappingError, save_mapping, saved_mappings
from common.imports.models import ImportRun
from common.imports.progress import run_in_background
from common.imports.reader import ImportRefused, refuse_size
from common.imports.registry import get_importer, importers_of
from common.imports.report import problems_csv, problems_xlsx
from common.imports.services import (
    execute_run,
    file_hash,
    preview,
    resumable,
    resume_run,
    start_run,
)
from common.imports.settings import setting
from common.imports.storage import fetch, keep

SHOWN_PROBLEMS = 200
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def importer_or_404(app_name, kind):
    """The importer named in the URL, or 404."""
    return get_importer(app_name, kind) or abort(404)


def index(app_name):
    """The registers this app imports and its latest runs."""
    runs = db.session.scalars(
        select(ImportRun).where(ImportRun.app == app_name).order_by(ImportRun.id.desc()).limit(20)
    ).all()
    return render_template(
        "common/imports.html", app_name=app_name, importers=importers_of(app_name), runs=runs
    )


def upload(app_name, kind):
    """Upload a register; a refused file is explained on the form and nothing is kept."""
    importer = importer_or_404(app_name, kind)
    form = UploadForm()
    if form.validate_on_submit():
        data = form.file.data.read()
        try:
            refuse_size(len(data), setting("IMPORT_MAX_BYTES"))
            preview(importer, data, form.file.data.filename)
        except ImportRefused as exc:
            form.file.errors.append(str(exc))
        else:
            sha = file_hash(data)
            keep(sha, data)
            return redirect(
                url_for(f".{app_name}_mapping", kind=kind, sha=sha, name=form.file.data.filename)
            )
    return render_template("common/imports_upload.html", importer=importer, form=form)


def mapping(app_name, kind, sha):
    """Confirm or edit the proposed mapping, then dry-run or import."""
    importer = importer_or_404(app_name, kind)
    data = fetch(sha)
    if data is None:
        abort(404)
    name = request.values.get("file_name") or request.args.get("name") or "register"
    headers, proposal = preview(importer, data, name)
    saved = saved_mappings(app_name, kind)
    chosen = next((m for m in saved if m.name == request.args.get("saved")), None)
    form = mapping_form(importer, headers, chosen.columns if chosen else proposal)
    form.file_name.data = name
    if form.validate_on_submit():
        columns = chosen_mapping(form, importer)
        try:
            if form.save_as.data:
                save_mapping(app_name, kind, form.save_as.data, columns, current_user.id)
            run = start_run(
                importer, data, name, columns, request.form.get("action") != "import",
                current_user.id,
            )  # fmt: skip
        except (MappingError, ImportRefused) as exc:
            db.session.rollback()
            form.form_errors.append(str(exc))
        else:
            db.session.commit()
            execute(importer, run, data)
            return redirect(url_for(f".{app_name}_run", run_id=run.id))
    return render_template(
        "common/imports_mapping.html", importer=importer, form=form, sha=sha, saved=saved,
        headers=headers,
    )  # fmt: skip


def execute(importer, run, data, resume=False):
    """Run the import in the background (the page polls its progress), or right here."""
    if setting("IMPORT_IN_BACKGROUND"):
        run_in_background(importer, run.id, data, current_user.id, current_user.email, resume)
    elif resume:
        resume_run(importer, run, data)
    else:
        execute_run(importer, run, data)


def run_or_404(app_name, run_id):
    """A run of this app, or 404."""
    run = db.session.get(ImportRun, run_id)
    if run is None or run.app != app_name:
        abort(404)
    return run


def run_page(app_name, run_id):
    """Counts and problems of a dry run or an import."""
    run = run_or_404(app_name, run_id)
    importer = importer_or_404(app_name, run.kind)
    form = mapping_form(importer, list(run.mapping.values()), run.mapping)
    form.file_name.data = run.file_name
    kept = fetch(run.sha256) is not None
    return render_template(
        "common/imports_run.html", run=run, importer=importer, form=form,
        problems=run.problems[:SHOWN_PROBLEMS], can_import=kept,
        can_resume=kept and resumable(run),
    )  # fmt: skip


def run_status(app_name, run_id):
    """The run's progress and counts as JSON (polled by the run page)."""
    run = run_or_404(app_name, run_id)
    fields = ("id", "status", "status_label", "finished", "dry_run", "phase", "phase_label",
              "rows_done", "rows_total", "position", "rows_read", "created", "updated",
              "skipped", "linked", "reviews", "errors", "warnings", "message")  # fmt: skip
    return jsonify({**{name: getattr(run, name) for name in fields}, "resumable": resumable(run)})


def resume(app_name, run_id):
    """Resume a stopped or interrupted import from its recorded position."""
    run = run_or_404(app_name, run_id)
    importer = importer_or_404(app_name, run.kind)
    data = fetch(run.sha256)
    if data is None or not resumable(run):
        flash(f"Import run #{run.id} cannot be resumed: it is {run.status_label.lower()}.",
              "danger")  # fmt: skip
    else:
        try:
            execute(importer, run, data, resume=True)
        except ImportRefused as exc:
            db.session.rollback()
            flash(str(exc), "danger")
    return redirect(url_for(f".{app_name}_run", run_id=run.id))


def problems_download(app_name, run_id, fmt):
    """The problem report as CSV or XLSX."""
    run = run_or_404(app_name, run_id)
    stem = f"import-{run.id}-problems"
    if fmt == "csv":
        body, mime = problems_csv(run.problems), "text/csv"
    elif fmt == "xlsx":
        body, mime = problems_xlsx(run.problems), XLSX
    else:
        abort(404)
    return send_file(io.BytesIO(body), mimetype=mime, as_attachment=True,
                     download_name=f"{stem}.{fmt}")  # fmt: skip
