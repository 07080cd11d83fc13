-- How many deals were announced each month, and how much money they name.
SELECT date_trunc('month', announced_on) AS month,
       count(*) AS deals,
       count(amount_usd) AS with_amount,
       round(sum(amount_usd) / 1e9, 2) AS usd_billions
FROM funding_rounds
WHERE deal_type IN ('funding', 'investment') AND announced_on IS NOT NULL
GROUP BY 1
ORDER BY 1;
