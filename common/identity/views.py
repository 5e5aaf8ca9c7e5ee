"""Thin views for user administration."""

from flask import abort, flash, redirect, render_template, request, url_for
from sqlalchemy import select

from common.extensions import db
from common.identity.forms import UnlockForm, UserCreateForm, UserEditForm
from common.identity.lockout import is_locked_now
from common.identity.models import Agency, User
from common.identity.services import UserError, create_user, unlock_user, update_user
from common.locking import ConflictError


def _agency_choices():
    return [(a.code, a.name) for a in db.session.scalars(select(Agency).order_by(Agency.name))]


def user_list():
    """All accounts with roles and lock status."""
    page = db.paginate(select(User).order_by(User.email), per_page=50, error_out=False)
    return render_template("common/users_list.html", page=page, is_locked=is_locked_now)


def user_create():
    """Create an account."""
    form = UserCreateForm()
    form.agency.choices = _agency_choices()
    if form.validate_on_submit():
        try:
            user = create_user(
                form.email.data,
                form.password.data,
                form.full_name.data,
                form.roles.data,
                form.agency.data,
            )
        except UserError as exc:
            db.session.rollback()
            form.form_errors.append(str(exc))
        else:
            db.session.commit()
            flash(f"Account {user.email} created.", "success")
            return redirect(url_for("users.list"))
    return render_template("common/user_form.html", form=form, user=None)


def _user_or_404(user_id):
    user = db.session.get(User, user_id)
    if user is None:
        abort(404)
    return user


def user_edit(user_id):
    """Edit an account; a stale form is refused with a clear message."""
    user = _user_or_404(user_id)
    form = UserEditForm(obj=user if request.method == "GET" else None)
    form.agency.choices = _agency_choices()
    if request.method == "GET":
        form.agency.data = user.agency.code if user.agency else None
        form.roles.data = [r.name for r in user.roles]
        form.version.data = user.version
    if form.validate_on_submit():
        try:
            update_user(
                user,
                form.version.data,
                form.full_name.data,
                form.roles.data,
                form.agency.data,
                form.active.data,
            )
        except (ConflictError, UserError) as exc:
            db.session.rollback()
            form.form_errors.append(str(exc))
        else:
            db.session.commit()
            flash(f"Account {user.email} saved.", "success")
            return redirect(url_for("users.list"))
    return render_template(
        "common/user_form.html",
        form=form,
        user=user,
        unlock_form=UnlockForm(version=user.version),
        locked=is_locked_now(user),
    )


def user_unlock(user_id):
    """Unlock a locked account."""
    user = _user_or_404(user_id)
    form = UnlockForm()
    try:
        if not form.validate_on_submit():
            abort(400)
        unlock_user(user, form.version.data)
    except ConflictError as exc:
        db.session.rollback()
        flash(str(exc), "danger")
    else:
        db.session.commit()
        flash(f"Account {user.email} unlocked.", "success")
    return redirect(url_for("users.edit", user_id=user.id))
