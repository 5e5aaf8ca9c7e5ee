"""The prison's inbox of court orders: accepted into an admission, or rejected."""
