"""numpy baseline for bench/leontief_sweep_vs_numpy.sh: the same 1,000 Leontief runs as
bench/sweeps/leontief-demand.sweep.yaml, from the same economy folder (china-2017's long CSV files)
and the same parameter values (the sweep's samples.csv): build A and every run's Δy, solve all runs
in one numpy.linalg.solve call, and compute each run's value-added loss −Σ v ∘ Δx (MODEL (7)).

Usage: python3 numpy_leontief_sweep.py ECONOMY_FOLDER SAMPLES_CSV OUTPUTS_CSV
Prints "SECONDS <whole job> SOLVE <solve only> MAXREL <largest relative difference from OUTPUTS_CSV>".
"""
import sys
import time

start = time.perf_counter()
import numpy as np
import pandas as pd

folder, samples_path, outputs_path = sys.argv[1:4]
x = pd.read_csv(f"{folder}/x.csv", dtype={"region": str, "sector": str})
cells = list(zip(x["region"], x["sector"]))
index = {cell: i for i, cell in enumerate(cells)}
n = len(cells)
output = x["output"].to_numpy()

z = pd.read_csv(f"{folder}/Z.csv", dtype={"from_region": str, "from_sector": str, "to_region": str, "to_sector": str})
rows = np.array([index[c] for c in zip(z["from_region"], z["from_sector"])])
cols = np.array([index[c] for c in zip(z["to_region"], z["to_sector"])])
flows = np.zeros((n, n))
np.add.at(flows, (rows, cols), z["value"].to_numpy())
with np.errstate(divide="ignore", invalid="ignore"):
    a = np.where(output > 0, flows / output, 0.0)

va = pd.read_csv(f"{folder}/va.csv", dtype={"region": str, "sector": str})
value_added = np.zeros(n)
np.add.at(value_added, np.array([index[c] for c in zip(va["region"], va["sector"])]), va["value"].to_numpy())
va_coefficients = np.where(output > 0, value_added / np.where(output > 0, output, 1), 0.0)

y = pd.read_csv(f"{folder}/Y.csv", dtype={"from_region": str, "from_sector": str, "to_region": str, "category": str})
y_cell = np.array([index[c] for c in zip(y["from_region"], y["from_sector"])])


def shock_vector(sectors, categories):
    """Σ over destination regions and the categories of Y, for the producing cells of the sectors."""
    keep = y["from_sector"].isin(sectors).to_numpy() & y["category"].isin(categories).to_numpy()
    vector = np.zeros(n)
    np.add.at(vector, y_cell[keep], y["value"].to_numpy()[keep])
    return vector


# The sweep's shocks: demand shocks scale y by 1 + m, the export shock by 1 − m.
vectors = np.column_stack([
    shock_vector(["01", "06"], ["households"]),
    shock_vector(["18"], ["households"]),
    shock_vector(["27"], ["gfcf"]),
    -shock_vector(["20"], ["exports"]),
    shock_vector(["31", "32"], ["households", "government"]),
])
samples = pd.read_csv(samples_path).to_numpy()[:, 1:]
demand_change = vectors @ samples.T  # n × runs

solve_start = time.perf_counter()
output_change = np.linalg.solve(np.eye(n) - a, demand_change)
solve_seconds = time.perf_counter() - solve_start
loss = -(va_coefficients @ output_change)
seconds = time.perf_counter() - start

reference = pd.read_csv(outputs_path)["cumulative_value_added_loss"].to_numpy()
max_relative = np.max(np.abs(loss - reference) / np.maximum(np.abs(reference), 1e-300))
print(f"SECONDS {seconds:.3f} SOLVE {solve_seconds:.3f} MAXREL {max_relative:.3e}")
