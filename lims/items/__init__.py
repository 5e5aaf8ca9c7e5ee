"""Forensic LIMS: items."""
