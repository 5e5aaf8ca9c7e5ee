"""custody now: each admission's latest movement, kept by a trigger on prison_movement

Revision ID: 0021_custody_now
Revises: 0020_search_indexes
Create Date: 2026-12-03 11:10:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0021_custody_now"
down_revision = "0020_search_indexes"
branch_labels = None
depends_on = None

UPSERT = """
    INSERT INTO prison_custody_now (admission_id, movement_id, state)
    VALUES (NEW.admission_id, NEW.id, NEW.to_state)
    ON CONFLICT (admission_id) DO UPDATE
        SET movement_id = excluded.movement_id, state = excluded.state
        WHERE prison_custody_now.movement_id < excluded.movement_id;
"""

BACKFILL = """
    INSERT INTO prison_custody_now (admission_id, movement_id, state)
    SELECT m.admission_id, m.id, m.to_state
    FROM prison_movement m
    JOIN (SELECT admission_id, max(id) AS id FROM prison_movement GROUP BY admission_id) last
        ON last.id = m.id
"""


def upgrade():
    op.create_table(
        "prison_custody_now",
        sa.Column("admission_id", sa.Integer(), nullable=False),
        sa.Column("movement_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=4), nullable=False),
        sa.ForeignKeyConstraint(
            ["admission_id"],
            ["prison_admission.id"],
            name=op.f("fk_prison_custody_now_admission_id_prison_admission"),
        ),
        sa.ForeignKeyConstraint(
            ["movement_id"],
            ["prison_movement.id"],
            name=op.f("fk_prison_custody_now_movement_id_prison_movement"),
        ),
        sa.PrimaryKeyConstraint("admission_id", name=op.f("pk_prison_custody_now")),
    )
    op.create_index(
        op.f("ix_prison_custody_now_state"), "prison_custody_now", ["state"], unique=False
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION prison_custody_now_track() RETURNS trigger LANGUAGE plpgsql AS $$"
            f" BEGIN {UPSERT} RETURN NULL; END $$"
        )
        op.execute(
            "CREATE TRIGGER prison_custody_now_track AFTER INSERT ON prison_movement"
            " FOR EACH ROW EXECUTE FUNCTION prison_custody_now_track()"
        )
    else:
        op.execute(
            "CREATE TRIGGER prison_custody_now_track AFTER INSERT ON prison_movement"
            f" BEGIN {UPSERT} END"
        )
    op.execute(BACKFILL)


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER prison_custody_now_track ON prison_movement")
        op.execute("DROP FUNCTION prison_custody_now_track()")
    else:
        op.execute("DROP TRIGGER prison_custody_now_track")
    op.drop_index(op.f("ix_prison_custody_now_state"), table_name="prison_custody_now")
    op.drop_table("prison_custody_now")
