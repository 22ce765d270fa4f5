"""numpy baseline for bench/run.sh: factor I − A and solve NRHS demand vectors in one batched call.

Usage: python3 numpy_batched_solve.py N NRHS REPS   → prints "SECONDS <median>"
A ≥ 0 random with column sums 0.6 (the same construction as shockflow-bench's `solve`).
"""
import statistics
import sys
import time

import numpy as np

n, nrhs, reps = (int(v) for v in sys.argv[1:4])
rng = np.random.default_rng(0)
a = rng.random((n, n))
a *= 0.6 / a.sum(axis=0)
m = np.eye(n) - a
demand = np.ones((n, nrhs))
np.linalg.solve(m, demand)  # warm-up
times = []
for _ in range(reps):
    start = time.perf_counter()
    np.linalg.solve(m, demand)
    times.append(time.perf_counter() - start)
print(f"SECONDS {statistics.median(times):.5f}")
