"""Writes the fixture run folder `price-run/` for ShockFlowReportTests (PriceReportTests): the files of
docs/results-format.md, price tables included, for a made-up DIIM run on China's 31 provinces (codes from
china-2017's provinces.csv) x three sectors over three quarters, and `price-expected.json` with what the
report's price section must show, worked out here independently of ShockFlow:

- the period of the national CPI's largest change, whatever its sign (the first on ties);
- every province's CPI change (scenario - baseline) in that period;
- every sector's price change in that period, averaged over the provinces with weights the baseline
  output of period 0 (the base-year output x; the baseline grows at a different rate in every cell, so
  the weights of another period give other values).

The national CPI rises by 0.1 % in quarter 1 and falls by 0.3 % in quarter 2: quarter 2 is shown, and
its changes are negative. Tibet's CPI falls by exactly 1.25 % there.

Run from the repository root:  python3 Tests/ShockFlowReportTests/Fixtures/make_price_run.py
"""

import csv
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "price-run")
PROVINCES = os.path.join(HERE, "..", "..", "..", "Sources", "ShockFlowFormats", "Resources", "china-2017-inputs",
                         "provinces.csv")
SECTORS = ["01", "02", "03"]
SECTOR_NAMES = {"01": "Agriculture", "02": "Foods", "03": "Services"}
PERIODS = 3
# The price shock's strength per period: the changes of the second quarter are those of the first times -3.
PROFILE = [0.0, 1.0, -3.0]


def number(value):
    return repr(float(value)) if value != int(value) else str(int(value))


def compared(baseline, scenario):
    difference = scenario - baseline
    return [number(baseline), number(scenario), number(difference), number(difference / baseline) if baseline else ""]


def table(name, header, rows):
    with open(os.path.join(OUT, name), "w") as handle:
        handle.write(",".join(header) + "\n")
        for row in rows:
            handle.write(",".join(row) + "\n")


def output(r, s, period):
    """Baseline and scenario output of a cell: base 100 + 10 r + 30 s, growing 1 % + 0.5 % per sector a quarter."""
    base = (100 + 10 * r + 30 * s) * (1 + 0.01 + 0.005 * s + 0.001 * r) ** period
    return base, base * (1 - 0.02 * PROFILE[period] ** 2)


def price_change(r, s):
    """Δp of a cell at a profile of 1: sector 02 most, rising with the region's index; 03 falls a little."""
    return [0.0005 * (1 + r % 5), 0.001 * (1 + r / 10), -0.0002][s]


def cpi_change(code, r):
    """ΔCPI of a province at a profile of 1; Tibet's is set so that quarter 2 shows exactly −1.25 %."""
    return 0.0125 / 3 if code == "CN-XZ" else 0.0002 * (1 + r % 7)


def main():
    with open(PROVINCES, newline="") as handle:
        provinces = [(row["code"], row["name_en"]) for row in csv.DictReader(handle)]
    os.makedirs(OUT, exist_ok=True)
    cells, regions, sectors, prices, indices = [], [], [], [], []
    national = []
    for period in range(PERIODS):
        region_sums = {}
        sector_sums = {}
        for r, (code, _) in enumerate(provinces):
            for s, sector in enumerate(SECTORS):
                baseline, scenario = output(r, s, period)
                cells.append([str(period), code, sector, "output"] + compared(baseline, scenario))
                region_sums.setdefault(code, [0, 0])
                sector_sums.setdefault(sector, [0, 0])
                for sums in (region_sums[code], sector_sums[sector]):
                    sums[0] += baseline
                    sums[1] += scenario
                change = PROFILE[period] * price_change(r, s)
                prices.append([str(period), code, sector] + compared(1, 1 + change))
        for code, (baseline, scenario) in region_sums.items():
            regions.append([str(period), code, "output"] + compared(baseline, scenario))
        for sector, (baseline, scenario) in sector_sums.items():
            sectors.append([str(period), sector, "output"] + compared(baseline, scenario))
        changes = []
        for r, (code, _) in enumerate(provinces):
            change = PROFILE[period] * cpi_change(code, r)
            changes.append(change)
            indices.append([str(period), code, "cpi"] + compared(1, 1 + change))
            indices.append([str(period), code, "ppi"] + compared(1, 1 + PROFILE[period] * 0.01))
        national.append(PROFILE[period] * 0.001)
        indices.append([str(period), "CN", "cpi"] + compared(1, 1 + national[-1]))
        indices.append([str(period), "CN", "ppi"] + compared(1, 1 + PROFILE[period] * 0.01))

    largest = max(abs(change) for change in national)
    shown = next(period for period, change in enumerate(national) if abs(change) == largest)
    expected = {"period": shown, "index": "cpi", "regions": {}, "sectors": {}}
    for r, (code, _) in enumerate(provinces):
        expected["regions"][code] = PROFILE[shown] * cpi_change(code, r)
    for s, sector in enumerate(SECTORS):
        weights = [output(r, s, 0)[0] for r in range(len(provinces))]
        changes = [PROFILE[shown] * price_change(r, s) for r in range(len(provinces))]
        expected["sectors"][sector] = sum(w * c for w, c in zip(weights, changes)) / sum(weights)

    value = ["baseline", "scenario", "difference", "relative"]
    table("cells.csv", ["period", "region", "sector", "metric"] + value, cells)
    table("regions.csv", ["period", "region", "metric"] + value, regions)
    table("sectors.csv", ["period", "sector", "metric"] + value, sectors)
    table("prices.csv", ["period", "region", "sector", "price_baseline", "price_scenario", "difference", "relative"], prices)
    table("price_indices.csv", ["period", "region", "index"] + value, indices)
    loss = sum(float(row[4]) - float(row[5]) for row in regions)
    table("summary.csv", ["metric", "value", "unit", "detail"], [
        ["cumulative_output_loss", number(loss), "\"10,000 yuan\"", "baseline − scenario summed over 3 periods"],
        ["note", "", "", "a made-up run with prices for the report's tests"],
    ])
    manifest = {
        "command": "run",
        "economy": "price-fixture",
        "economy_format": "shockflow-folder",
        "economy_metadata": {
            "money_unit": "10,000 yuan", "currency": "CNY", "scale": 10000,
            "regions": [{"code": code, "name": name} for code, name in provinces],
            "sectors": [{"code": code, "name": SECTOR_NAMES[code]} for code in SECTORS],
            "products": [],
        },
        "engine": {"name": "shockflow", "version": "0.1.0", "blas_kernel": "Haswell", "blas_threads": 1},
        "inputs": [{"path": "price-fixture.yaml", "sha256": "1" * 64}],
        "parameters": {
            "model": "diim", "horizon.periods": "3", "horizon.period": "quarter", "horizon.period_years": "0.25",
            "scenario.name": "price-fixture", "scenario.file": "price-fixture.yaml",
            "shocks.dearer.kind": "import_price", "shocks.dearer.magnitude": "0.2", "shocks.dearer.share": "1",
            "shocks.dearer.target": "01", "shocks.dearer.profile_values": " ".join(number(v) for v in PROFILE),
        },
        "seed": 1,
        "started_at": "2026-01-01T00:00:00.000Z",
        "finished_at": "2026-01-01T00:00:01.000Z",
        "notes": ["made up for the report's tests"],
    }
    with open(os.path.join(OUT, "manifest.json"), "w") as handle:
        json.dump(manifest, handle, indent=2, sort_keys=True, ensure_ascii=False)
        handle.write("\n")
    with open(os.path.join(HERE, "price-expected.json"), "w") as handle:
        json.dump(expected, handle, indent=2, sort_keys=True)
        handle.write("\n")


if __name__ == "__main__":
    main()
