// timing.h — the clock and the comparison for medians shared by the C probes in bench/c.
#ifndef SHOCKFLOW_BENCH_TIMING_H
#define SHOCKFLOW_BENCH_TIMING_H
#include <time.h>

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

// For qsort of doubles, ascending.
static int compare(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}
#endif
