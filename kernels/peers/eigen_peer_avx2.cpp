// Eigen built for AVX2 + FMA (flags in kernels/CMakeLists.txt); registered as avx2.
#define ACTBENCH_EIGEN_NS actbench_eigen_avx2
#define ACTBENCH_EIGEN_FN(name) name##_avx2
#include "kernels/peers/eigen_peer.inc"
