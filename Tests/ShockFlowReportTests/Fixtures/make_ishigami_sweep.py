"""Writes the fixture sweep folder `ishigami-sweep/` for ShockFlowReportTests (the folder layout of
/work/notes/sweep-format.md: samples.csv, outputs.csv, sensitivity.csv, manifest.json).

Two outputs of three parameters uniform on [-pi, pi], sampled and analysed by SALib 1.6 (Saltelli
design, N = 64, first and total order, 95 % bootstrap intervals with a fixed seed):

- `ishigami`: the Ishigami function (a = 7, b = 0.1), whose analytic indices are
  S1 = (0.3139, 0.4424, 0), ST = (0.5576, 0.4424, 0.2437) (Saltelli et al. 2008, Global Sensitivity
  Analysis: The Primer, section 4.8): x1 is the most influential parameter by ST;
- `linear`: x1 + 2 x2, whose analytic indices are S1 = ST = (1/5, 4/5, 0): x2 is the most influential.

Run from the repository root:  python3 Tests/ShockFlowReportTests/Fixtures/make_ishigami_sweep.py
"""

import json
import os

import numpy as np
from SALib.analyze import sobol as sobol_analyze
from SALib.sample import sobol as sobol_sample
from SALib.test_functions import Ishigami

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "ishigami-sweep")
NAMES = ["x1", "x2", "x3"]
PROBLEM = {"num_vars": 3, "names": NAMES, "bounds": [[-np.pi, np.pi]] * 3}


def number(value):
    return format(float(value), ".17g")


def main():
    os.makedirs(OUT, exist_ok=True)
    samples = sobol_sample.sample(PROBLEM, 64, calc_second_order=False, seed=2024)
    outputs = {
        "ishigami": Ishigami.evaluate(samples),
        "linear": samples[:, 0] + 2 * samples[:, 1],
    }
    with open(os.path.join(OUT, "samples.csv"), "w") as handle:
        handle.write("run," + ",".join(NAMES) + "\n")
        for run, row in enumerate(samples):
            handle.write(f"{run}," + ",".join(number(v) for v in row) + "\n")
    with open(os.path.join(OUT, "outputs.csv"), "w") as handle:
        handle.write("run," + ",".join(outputs) + "\n")
        for run in range(len(samples)):
            handle.write(f"{run}," + ",".join(number(outputs[name][run]) for name in outputs) + "\n")
    with open(os.path.join(OUT, "sensitivity.csv"), "w") as handle:
        handle.write("method,output,parameter,index,estimate,ci_low,ci_high\n")
        for name, values in outputs.items():
            result = sobol_analyze.analyze(
                PROBLEM, values, calc_second_order=False, num_resamples=100, conf_level=0.95, seed=7)
            for index in ["S1", "ST"]:
                for position, parameter in enumerate(NAMES):
                    estimate = result[index][position]
                    half = result[index + "_conf"][position]
                    handle.write(
                        f"sobol,{name},{parameter},{index},{number(estimate)},"
                        f"{number(estimate - half)},{number(estimate + half)}\n")
    # The manifest's fields as `shockflow sweep` writes them (the sweep's settings under "sweep",
    # descriptions of parameters and outputs under "parameters").
    descriptions = {f"parameter.{n}": f"{n} ~ uniform(-pi, pi)" for n in NAMES}
    descriptions["output.ishigami"] = "sin x1 + 7 sin^2 x2 + 0.1 x3^4 sin x1 (Ishigami)"
    descriptions["output.linear"] = "x1 + 2 x2"
    manifest = {
        "command": "sweep",
        "economy": "none (analytic test functions)",
        "engine": {"name": "shockflow", "version": "0.1.0"},
        "sweep": {
            "name": "ishigami-fixture", "method": "saltelli", "samples": 64, "seed": 2024, "runs": len(samples),
            "parameters": NAMES, "outputs": list(outputs), "second_order": False,
            "bootstrap_resamples": 100, "confidence_level": 0.95,
        },
        "parameters": descriptions,
        "inputs": [{"path": "make_ishigami_sweep.py", "sha256": "written by the fixture script, not hashed"}],
        "seed": 2024,
        "started_at": "2026-01-01T00:00:00.000Z",
        "finished_at": "2026-01-01T00:00:01.000Z",
    }
    with open(os.path.join(OUT, "manifest.json"), "w") as handle:
        json.dump(manifest, handle, indent=2, sort_keys=True)
        handle.write("\n")


if __name__ == "__main__":
    main()
