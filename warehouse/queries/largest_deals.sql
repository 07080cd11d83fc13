-- The largest funding rounds, investments and acquisitions, in US dollars, with their evidence.
SELECT company, deal_type, round, amount_text, round(amount_usd / 1e6, 1) AS usd_millions,
       investors, announced_on, evidence
FROM funding_rounds
WHERE deal_type <> 'aggregate' AND amount_usd IS NOT NULL
ORDER BY amount_usd DESC
LIMIT 20;
