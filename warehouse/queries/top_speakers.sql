-- Who is quoted most (direct quotes only), with a title they were given.
SELECT speaker, any_value(speaker_title) AS title, count(*) AS quotes, count(DISTINCT doc_id) AS articles
FROM quotes
WHERE direct
GROUP BY speaker
ORDER BY quotes DESC
LIMIT 20;
