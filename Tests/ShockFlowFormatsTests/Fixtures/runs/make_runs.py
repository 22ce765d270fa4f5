"""Writes the hand-made run folders that the compare tests read (python3 make_runs.py, from this folder).

Each folder is laid out as `shockflow run` writes one (docs/results-format.md) for a two-period run on
the two-region test economy (north, south x agri, manu) with two metrics. The numbers are chosen by
hand so that the differences between the folders are known:

  base           the reference run ("two-chips")
  identical      the same files as base
  one-change     base with one value changed: period 1, south, manu, value_added, scenario 24 -> 18
                 (against base: -6, relative -0.25)
  missing-row    base without the row period 0, north, agri, output
  shuffled       base with each period's rows in reverse order (same keys and values)
  other-economy  base run on another economy (manifest: world-2011)
  other-files    base on an economy of the same name whose Z.csv differs (another SHA-256)
  other-horizon  the same scenario over three periods
  quarters-8     the same scenario over 8 quarters
  quarters-12    over 12 quarters, the first 8 as quarters-8's but for one value: period 3, north, manu,
                 output, scenario 40 -> 44 (against quarters-8: +4, relative +0.1)
  years-8        over 8 years (period length 1 year)
  ranked         base with ranked rows in summary.csv: worst regions south, north; worst sector manu;
                 largest weight increase south/manu
  ranked-other   the same ranks with other subjects or values: worst regions north, south; worst sector
                 manu (a larger loss); largest weight increase north/manu (the same value)
  not-a-run      a folder without manifest.json
  truncated      base whose cells.csv is cut in the middle of its last line
  bad-header     base whose cells.csv calls `difference` `diff`
  nan-value      base with "nan" as a scenario value (line 6)
  nan-baseline   base with "nan" as a baseline value (line 4), a column compare does not compare by default
  unsorted       base whose cells.csv has period 1 before period 0
"""
import json
import shutil
from pathlib import Path

REGIONS = ["north", "south"]
SECTORS = ["agri", "manu"]
METRICS = ["output", "value_added"]
# Output per cell (region-major): the baseline in every period, the scenario in period 1 (period 0 is unshocked).
BASELINE_OUTPUT = [100, 50, 80, 60]
SCENARIO_OUTPUT = [95, 40, 78, 48]
VALUE_ADDED_SHARE = 0.5
ECONOMY_FILES = {"economy.yaml": "1" * 64, "Z.csv": "2" * 64, "Y.csv": "3" * 64, "x.csv": "4" * 64}


def number(value):
    return str(int(value)) if value == int(value) else repr(value)


def comparison(baseline, scenario):
    difference = scenario - baseline
    relative = number(difference / baseline) if baseline != 0 else ""
    return f"{number(baseline)},{number(scenario)},{number(difference)},{relative}"


def cell_values(periods):
    """(period, cell, metric) -> (baseline, scenario)."""
    values = {}
    for period in range(periods):
        for cell in range(4):
            baseline = BASELINE_OUTPUT[cell]
            scenario = baseline if period == 0 else SCENARIO_OUTPUT[cell]
            values[(period, cell, "output")] = (baseline, scenario)
            values[(period, cell, "value_added")] = (baseline * VALUE_ADDED_SHARE, scenario * VALUE_ADDED_SHARE)
    return values


def write_run(folder, values, periods, name="two-chips", economy="two-region", files=ECONOMY_FILES, period_years="0.25",
              ranked=()):
    folder.mkdir(parents=True, exist_ok=True)
    lines = ["period,region,sector,metric,baseline,scenario,difference,relative"]
    for period in range(periods):
        for cell in range(4):
            region, sector = REGIONS[cell // 2], SECTORS[cell % 2]
            for metric in METRICS:
                lines.append(f"{period},{region},{sector},{metric}," + comparison(*values[(period, cell, metric)]))
    (folder / "cells.csv").write_text("\n".join(lines) + "\n")
    for column, labels, group in (("region", REGIONS, lambda cell: cell // 2), ("sector", SECTORS, lambda cell: cell % 2)):
        lines = [f"period,{column},metric,baseline,scenario,difference,relative"]
        for period in range(periods):
            for index, label in enumerate(labels):
                for metric in METRICS:
                    cells = [cell for cell in range(4) if group(cell) == index]
                    baseline = sum(values[(period, cell, metric)][0] for cell in cells)
                    scenario = sum(values[(period, cell, metric)][1] for cell in cells)
                    lines.append(f"{period},{label},{metric}," + comparison(baseline, scenario))
        (folder / f"{column}s.csv").write_text("\n".join(lines) + "\n")
    baseline = sum(values[(period, cell, "value_added")][0] for period in range(periods) for cell in range(4))
    loss = sum(values[(period, cell, "value_added")][0] - values[(period, cell, "value_added")][1]
               for period in range(periods) for cell in range(4))
    summary = [
        "metric,value,unit,detail",
        f'cumulative_value_added_loss,{number(loss)},"10,000 yuan",baseline − scenario summed over {periods} periods and every cell',
        f"cumulative_value_added_loss_percent,{number(100 * loss / baseline)},%,of the baseline's value_added",
        *ranked,
        "note,,,a hand-made run for the compare tests",
    ]
    (folder / "summary.csv").write_text("\n".join(summary) + "\n")
    scenario_file = f"scenarios/{name}.yaml"
    manifest = {
        "command": "run",
        "economy": economy,
        "economy_format": "shockflow-folder",
        "inputs": [{"path": f"economies/{economy}/{file}", "sha256": digest} for file, digest in files.items()]
        + [{"path": scenario_file, "sha256": "5" * 64}],
        "parameters": {
            "scenario.name": name,
            "scenario.file": scenario_file,
            "economy": economy,
            "model": "dynamic",
            "horizon.periods": str(periods),
            "horizon.period_years": period_years,
        },
        "seed": 1,
        "started_at": "2025-11-29T00:00:00.000Z",
        "finished_at": "2025-11-29T00:00:01.000Z",
        "notes": [],
    }
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")


def edit_cells(folder, edit):
    path = folder / "cells.csv"
    path.write_text(edit(path.read_text()))


here = Path(__file__).resolve().parent
for child in here.iterdir():
    if child.is_dir():
        shutil.rmtree(child)

base = cell_values(2)
write_run(here / "base", base, 2)
write_run(here / "identical", base, 2)
changed = dict(base)
changed[(1, 3, "value_added")] = (30, 18)
write_run(here / "one-change", changed, 2, name="two-chips-less-substitution")
write_run(here / "missing-row", base, 2)
edit_cells(here / "missing-row", lambda text: text.replace("0,north,agri,output,100,100,0,0\n", ""))
write_run(here / "shuffled", base, 2)
edit_cells(here / "shuffled", lambda text: "\n".join(
    [text.splitlines()[0]] + text.splitlines()[8:0:-1] + text.splitlines()[16:8:-1]) + "\n")
write_run(here / "other-economy", base, 2, economy="world-2011")
write_run(here / "other-files", base, 2, files={**ECONOMY_FILES, "Z.csv": "6" * 64})
write_run(here / "other-horizon", cell_values(3), 3)
write_run(here / "quarters-8", cell_values(8), 8)
twelve = cell_values(12)
twelve[(3, 1, "output")] = (50, 44)
write_run(here / "quarters-12", twelve, 12)
write_run(here / "years-8", cell_values(8), 8, period_years="1")


def ranked_rows(regions, sector_loss, weight_cell):
    """summary.csv's ranked rows as shockflow run writes them: the subject first in `detail`."""
    names = {"north": "North", "south": "South"}
    return [
        f'worst_region_{rank + 1},{number(loss)},"10,000 yuan","{region} ({names[region]}): cumulative value_added loss, '
        f'{number(loss)} % of its baseline"'
        for rank, (region, loss) in enumerate(regions)
    ] + [
        f'worst_sector_1,{number(sector_loss)},"10,000 yuan","manu: cumulative value_added loss, 5 % of its baseline"',
        f'weight_increase_1,0.02,share of the budget,"{weight_cell}: W 0.25 in the baseline, 0.27 in the scenario, period 1"',
    ]


write_run(here / "ranked", base, 2, ranked=ranked_rows([("south", 8.5), ("north", 6)], 10.5, "south/manu"))
write_run(here / "ranked-other", base, 2, ranked=ranked_rows([("north", 9), ("south", 7.5)], 11, "north/manu"))
(here / "not-a-run").mkdir()
(here / "not-a-run" / "README.txt").write_text("A folder that shockflow run did not write.\n")
write_run(here / "truncated", base, 2)
edit_cells(here / "truncated", lambda text: text[:-3])
write_run(here / "bad-header", base, 2)
edit_cells(here / "bad-header", lambda text: text.replace("scenario,difference,relative", "scenario,diff,relative", 1))
write_run(here / "nan-value", base, 2)
edit_cells(here / "nan-value", lambda text: text.replace("0,south,agri,output,80,80,0,0", "0,south,agri,output,80,nan,0,0"))
write_run(here / "nan-baseline", base, 2)
edit_cells(here / "nan-baseline", lambda text: text.replace("0,north,manu,output,50,50,0,0", "0,north,manu,output,nan,50,0,0"))
write_run(here / "unsorted", base, 2)
edit_cells(here / "unsorted", lambda text: "\n".join(
    [text.splitlines()[0]] + text.splitlines()[9:17] + text.splitlines()[1:9]) + "\n")
