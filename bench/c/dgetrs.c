// dgetrs.c — how OpenBLAS's dgetrs cost grows with the number of right-hand sides (bench/RESULTS.md,
// "Small solves"): factor a well-conditioned Leontief matrix I − A of order N once, then time
// LAPACKE_dgetrs_work with 1, 2, 3, 4, 8, …, 128 columns (median of REPS calls each).
// Build: cc -O2 -o dgetrs dgetrs.c -llapacke -lopenblas
// Usage: OPENBLAS_NUM_THREADS=1 OPENBLAS_CORETYPE=Zen dgetrs N REPS
// Prints "NRHS k MS_PER_CALL t MS_PER_COLUMN t/k" per line.
#include <lapacke.h>
#include <stdio.h>
#include <stdlib.h>
#include "timing.h"

int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: %s N REPS\n", argv[0]); return 2; }
    int n = atoi(argv[1]), reps = atoi(argv[2]);
    if (n <= 0 || reps <= 0 || reps > 1000) { fprintf(stderr, "bad N or REPS\n"); return 2; }
    double *m = malloc((size_t)n * n * sizeof(double)), *b = malloc((size_t)n * 128 * sizeof(double));
    double *times = malloc((size_t)reps * sizeof(double));
    lapack_int *pivots = malloc((size_t)n * sizeof(lapack_int));
    if (!m || !b || !times || !pivots) { fprintf(stderr, "out of memory\n"); return 1; }
    // A ≥ 0 with column sums 0.6 (deterministic), as in real tables; M = I − A.
    unsigned state = 1;
    for (int j = 0; j < n; j++) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            state = state * 1103515245u + 12345u;
            m[i + (size_t)j * n] = (double)(state >> 8) / 16777216.0;
            sum += m[i + (size_t)j * n];
        }
        for (int i = 0; i < n; i++) m[i + (size_t)j * n] *= -0.6 / sum;
        m[j + (size_t)j * n] += 1;
    }
    if (LAPACKE_dgetrf(LAPACK_COL_MAJOR, n, n, m, n, pivots) != 0) { fprintf(stderr, "dgetrf failed\n"); return 1; }
    int widths[] = {1, 2, 3, 4, 8, 16, 32, 64, 128};
    for (size_t w = 0; w < sizeof widths / sizeof widths[0]; w++) {
        int k = widths[w];
        for (int r = 0; r < reps; r++) {
            for (size_t i = 0; i < (size_t)n * k; i++) b[i] = 1;
            double start = now();
            LAPACKE_dgetrs_work(LAPACK_COL_MAJOR, 'N', n, k, m, n, pivots, b, n);
            times[r] = now() - start;
        }
        qsort(times, reps, sizeof(double), compare);
        printf("NRHS %d MS_PER_CALL %.3f MS_PER_COLUMN %.3f\n", k, 1e3 * times[reps / 2], 1e3 * times[reps / 2] / k);
    }
    free(m); free(b); free(times); free(pivots);
    return 0;
}
