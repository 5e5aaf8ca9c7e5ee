"""Forensic LIMS: metrics."""
