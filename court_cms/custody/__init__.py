"""What the court's orders ask of the prison: inbox items, production listings, attendance."""
