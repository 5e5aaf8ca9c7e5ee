"""Forensic LIMS: custody."""
