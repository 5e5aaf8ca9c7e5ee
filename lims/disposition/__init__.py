"""Forensic LIMS: disposition."""
