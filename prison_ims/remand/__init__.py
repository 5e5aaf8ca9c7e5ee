"""Remand."""
