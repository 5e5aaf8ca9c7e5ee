"""BCO export contract: change feed (outbox), cursor pages, data package, OpenAPI, tokens."""
