// dgemm.c — the C baseline for the Swift wrapper's DGEMM figure (bench/run.sh).
// Build: cc -O2 -o dgemm dgemm.c -lopenblas      Usage: dgemm N REPS
// Prints "GFLOPS <median>" for C = A·B with n×n column-major matrices.
#include <cblas.h>
#include <stdio.h>
#include <stdlib.h>
#include "timing.h"

int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: %s N REPS\n", argv[0]); return 2; }
    int n = atoi(argv[1]), reps = atoi(argv[2]);
    if (n <= 0 || reps <= 0 || reps > 100) { fprintf(stderr, "bad N or REPS\n"); return 2; }
    size_t count = (size_t)n * n;
    double *a = malloc(count * sizeof(double)), *b = malloc(count * sizeof(double)), *c = malloc(count * sizeof(double));
    double times[100];
    if (!a || !b || !c) { fprintf(stderr, "out of memory\n"); return 1; }
    for (size_t i = 0; i < count; i++) { a[i] = (double)(i % 97) / 97.0; b[i] = (double)(i % 89) / 89.0; c[i] = 0; }
    cblas_dgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, n, n, n, 1.0, a, n, b, n, 0.0, c, n);  // warm-up
    for (int r = 0; r < reps; r++) {
        double start = now();
        cblas_dgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, n, n, n, 1.0, a, n, b, n, 0.0, c, n);
        times[r] = now() - start;
    }
    qsort(times, reps, sizeof(double), compare);
    printf("GFLOPS %.2f\n", 2.0 * n * (double)n * n / times[reps / 2] / 1e9);
    free(a); free(b); free(c);
    return 0;
}
