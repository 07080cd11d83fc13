-- Each company's most recent valuation in the warehouse.
SELECT company, amount_text, round(amount_usd / 1e9, 2) AS usd_billions, basis, as_of, evidence
FROM valuations
QUALIFY row_number() OVER (PARTITION BY company ORDER BY as_of DESC NULLS LAST, amount_usd DESC) = 1
ORDER BY amount_usd DESC NULLS LAST;
