// Shim over Debian's OpenBLAS (cblas.h) and its separate LAPACKE library (lapacke.h).
#ifndef SHOCKFLOW_COPENBLAS_SHIM_H
#define SHOCKFLOW_COPENBLAS_SHIM_H

#include <cblas.h>
#include <lapacke.h>

// CPU features for choosing an OpenBLAS core type when the library falls back to a
// generic kernel (see docs/blas-kernel.md). Returns a bit set: 1 = AVX2, 2 = AVX-512F,
// 4 = AVX-512 BF16.
static inline int shockflow_cpu_features(void) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_cpu_init();
    int features = 0;
    if (__builtin_cpu_supports("avx2")) features |= 1;
    if (__builtin_cpu_supports("avx512f")) features |= 2;
    if (__builtin_cpu_supports("avx512bf16")) features |= 4;
    return features;
#else
    return 0;
#endif
}

#endif
