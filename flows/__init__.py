"""Orchestration: Prefect flows over batches of documents, and the `zhfacts` command line."""
