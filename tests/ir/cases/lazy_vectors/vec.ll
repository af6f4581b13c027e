; lazy_vectors, module vec: functions taking and returning vectors.
source_filename = "vec.ll"

; a0 + 2*a1 + ... + 8*a7
define <8 x float> @v8_sum8(<8 x float> %a0, <8 x float> %a1, <8 x float> %a2, <8 x float> %a3,
                            <8 x float> %a4, <8 x float> %a5, <8 x float> %a6, <8 x float> %a7) {
  %m1 = fmul <8 x float> %a1, <float 2.0, float 2.0, float 2.0, float 2.0, float 2.0, float 2.0, float 2.0, float 2.0>
  %m2 = fmul <8 x float> %a2, <float 3.0, float 3.0, float 3.0, float 3.0, float 3.0, float 3.0, float 3.0, float 3.0>
  %m3 = fmul <8 x float> %a3, <float 4.0, float 4.0, float 4.0, float 4.0, float 4.0, float 4.0, float 4.0, float 4.0>
  %m4 = fmul <8 x float> %a4, <float 5.0, float 5.0, float 5.0, float 5.0, float 5.0, float 5.0, float 5.0, float 5.0>
  %m5 = fmul <8 x float> %a5, <float 6.0, float 6.0, float 6.0, float 6.0, float 6.0, float 6.0, float 6.0, float 6.0>
  %m6 = fmul <8 x float> %a6, <float 7.0, float 7.0, float 7.0, float 7.0, float 7.0, float 7.0, float 7.0, float 7.0>
  %m7 = fmul <8 x float> %a7, <float 8.0, float 8.0, float 8.0, float 8.0, float 8.0, float 8.0, float 8.0, float 8.0>
  %s1 = fadd <8 x float> %a0, %m1
  %s2 = fadd <8 x float> %s1, %m2
  %s3 = fadd <8 x float> %s2, %m3
  %s4 = fadd <8 x float> %s3, %m4
  %s5 = fadd <8 x float> %s4, %m5
  %s6 = fadd <8 x float> %s5, %m6
  %s7 = fadd <8 x float> %s6, %m7
  ret <8 x float> %s7
}

; a*k + b (k a scalar after the vectors)
define <16 x float> @v16_axpy(<16 x float> %a, <16 x float> %b, float %k) {
  %i = insertelement <16 x float> undef, float %k, i32 0
  %kv = shufflevector <16 x float> %i, <16 x float> undef, <16 x i32> zeroinitializer
  %m = fmul <16 x float> %a, %kv
  %r = fadd <16 x float> %m, %b
  ret <16 x float> %r
}

; i64 scalar first, then a <8 x double> and a <4 x float>: mixed registers
define <8 x double> @v8d_mix(i64 %n, <8 x double> %a, <4 x float> %f, double %s) {
  %nf = sitofp i64 %n to double
  %i = insertelement <8 x double> undef, double %nf, i32 0
  %nv = shufflevector <8 x double> %i, <8 x double> undef, <8 x i32> zeroinitializer
  %f0 = extractelement <4 x float> %f, i32 0
  %f3 = extractelement <4 x float> %f, i32 3
  %f0d = fpext float %f0 to double
  %f3d = fpext float %f3 to double
  %m = fmul <8 x double> %a, %nv
  %r0 = insertelement <8 x double> %m, double %f0d, i32 0
  %r7 = insertelement <8 x double> %r0, double %f3d, i32 7
  %sv0 = insertelement <8 x double> undef, double %s, i32 0
  %sv = shufflevector <8 x double> %sv0, <8 x double> undef, <8 x i32> zeroinitializer
  %r = fadd <8 x double> %r7, %sv
  ret <8 x double> %r
}

define <8 x i32> @v8i_madd(<8 x i32> %a, <8 x i32> %b, <8 x i32> %c) {
  %m = mul <8 x i32> %a, %b
  %r = add <8 x i32> %m, %c
  ret <8 x i32> %r
}

define <4 x float> @v4_swap(<4 x float> %a, <4 x float> %b) {
  %r = shufflevector <4 x float> %a, <4 x float> %b, <4 x i32> <i32 4, i32 1, i32 6, i32 3>
  ret <4 x float> %r
}
