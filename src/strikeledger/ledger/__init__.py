"""The ledger: documents, reports and their items in DuckDB or PostgreSQL; events."""
