"""Writes the fixture run folder `two-region-run/` for ShockFlowReportTests: the files of
docs/results-format.md for a made-up dynamic run on two regions (NORTH, SOUTH) x two sectors over
three yearly periods, and `expected.json` with the totals the report must show, summed here
independently of ShockFlow:

- per region, sector and cell: the cumulative difference (scenario - baseline summed over periods) of
  value_added, the headline metric;
- per region: the scenario's investment weight in the first and in the last period;
- per region and per sector: how much the plan tilts of plan.csv raise the base weights W(0) (the
  baseline weights of period 0) before normalisation, Σ W(0) / Σ W(0)·exp(−π′) − 1, with π′ the
  region's own tilt (its table rows and hand-written entries) or, for sectors, the whole tilt.

Run from the repository root:  python3 Tests/ShockFlowReportTests/Fixtures/make_two_region_run.py
"""

import json
import math
import os

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "two-region-run")
REGIONS = ["NORTH", "SOUTH"]
SECTORS = ["01", "02"]
PERIODS = 3
PROFILE = [0.0, 1.0, 0.5]
METRICS = ["output", "value_added"]


def number(value):
    return repr(float(value)) if value != int(value) else str(int(value))


def cell_values(region, sector, metric, period):
    """Baseline and scenario of one cell: the shock cuts sector 02 of SOUTH hardest; NORTH/01 gains."""
    r, s = REGIONS.index(region), SECTORS.index(sector)
    base = (100 + 40 * r + 25 * s) * (1.02 ** period) * (1 if metric == "output" else 0.4)
    cut = PROFILE[period] * (0.1 if (r, s) == (1, 1) else 0.02 * (1 + r + s))
    gain = PROFILE[period] * 0.05 if (r, s) == (0, 0) else 0
    return base, base * (1 - cut + gain)


def weights(region, sector, period):
    base = [[0.1, 0.2], [0.3, 0.4]][REGIONS.index(region)][SECTORS.index(sector)]
    shift = {("SOUTH", "02"): 0.02, ("NORTH", "01"): -0.02}.get((region, sector), 0) * period
    return base, base + shift


# plan.csv: (region, sector) -> (table tilt, national tilt, hand-written tilt, table rows).
PLAN = {
    ("NORTH", "01"): (0.0, 0.0, 0.0, ""),
    ("NORTH", "02"): (0.5, 0.25, 0.0, "table.csv:2 table.csv:9"),
    ("SOUTH", "01"): (0.0, 0.0, 0.3, ""),
    ("SOUTH", "02"): (0.0, 0.25, 0.0, "table.csv:9"),
}


def plan_raise(part, key):
    """Σ W(0) / Σ W(0)·exp(−part) − 1 per group."""
    tilted, untilted = {}, {}
    for (region, sector), tilts in PLAN.items():
        weight = weights(region, sector, 0)[0]
        group = key(region, sector)
        tilted[group] = tilted.get(group, 0) + weight
        untilted[group] = untilted.get(group, 0) + weight * math.exp(-part(tilts))
    return {group: tilted[group] / untilted[group] - 1 for group in tilted}


def table(name, header, rows):
    with open(os.path.join(OUT, name), "w") as handle:
        handle.write(",".join(header) + "\n")
        for row in rows:
            handle.write(",".join(row) + "\n")


def compared(baseline, scenario):
    difference = scenario - baseline
    return [number(baseline), number(scenario), number(difference), number(difference / baseline) if baseline else ""]


def main():
    os.makedirs(OUT, exist_ok=True)
    cells, regions, sectors = [], [], []
    expected = {"regions": {}, "sectors": {}, "cells": {}, "weights_first": {}, "weights_last": {}}
    for period in range(PERIODS):
        for region in REGIONS:
            for sector in SECTORS:
                for metric in METRICS:
                    baseline, scenario = cell_values(region, sector, metric, period)
                    cells.append([str(period), region, sector, metric] + compared(baseline, scenario))
                    if metric == "value_added":
                        key = f"{region}/{sector}"
                        expected["cells"][key] = expected["cells"].get(key, 0) + scenario - baseline
        for region in REGIONS:
            for metric in METRICS:
                pairs = [cell_values(region, s, metric, period) for s in SECTORS]
                baseline, scenario = sum(p[0] for p in pairs), sum(p[1] for p in pairs)
                regions.append([str(period), region, metric] + compared(baseline, scenario))
                if metric == "value_added":
                    expected["regions"][region] = expected["regions"].get(region, 0) + scenario - baseline
        for sector in SECTORS:
            for metric in METRICS:
                pairs = [cell_values(r, sector, metric, period) for r in REGIONS]
                baseline, scenario = sum(p[0] for p in pairs), sum(p[1] for p in pairs)
                sectors.append([str(period), sector, metric] + compared(baseline, scenario))
                if metric == "value_added":
                    expected["sectors"][sector] = expected["sectors"].get(sector, 0) + scenario - baseline
    value = ["baseline", "scenario", "difference", "relative"]
    table("cells.csv", ["period", "region", "sector", "metric"] + value, cells)
    table("regions.csv", ["period", "region", "metric"] + value, regions)
    table("sectors.csv", ["period", "sector", "metric"] + value, sectors)
    table("products.csv", ["period", "product", "metric"] + value, [])
    rows = []
    for period in range(PERIODS):
        for region in REGIONS:
            for sector in SECTORS:
                baseline, scenario = weights(region, sector, period)
                rows.append([str(period), region, sector, number(baseline), number(scenario)])
    table("weights.csv", ["period", "region", "sector", "weight_baseline", "weight_scenario"], rows)
    for region in REGIONS:
        expected["weights_first"][region] = sum(weights(region, s, 0)[1] for s in SECTORS)
        expected["weights_last"][region] = sum(weights(region, s, PERIODS - 1)[1] for s in SECTORS)
    table("plan.csv", ["region", "sector", "tilt", "table_tilt", "national_tilt", "priorities_tilt", "rows"], [
        [region, sector, number(own + national + written), number(own), number(national), number(written), rows]
        for (region, sector), (own, national, written, rows) in PLAN.items()
    ])
    expected["plan_regions"] = plan_raise(lambda t: t[0] + t[2], lambda region, sector: region)
    expected["plan_sectors"] = plan_raise(lambda t: t[0] + t[1] + t[2], lambda region, sector: sector)
    loss = -sum(expected["regions"].values())
    table("summary.csv", ["metric", "value", "unit", "detail"], [
        ["cumulative_value_added_loss", number(loss), "million euros", "baseline − scenario summed over 3 periods"],
        ["worst_region_1", number(-expected["regions"]["SOUTH"]), "million euros", "\"SOUTH (The South): cumulative loss\""],
        ["worst_sector_1", number(-expected["sectors"]["02"]), "million euros", "\"02 (Machinery): cumulative loss\""],
        ["note", "", "", "a made-up run for the report's tests"],
    ])
    manifest = {
        "command": "run",
        "economy": "two-region-fixture",
        "economy_format": "shockflow-folder",
        "engine": {"name": "shockflow", "version": "0.1.0", "blas_kernel": "Haswell", "blas_threads": 1},
        "inputs": [{"path": "two-region.yaml", "sha256": "0" * 64}],
        "parameters": {
            "model": "dynamic", "horizon.periods": "3", "horizon.period_years": "1",
            "scenario.name": "two-region-fixture", "scenario.file": "two-region.yaml",
            "shocks.cut.kind": "import", "shocks.cut.magnitude": "0.5", "shocks.cut.share": "1",
            "shocks.cut.target": "02", "shocks.cut.profile_values": " ".join(number(v) for v in PROFILE),
            "strategic.cells": "NORTH/02=1 SOUTH/02=1",
        },
        "seed": 1,
        "started_at": "2026-01-01T00:00:00.000Z",
        "finished_at": "2026-01-01T00:00:01.000Z",
        "notes": ["made up for the report's tests"],
    }
    with open(os.path.join(OUT, "manifest.json"), "w") as handle:
        json.dump(manifest, handle, indent=2, sort_keys=True)
        handle.write("\n")
    with open(os.path.join(os.path.dirname(OUT), "two-region-expected.json"), "w") as handle:
        json.dump(expected, handle, indent=2, sort_keys=True)
        handle.write("\n")


if __name__ == "__main__":
    main()
