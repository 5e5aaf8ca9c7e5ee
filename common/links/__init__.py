"""Links between lab cases and the court cases they concern, and adjournments awaiting the lab."""
