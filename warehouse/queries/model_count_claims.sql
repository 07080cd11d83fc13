-- What articles claimed about how many large models exist, oldest claim first.
SELECT as_of, qualifier, count, region, subject, d.title, m.evidence
FROM model_counts m JOIN documents d USING (doc_id)
ORDER BY as_of NULLS LAST, count;
