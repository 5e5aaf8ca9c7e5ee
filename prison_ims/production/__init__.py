"""The production list: inmates to be taken to court on a day, from the courts' listings."""
