// Hand-written assembly kernels (kernels/asm/*.S). Each file opens with its C prototype, its
// register use and what one loop iteration does.
#pragma once

#include <cstddef>

extern "C" {
void actbench_asm_relu_f32_signbit_branch_u4(const float* in, float* out, std::size_t n);
void actbench_asm_relu_f32_signbit_sar_andn_u4(const float* in, float* out, std::size_t n);
void actbench_asm_relu_f32_maxps_sse41_u4(const float* in, float* out, std::size_t n);
void actbench_asm_relu_f32_maxps_avx2_u4(const float* in, float* out, std::size_t n);
void actbench_asm_relu_f32_maxps_avx512f_u4(const float* in, float* out, std::size_t n);
void actbench_asm_sigmoid_f32_exp_p5_nr1_avx512f_u2(const float* in, float* out, std::size_t n);
void actbench_asm_sigmoid_f32_exp_p6_nr1_avx512f_u2(const float* in, float* out, std::size_t n);
void actbench_asm_sigmoid_f32_exp_p6_div_avx2_u1(const float* in, float* out, std::size_t n);
void actbench_asm_sigmoid_f32_exp_p6_div_avx2_u2(const float* in, float* out, std::size_t n);
void actbench_asm_sigmoid_f32_expf_call(const float* in, float* out, std::size_t n);
}
