"""The shipped sample files are exactly what the generator script writes."""

from common.imports.samples import write_samples
from tests.common.imports.helpers import DATA


def test_shipped_samples_match_the_generator(tmp_path):
    for name in write_samples(tmp_path):
        assert (tmp_path / name).read_bytes() == (DATA / name).read_bytes(), name
