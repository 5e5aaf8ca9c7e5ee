"""Prison demo data: the housing layout of Belize Central Prison."""

from prison_ims.housing.services import seed_layout


def load_demo(scale, seed, progressbar):
    """Create the units, blocks and cells; returns summary lines."""
    return [f"Prison cells created: {seed_layout()}"]
