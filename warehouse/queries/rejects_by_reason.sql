-- What the last runs could not read, and why.
SELECT reason, count(*) AS n, any_value(source_uri) AS example
FROM rejects
GROUP BY reason
ORDER BY n DESC;
