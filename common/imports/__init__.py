"""Excel/CSV import of paper-era registers: reading, mapping, validation, idempotent writing."""
