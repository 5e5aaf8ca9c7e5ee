"""Prison IMS: daily population snapshots (the counts the BCO publishes)."""
