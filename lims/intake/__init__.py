"""Forensic LIMS: intake."""
