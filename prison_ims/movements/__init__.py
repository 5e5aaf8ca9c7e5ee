"""Prison IMS: movements."""
