"""Regenerate the messy register samples in tests/data/ (deterministic)."""

from pathlib import Path

from common.imports.samples import write_samples

if __name__ == "__main__":
    for name in write_samples(Path(__file__).parent):
        print(name)
