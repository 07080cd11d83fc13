-- One click to check a fact: the matched text in clean_text and the same span in the raw page.
SELECT f.fact_id, f.company, f.amount_text,
       substr(d.clean_text, f.span_start + 1, f.span_end - f.span_start) AS clean_span,
       substr(d.raw_text, f.raw_span_start + 1, f.raw_span_end - f.raw_span_start) AS raw_span,
       d.source_uri
FROM funding_rounds f JOIN documents d USING (doc_id)
LIMIT 20;
