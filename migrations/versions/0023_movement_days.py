"""movement days: the sums of each UTC day's movement deltas, kept by a trigger

Revision ID: 0023_movement_days
Revises: 0022_custody_now_hot
Create Date: 2026-12-04 02:10:00

The roll checks its count against the sums of every movement ever recorded; at demo scale 10
that was a scan of 140,000 rows on every roll. Movements are never edited or deleted, so a
trigger adds each one to its day's row and a count becomes a sum over a few thousand days
plus one day's movements.
"""

import sqlalchemy as sa
from alembic import op

revision = "0023_movement_days"
down_revision = "0022_custody_now_hot"
branch_labels = None
depends_on = None

UPSERT = """
    INSERT INTO prison_movement_day (day, custody, present, movements)
    VALUES ({day}, NEW.custody_delta, NEW.present_delta, 1)
    ON CONFLICT (day) DO UPDATE SET
        custody = prison_movement_day.custody + excluded.custody,
        present = prison_movement_day.present + excluded.present,
        movements = prison_movement_day.movements + 1;
"""

BACKFILL = """
    INSERT INTO prison_movement_day (day, custody, present, movements)
    SELECT {day}, sum(custody_delta), sum(present_delta), count(*)
    FROM prison_movement GROUP BY 1
"""

PG_DAY = "(({column}) AT TIME ZONE 'UTC')::date"
SQLITE_DAY = "date({column})"


def upgrade():
    op.create_table(
        "prison_movement_day",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("custody", sa.Integer(), nullable=False),
        sa.Column("present", sa.Integer(), nullable=False),
        sa.Column("movements", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_prison_movement_day")),
    )
    if op.get_bind().dialect.name == "postgresql":
        upsert = UPSERT.format(day=PG_DAY.format(column="NEW.occurred_at"))
        op.execute(
            "CREATE FUNCTION prison_movement_day_add() RETURNS trigger LANGUAGE plpgsql AS $$"
            f" BEGIN {upsert} RETURN NULL; END $$"
        )
        op.execute(
            "CREATE TRIGGER prison_movement_day_add AFTER INSERT ON prison_movement"
            " FOR EACH ROW EXECUTE FUNCTION prison_movement_day_add()"
        )
        op.execute(BACKFILL.format(day=PG_DAY.format(column="occurred_at")))
    else:
        upsert = UPSERT.format(day=SQLITE_DAY.format(column="NEW.occurred_at"))
        op.execute(
            "CREATE TRIGGER prison_movement_day_add AFTER INSERT ON prison_movement"
            f" BEGIN {upsert} END"
        )
        op.execute(BACKFILL.format(day=SQLITE_DAY.format(column="occurred_at")))


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER prison_movement_day_add ON prison_movement")
        op.execute("DROP FUNCTION prison_movement_day_add()")
    else:
        op.execute("DROP TRIGGER prison_movement_day_add")
    op.drop_table("prison_movement_day")
