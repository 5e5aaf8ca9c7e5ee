"""The management dashboard: the three systems' headline figures on one page."""
