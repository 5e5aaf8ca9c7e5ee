"""Cross-system flows: what each app tells the others, and remand delay attribution."""
