#!/usr/bin/env python3
"""One 365-day BoARIO 0.7.2 run of china-2017, the ShockFlow benchmark's peer (bench/ario/run.sh).

Reads a ShockFlow economy folder (`shockflow economy build china-2017 --out DIR`) as
scripts/fixtures/boario_reference.py does, loses half of Guangdong's electronics (sector 20)
capacity from day 5 for 30 days with linear recovery over 30 days (the reference case (b) of
docs/ario.md), runs 365 days and writes what `shockflow run` writes for scenario.yaml here:
the daily national production (national.csv) and every industry's production summed over each
week (cells.csv).

    .venv-boario/bin/python bench/ario/boario_run.py ECONOMY_FOLDER OUT_FOLDER
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts" / "fixtures"))
import boario_reference as reference  # noqa: E402  (BoARIO's model and events as the fixtures build them)
import tempfile  # noqa: E402

DAYS, EVERY = 365, 7


def main():
    economy, out = Path(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    mrio = reference.read_shockflow_folder(economy)
    case = dict(reference.CASES_B[0], days=DAYS)
    model = reference.boario_model(mrio, case["parameters"])
    with tempfile.TemporaryDirectory(prefix="boario") as directory:
        simulation = reference.Simulation(model, n_temporal_units_to_sim=DAYS, boario_output_dir=directory)
        for spec in case["events"]:
            simulation.add_event(reference.boario_event_of(spec, mrio, case["parameters"])[0])
        simulation.loop()
        production = simulation.production_realised[mrio.Z.index].to_numpy()[:DAYS]
    with open(out / "national.csv", "w", encoding="utf-8") as national:
        national.write("day,metric,scenario\n")
        for day, total in enumerate(production.sum(axis=1)):
            national.write(f"{day},output,{total!r}\n")
    labels = list(mrio.Z.index)
    with open(out / "cells.csv", "w", encoding="utf-8") as cells:
        cells.write("period,region,sector,metric,scenario\n")
        for window, start in enumerate(range(0, DAYS, EVERY)):
            sums = production[start:start + EVERY].sum(axis=0)
            cells.writelines(f"{window},{r},{s},output,{v!r}\n" for (r, s), v in zip(labels, sums))


if __name__ == "__main__":
    main()
