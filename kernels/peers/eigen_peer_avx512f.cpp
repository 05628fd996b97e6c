// Eigen built for AVX-512 (flags in kernels/CMakeLists.txt); registered as avx512f.
#define ACTBENCH_EIGEN_NS actbench_eigen_avx512f
#define ACTBENCH_EIGEN_FN(name) name##_avx512f
#include "kernels/peers/eigen_peer.inc"
