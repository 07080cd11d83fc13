-- zhfacts warehouse, contract v1 (see README "Schema"). Idempotent: safe to run on every open.
-- No PRIMARY KEYs: the loader keeps fact_id and doc_id unique by replacing a document's rows
-- (DELETE by doc_id + INSERT in one transaction), which DuckDB does ~10x faster than upserts.

CREATE TABLE IF NOT EXISTS documents (
    doc_id            VARCHAR NOT NULL,
    source_uri        VARCHAR NOT NULL,
    title             VARCHAR,
    source_name       VARCHAR,
    author            VARCHAR,
    url               VARCHAR,
    published_at      TIMESTAMP,
    script            VARCHAR NOT NULL,
    raw_text          VARCHAR NOT NULL,
    clean_text        VARCHAR NOT NULL,
    content_sha256    VARCHAR NOT NULL,
    encoding          VARCHAR,
    chars_removed     INTEGER,
    extractor_version VARCHAR,
    ingested_at       TIMESTAMP NOT NULL,
    run_id            VARCHAR NOT NULL
);

-- Every path (or JSONL line) a document was read from; one document may have several.
-- input_fingerprint: hash of the text and source fields read there; a run skips an input whose
-- fingerprint is loaded under the current rule set (documents.extractor_version).
CREATE TABLE IF NOT EXISTS document_sources (
    doc_id            VARCHAR NOT NULL,
    source_uri        VARCHAR NOT NULL,
    first_seen        TIMESTAMP NOT NULL,
    last_seen         TIMESTAMP NOT NULL,
    run_id            VARCHAR NOT NULL,
    input_fingerprint BIGINT
);
-- Warehouses made before incremental runs: add the column (their next run re-extracts once).
ALTER TABLE document_sources ADD COLUMN IF NOT EXISTS input_fingerprint BIGINT;

CREATE TABLE IF NOT EXISTS funding_rounds (
    fact_id          VARCHAR NOT NULL,
    doc_id           VARCHAR NOT NULL,
    evidence         VARCHAR NOT NULL,
    span_start       INTEGER NOT NULL,
    span_end         INTEGER NOT NULL,
    raw_span_start   INTEGER,
    raw_span_end     INTEGER,
    extractor        VARCHAR NOT NULL,
    run_id           VARCHAR NOT NULL,
    deal_type        VARCHAR NOT NULL,
    company          VARCHAR,
    company_aliases  VARCHAR[],
    investors        VARCHAR[],
    round            VARCHAR,
    amount           DOUBLE,
    amount_max       DOUBLE,
    currency         VARCHAR,
    amount_usd       DOUBLE,
    amount_qualifier VARCHAR,
    amount_text      VARCHAR,
    company_count    INTEGER,
    announced_on     DATE,
    date_precision   VARCHAR
);

CREATE TABLE IF NOT EXISTS valuations (
    fact_id          VARCHAR NOT NULL,
    doc_id           VARCHAR NOT NULL,
    evidence         VARCHAR NOT NULL,
    span_start       INTEGER NOT NULL,
    span_end         INTEGER NOT NULL,
    raw_span_start   INTEGER,
    raw_span_end     INTEGER,
    extractor        VARCHAR NOT NULL,
    run_id           VARCHAR NOT NULL,
    company          VARCHAR NOT NULL,
    company_aliases  VARCHAR[],
    amount           DOUBLE,
    amount_max       DOUBLE,
    currency         VARCHAR,
    amount_usd       DOUBLE,
    amount_qualifier VARCHAR,
    amount_text      VARCHAR,
    basis            VARCHAR,
    as_of            DATE,
    date_precision   VARCHAR
);

CREATE TABLE IF NOT EXISTS money_mentions (
    fact_id          VARCHAR NOT NULL,
    doc_id           VARCHAR NOT NULL,
    evidence         VARCHAR NOT NULL,
    span_start       INTEGER NOT NULL,
    span_end         INTEGER NOT NULL,
    raw_span_start   INTEGER,
    raw_span_end     INTEGER,
    extractor        VARCHAR NOT NULL,
    run_id           VARCHAR NOT NULL,
    amount           DOUBLE,
    amount_max       DOUBLE,
    currency         VARCHAR,
    amount_usd       DOUBLE,
    amount_qualifier VARCHAR,
    amount_text      VARCHAR
);

CREATE TABLE IF NOT EXISTS model_counts (
    fact_id          VARCHAR NOT NULL,
    doc_id           VARCHAR NOT NULL,
    evidence         VARCHAR NOT NULL,
    span_start       INTEGER NOT NULL,
    span_end         INTEGER NOT NULL,
    raw_span_start   INTEGER,
    raw_span_end     INTEGER,
    extractor        VARCHAR NOT NULL,
    run_id           VARCHAR NOT NULL,
    count            INTEGER NOT NULL,
    qualifier        VARCHAR NOT NULL,
    count_text       VARCHAR,
    subject          VARCHAR,
    region           VARCHAR,
    as_of            DATE,
    date_precision   VARCHAR
);

CREATE TABLE IF NOT EXISTS dates (
    fact_id          VARCHAR NOT NULL,
    doc_id           VARCHAR NOT NULL,
    evidence         VARCHAR NOT NULL,
    span_start       INTEGER NOT NULL,
    span_end         INTEGER NOT NULL,
    raw_span_start   INTEGER,
    raw_span_end     INTEGER,
    extractor        VARCHAR NOT NULL,
    run_id           VARCHAR NOT NULL,
    text             VARCHAR NOT NULL,
    start_date       DATE,
    end_date         DATE,
    precision        VARCHAR,
    is_relative      BOOLEAN NOT NULL,
    anchor_date      DATE
);

CREATE TABLE IF NOT EXISTS quotes (
    fact_id          VARCHAR NOT NULL,
    doc_id           VARCHAR NOT NULL,
    evidence         VARCHAR NOT NULL,
    span_start       INTEGER NOT NULL,
    span_end         INTEGER NOT NULL,
    raw_span_start   INTEGER,
    raw_span_end     INTEGER,
    extractor        VARCHAR NOT NULL,
    run_id           VARCHAR NOT NULL,
    speaker          VARCHAR NOT NULL,
    speaker_title    VARCHAR,
    quote            VARCHAR NOT NULL,
    cue              VARCHAR,
    direct           BOOLEAN NOT NULL
);

-- status: running | completed | failed | interrupted (killed; marked by the next run, which
-- redoes only what it had not loaded). Counters are updated with every loaded batch.
CREATE TABLE IF NOT EXISTS runs (
    run_id         VARCHAR NOT NULL,
    flow_run_id    VARCHAR,
    started_at     TIMESTAMP NOT NULL,
    finished_at    TIMESTAMP,
    status         VARCHAR NOT NULL,
    sources        VARCHAR[],
    docs_seen      INTEGER,
    docs_loaded    INTEGER,
    docs_unchanged INTEGER,
    docs_rejected  INTEGER,
    facts_loaded   INTEGER,
    task_runner    VARCHAR,
    extract_seconds DOUBLE
);
-- extra: where extraction ran, and its CPU seconds summed over workers (see bench/).
ALTER TABLE runs ADD COLUMN IF NOT EXISTS task_runner VARCHAR;
ALTER TABLE runs ADD COLUMN IF NOT EXISTS extract_seconds DOUBLE;

CREATE TABLE IF NOT EXISTS rejects (
    run_id      VARCHAR NOT NULL,
    source_uri  VARCHAR NOT NULL,
    reason      VARCHAR NOT NULL,
    detail      VARCHAR,
    rejected_at TIMESTAMP NOT NULL
);

-- Columns added after the first release: a warehouse created before them gains them here.
ALTER TABLE funding_rounds ADD COLUMN IF NOT EXISTS company_aliases VARCHAR[];
ALTER TABLE valuations ADD COLUMN IF NOT EXISTS company_aliases VARCHAR[];
