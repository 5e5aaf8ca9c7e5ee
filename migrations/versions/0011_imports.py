"""imports: import runs, saved column mappings, source references of imported rows

Revision ID: 0011_imports
Revises: 0010_exports
Create Date: 2026-12-02 17:00:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0011_imports"
down_revision = "0010_exports"
branch_labels = None
depends_on = None


def timestamps():
    return [
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    ]


def upgrade():
    op.create_table(
        "common_import_run",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("app", sa.String(length=16), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("mapping", sa.JSON(), nullable=False),
        sa.Column("rows_read", sa.Integer(), nullable=False),
        sa.Column("created", sa.Integer(), nullable=False),
        sa.Column("updated", sa.Integer(), nullable=False),
        sa.Column("skipped", sa.Integer(), nullable=False),
        sa.Column("errors", sa.Integer(), nullable=False),
        sa.Column("warnings", sa.Integer(), nullable=False),
        sa.Column("linked", sa.Integer(), nullable=False),
        sa.Column("reviews", sa.Integer(), nullable=False),
        sa.Column("problems", sa.JSON(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        *timestamps(),
        sa.ForeignKeyConstraint(["user_id"], ["common_user.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_common_import_run_app", "common_import_run", ["app"])
    op.create_index("ix_common_import_run_sha256", "common_import_run", ["sha256"])
    op.create_table(
        "common_import_mapping",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("app", sa.String(length=16), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("columns", sa.JSON(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        *timestamps(),
        sa.ForeignKeyConstraint(["created_by_id"], ["common_user.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("app", "kind", "name"),
    )
    op.create_table(
        "common_import_ref",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("app", sa.String(length=16), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("source_ref", sa.String(length=200), nullable=False),
        sa.Column("row_hash", sa.String(length=64), nullable=False),
        sa.Column("target_type", sa.String(length=40), nullable=False),
        sa.Column("target_id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=True),
        *timestamps(),
        sa.ForeignKeyConstraint(["run_id"], ["common_import_run.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("app", "kind", "source_ref"),
    )


def downgrade():
    op.drop_table("common_import_ref")
    op.drop_table("common_import_mapping")
    op.drop_index("ix_common_import_run_sha256", table_name="common_import_run")
    op.drop_index("ix_common_import_run_app", table_name="common_import_run")
    op.drop_table("common_import_run")
