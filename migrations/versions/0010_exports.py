"""exports: the change outbox of the BCO feeds and the export API tokens

Revision ID: 0010_exports
Revises: 0009_prison_conduct
Create Date: 2026-12-02 16:40:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0010_exports"
down_revision = "0009_prison_conduct"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "common_export_change",
        sa.Column(
            "seq",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("app", sa.String(length=16), nullable=False),
        sa.Column("dataset", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.String(length=64), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_common_export_change")),
    )
    op.create_index(
        "ix_common_export_change_feed", "common_export_change", ["app", "dataset", "seq"]
    )
    op.create_table(
        "common_export_token",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("app", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_common_export_token")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_common_export_token_token_hash")),
    )


def downgrade():
    op.drop_table("common_export_token")
    op.drop_index("ix_common_export_change_feed", table_name="common_export_change")
    op.drop_table("common_export_change")
