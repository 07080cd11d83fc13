"""The warehouse's table names, apart from the DuckDB connection code: extraction workers
build Arrow tables for them without importing DuckDB (about 20 MB per process)."""

FACT_TABLES = ("funding_rounds", "valuations", "money_mentions", "model_counts", "dates", "quotes")
ALL_TABLES = ("documents", "document_sources", *FACT_TABLES, "runs", "rejects")
