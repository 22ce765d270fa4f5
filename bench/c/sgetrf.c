// sgetrf.c — what one OpenBLAS thread costs economy analyze's factorisation (bench/RESULTS.md, "Issue 12:
// analyze on one OpenBLAS thread"): the single-precision LU of a Leontief matrix I − A of order N (built as
// in dgetrs.c), wall and process CPU time, median of REPS.
// Build: cc -O2 -o sgetrf sgetrf.c -lopenblas
// Usage: OPENBLAS_NUM_THREADS=1 sgetrf N REPS   (then =2)
// Prints "n N: wall W s, cpu C s (medians of REPS)".
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "timing.h"

extern void sgetrf_(const int *m, const int *n, float *a, const int *lda, int *ipiv, int *info);

static double cpu(void) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: %s N REPS\n", argv[0]); return 2; }
    int n = atoi(argv[1]), reps = atoi(argv[2]), info = 0;
    if (n <= 0 || reps <= 0 || reps > 100) { fprintf(stderr, "bad N or REPS\n"); return 2; }
    float *m = malloc((size_t)n * n * sizeof(float)), *work = malloc((size_t)n * n * sizeof(float));
    int *pivots = malloc((size_t)n * sizeof(int));
    double *walls = malloc((size_t)reps * sizeof(double)), *cpus = malloc((size_t)reps * sizeof(double));
    if (!m || !work || !pivots || !walls || !cpus) { fprintf(stderr, "out of memory\n"); return 1; }
    // A ≥ 0 with column sums 0.6 (deterministic), as in real tables; M = I − A.
    unsigned state = 1;
    for (int j = 0; j < n; j++) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            state = state * 1103515245u + 12345u;
            m[i + (size_t)j * n] = (float)((state >> 8) / 16777216.0);
            sum += m[i + (size_t)j * n];
        }
        for (int i = 0; i < n; i++) m[i + (size_t)j * n] *= (float)(-0.6 / sum);
        m[j + (size_t)j * n] += 1;
    }
    for (int r = 0; r < reps; r++) {
        memcpy(work, m, (size_t)n * n * sizeof(float));
        double start = now(), startCPU = cpu();
        sgetrf_(&n, &n, work, &n, pivots, &info);
        walls[r] = now() - start;
        cpus[r] = cpu() - startCPU;
        if (info != 0) { fprintf(stderr, "sgetrf failed: info %d\n", info); return 1; }
    }
    qsort(walls, reps, sizeof(double), compare);
    qsort(cpus, reps, sizeof(double), compare);
    printf("n %d: wall %.3f s, cpu %.3f s (medians of %d)\n", n, walls[reps / 2], cpus[reps / 2], reps);
    return 0;
}
