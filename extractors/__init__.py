"""Pure extraction functions: cleaning, numbers and money, dates, funding, valuations,
model counts and quotes. Nothing here knows about Prefect or DuckDB."""
