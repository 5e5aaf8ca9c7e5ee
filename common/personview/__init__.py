"""One page per person across the prison, the court and the laboratory."""
