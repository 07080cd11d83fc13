-- Investors by the number of companies they put money into.
SELECT investor, count(DISTINCT company) AS companies, list(DISTINCT company) AS portfolio
FROM (SELECT unnest(investors) AS investor, company FROM funding_rounds WHERE deal_type IN ('funding', 'investment'))
GROUP BY investor
ORDER BY companies DESC, investor
LIMIT 20;
