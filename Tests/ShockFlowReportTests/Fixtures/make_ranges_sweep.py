"""Writes the fixture sweep folder `ranges-sweep/` for the report's headline ranges (HeadlineRangeTests):
a Saltelli-shaped sweep of 3 parameters, N = 4, so 4 · (3 + 2) = 20 runs, in the layout of
docs/sweep-format.md (samples.csv, outputs.csv, sensitivity.csv, manifest.json), on an economy whose money
unit is 10,000 yuan (currency CNY, scale 10000).

The outputs are made so that their quantiles can be worked out by hand. With k a shuffle of 0…19 (one
per run), numpy's default quantile of k is Q(q) = 19·q (h = (20 − 1)·q, the whole numbers interpolated),
so each output, a linear function of k, has its median at k = 9.5 and its 5–95 % band at k = 0.95 and 18.05:

- cumulative_value_added_loss (summary row, money) = 2·10⁸·k: median 19·10⁸ = 19 trillion yuan, band 1.9 to 36.1;
- peak_value_added_loss_percent (summary row, in %) = 0.5·k: median 4.75 %, band 0.475 % to 9.025 %;
- guangdong_loss (value_added over Guangdong's 42 cells, money) = 10⁷·(k + 1): median 1.05 trillion yuan,
  band 0.195 to 1.905 trillion yuan;
- electronics_weight_shift (investment_weight final_difference over 31 cells, a share) = 0.001·(k − 10):
  median −0.05 %, band −0.905 % to +0.805 %;
- peak_value_added_loss_period (summary row, a period) = 3 in every run.

The sensitivity indices are invented, not estimated from these outputs: the report reads sensitivity.csv
and does not recompute it, and the tests need a known order of each output's drivers by ST (x2, x1, x3 for
the cumulative loss; x1, x3, x2 for the peak; x3, x2, x1 for Guangdong; x1, x2, x3 for the weight shift).

Run from the repository root:  python3 Tests/ShockFlowReportTests/Fixtures/make_ranges_sweep.py
"""

import json
import os
import random

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "ranges-sweep")
NAMES = ["x1", "x2", "x3"]
RUNS = 20


def number(value):
    return repr(float(value))


def main():
    os.makedirs(OUT, exist_ok=True)
    generator = random.Random(14)
    k = list(range(RUNS))
    generator.shuffle(k)
    samples = [[generator.random() for _ in NAMES] for _ in range(RUNS)]
    outputs = {
        "cumulative_value_added_loss": [2e8 * i for i in k],
        "peak_value_added_loss_percent": [0.5 * i for i in k],
        "guangdong_loss": [1e7 * (i + 1) for i in k],
        "electronics_weight_shift": [0.001 * (i - 10) for i in k],
        "peak_value_added_loss_period": [3.0] * RUNS,
    }
    descriptions = {
        "output.cumulative_value_added_loss": "summary cumulative_value_added_loss",
        "output.peak_value_added_loss_percent": "summary peak_value_added_loss_percent",
        "output.guangdong_loss": "value_added cumulative_loss over 42 cells",
        "output.electronics_weight_shift": "investment_weight final_difference over 31 cells",
        "output.peak_value_added_loss_period": "summary peak_value_added_loss_period",
    }
    descriptions.update({f"parameter.{n}": f"scenario.{n} ~ uniform(0, 1)" for n in NAMES})
    # ST (estimate, half-width) per output and parameter; S1 is 0.8 · ST with the same half-width.
    total_order = {
        "cumulative_value_added_loss": {"x1": (0.2, 0.1), "x2": (0.7, 0.1), "x3": (0.05, 0.06)},
        "peak_value_added_loss_percent": {"x1": (0.9, 0.05), "x2": (0.01, 0.02), "x3": (0.12, 0.04)},
        "guangdong_loss": {"x1": (0.1, 0.05), "x2": (0.3, 0.05), "x3": (0.6, 0.05)},
        "electronics_weight_shift": {"x1": (0.5, 0.2), "x2": (0.4, 0.2), "x3": (0.3, 0.2)},
        "peak_value_added_loss_period": {n: (0.0, 0.0) for n in NAMES},
    }

    with open(os.path.join(OUT, "samples.csv"), "w") as handle:
        handle.write("run," + ",".join(NAMES) + "\n")
        for run, row in enumerate(samples):
            handle.write(f"{run}," + ",".join(number(v) for v in row) + "\n")
    with open(os.path.join(OUT, "outputs.csv"), "w") as handle:
        handle.write("run," + ",".join(outputs) + "\n")
        for run in range(RUNS):
            handle.write(f"{run}," + ",".join(number(outputs[name][run]) for name in outputs) + "\n")
    with open(os.path.join(OUT, "sensitivity.csv"), "w") as handle:
        handle.write("method,output,parameter,index,estimate,ci_low,ci_high\n")
        for output, indices in total_order.items():
            for index, factor in [("S1", 0.8), ("ST", 1.0)]:
                for parameter in NAMES:
                    estimate, half = indices[parameter]
                    estimate *= factor
                    handle.write(
                        f"sobol,{output},{parameter},{index},{number(estimate)},"
                        f"{number(estimate - half)},{number(estimate + half)}\n")
    manifest = {
        "command": "sweep",
        "economy": "none (a synthetic sweep)",
        "economy_metadata": {"money_unit": "10,000 yuan (万元)", "currency": "CNY", "scale": 10000},
        "engine": {"name": "shockflow", "version": "0.1.0"},
        "sweep": {
            "name": "ranges-fixture", "method": "saltelli", "samples": 4, "seed": 1, "runs": RUNS,
            "parameters": NAMES, "outputs": list(outputs), "second_order": False,
            "bootstrap_resamples": 100, "confidence_level": 0.95,
        },
        "parameters": descriptions,
        "inputs": [{"path": "make_ranges_sweep.py", "sha256": "written by the fixture script, not hashed"}],
        "seed": 1,
        "started_at": "2026-01-01T00:00:00.000Z",
        "finished_at": "2026-01-01T00:00:01.000Z",
    }
    with open(os.path.join(OUT, "manifest.json"), "w") as handle:
        json.dump(manifest, handle, indent=2, sort_keys=True, ensure_ascii=False)
        handle.write("\n")


if __name__ == "__main__":
    main()
