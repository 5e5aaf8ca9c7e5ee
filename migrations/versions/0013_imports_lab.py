"""imports: progress, batch position and resumption of import runs

Revision ID: 0013_imports_lab
Revises: 0019_court_fixes
Create Date: 2026-12-03 07:00:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0013_imports_lab"
down_revision = "0019_court_fixes"
branch_labels = None
depends_on = None

TABLE = "common_import_run"


def upgrade():
    with op.batch_alter_table(TABLE) as batch:
        batch.add_column(
            sa.Column("dry_run", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch.add_column(sa.Column("phase", sa.String(length=12), nullable=False, server_default=""))
        batch.add_column(sa.Column("rows_done", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("rows_total", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("position", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(
            sa.Column("message", sa.String(length=500), nullable=False, server_default="")
        )
        batch.add_column(sa.Column("heartbeat_at", sa.DateTime(timezone=True), nullable=True))
    op.execute(f"UPDATE {TABLE} SET dry_run = (status = 'DRY_RUN')")
    with op.batch_alter_table(TABLE) as batch:
        for name in ("dry_run", "phase", "rows_done", "position", "message"):
            batch.alter_column(name, server_default=None)


def downgrade():
    with op.batch_alter_table(TABLE) as batch:
        for name in (
            "heartbeat_at", "message", "position", "rows_total", "rows_done", "phase", "dry_run",
        ):  # fmt: skip
            batch.drop_column(name)
