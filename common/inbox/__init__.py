"""The inbox of pending actions between systems, and the court's production listings."""
