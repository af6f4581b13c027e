; lazy_vectors, module main: first calls of vec.ll's functions, results printed.
source_filename = "main.ll"

@.f8 = private unnamed_addr constant [45 x i8] c"%s: %.1f %.1f %.1f %.1f %.1f %.1f %.1f %.1f\0A\00"
@.i8 = private unnamed_addr constant [29 x i8] c"%s: %d %d %d %d %d %d %d %d\0A\00"
@.n_sum8 = private unnamed_addr constant [8 x i8] c"v8_sum8\00"
@.n_axpy_lo = private unnamed_addr constant [14 x i8] c"v16_axpy[0:8]\00"
@.n_axpy_hi = private unnamed_addr constant [15 x i8] c"v16_axpy[8:16]\00"
@.n_mix = private unnamed_addr constant [8 x i8] c"v8d_mix\00"
@.n_madd = private unnamed_addr constant [9 x i8] c"v8i_madd\00"
@.n_swap = private unnamed_addr constant [8 x i8] c"v4_swap\00"

declare i32 @printf(i8*, ...)
declare <8 x float> @v8_sum8(<8 x float>, <8 x float>, <8 x float>, <8 x float>,
                             <8 x float>, <8 x float>, <8 x float>, <8 x float>)
declare <16 x float> @v16_axpy(<16 x float>, <16 x float>, float)
declare <8 x double> @v8d_mix(i64, <8 x double>, <4 x float>, double)
declare <8 x i32> @v8i_madd(<8 x i32>, <8 x i32>, <8 x i32>)
declare <4 x float> @v4_swap(<4 x float>, <4 x float>)

define internal void @print8d(i8* %name, <8 x double> %v) noinline {
  %e0 = extractelement <8 x double> %v, i32 0
  %e1 = extractelement <8 x double> %v, i32 1
  %e2 = extractelement <8 x double> %v, i32 2
  %e3 = extractelement <8 x double> %v, i32 3
  %e4 = extractelement <8 x double> %v, i32 4
  %e5 = extractelement <8 x double> %v, i32 5
  %e6 = extractelement <8 x double> %v, i32 6
  %e7 = extractelement <8 x double> %v, i32 7
  call i32 (i8*, ...) @printf(i8* getelementptr inbounds ([45 x i8], [45 x i8]* @.f8, i64 0, i64 0), i8* %name,
      double %e0, double %e1, double %e2, double %e3, double %e4, double %e5, double %e6, double %e7)
  ret void
}

define internal void @print8f(i8* %name, <8 x float> %v) noinline {
  %d = fpext <8 x float> %v to <8 x double>
  call void @print8d(i8* %name, <8 x double> %d)
  ret void
}

define i32 @main() {
  %s = call <8 x float> @v8_sum8(
      <8 x float> <float 1.0, float 2.0, float 3.0, float 4.0, float 5.0, float 6.0, float 7.0, float 8.0>,
      <8 x float> <float 0.5, float 0.5, float 0.5, float 0.5, float 0.5, float 0.5, float 0.5, float 0.5>,
      <8 x float> <float 1.0, float 0.0, float 1.0, float 0.0, float 1.0, float 0.0, float 1.0, float 0.0>,
      <8 x float> <float 0.0, float 1.0, float 0.0, float 1.0, float 0.0, float 1.0, float 0.0, float 1.0>,
      <8 x float> <float 10.0, float 20.0, float 30.0, float 40.0, float 50.0, float 60.0, float 70.0, float 80.0>,
      <8 x float> <float -1.0, float -1.0, float -1.0, float -1.0, float -1.0, float -1.0, float -1.0, float -1.0>,
      <8 x float> <float 0.25, float 0.25, float 0.25, float 0.25, float 0.25, float 0.25, float 0.25, float 0.25>,
      <8 x float> <float 100.0, float 200.0, float 300.0, float 400.0, float 500.0, float 600.0, float 700.0, float 800.0>)
  call void @print8f(i8* getelementptr inbounds ([8 x i8], [8 x i8]* @.n_sum8, i64 0, i64 0), <8 x float> %s)

  %x = call <16 x float> @v16_axpy(
      <16 x float> <float 1.0, float 2.0, float 3.0, float 4.0, float 5.0, float 6.0, float 7.0, float 8.0,
                    float 9.0, float 10.0, float 11.0, float 12.0, float 13.0, float 14.0, float 15.0, float 16.0>,
      <16 x float> <float 0.5, float 0.5, float 0.5, float 0.5, float 0.5, float 0.5, float 0.5, float 0.5,
                    float 1000.0, float 1000.0, float 1000.0, float 1000.0, float 1000.0, float 1000.0, float 1000.0, float 1000.0>,
      float 3.0)
  %lo = shufflevector <16 x float> %x, <16 x float> undef, <8 x i32> <i32 0, i32 1, i32 2, i32 3, i32 4, i32 5, i32 6, i32 7>
  %hi = shufflevector <16 x float> %x, <16 x float> undef, <8 x i32> <i32 8, i32 9, i32 10, i32 11, i32 12, i32 13, i32 14, i32 15>
  call void @print8f(i8* getelementptr inbounds ([14 x i8], [14 x i8]* @.n_axpy_lo, i64 0, i64 0), <8 x float> %lo)
  call void @print8f(i8* getelementptr inbounds ([15 x i8], [15 x i8]* @.n_axpy_hi, i64 0, i64 0), <8 x float> %hi)

  %m = call <8 x double> @v8d_mix(i64 -3,
      <8 x double> <double 1.0, double 2.0, double 3.0, double 4.0, double 5.0, double 6.0, double 7.0, double 8.0>,
      <4 x float> <float 11.5, float 0.0, float 0.0, float 44.5>, double 0.5)
  call void @print8d(i8* getelementptr inbounds ([8 x i8], [8 x i8]* @.n_mix, i64 0, i64 0), <8 x double> %m)

  %i = call <8 x i32> @v8i_madd(<8 x i32> <i32 1, i32 2, i32 3, i32 4, i32 5, i32 6, i32 7, i32 8>,
                                <8 x i32> <i32 -1, i32 10, i32 100, i32 1000, i32 2, i32 3, i32 4, i32 5>,
                                <8 x i32> <i32 7, i32 7, i32 7, i32 7, i32 -7, i32 -7, i32 -7, i32 -7>)
  %i0 = extractelement <8 x i32> %i, i32 0
  %i1 = extractelement <8 x i32> %i, i32 1
  %i2 = extractelement <8 x i32> %i, i32 2
  %i3 = extractelement <8 x i32> %i, i32 3
  %i4 = extractelement <8 x i32> %i, i32 4
  %i5 = extractelement <8 x i32> %i, i32 5
  %i6 = extractelement <8 x i32> %i, i32 6
  %i7 = extractelement <8 x i32> %i, i32 7
  call i32 (i8*, ...) @printf(i8* getelementptr inbounds ([29 x i8], [29 x i8]* @.i8, i64 0, i64 0),
      i8* getelementptr inbounds ([9 x i8], [9 x i8]* @.n_madd, i64 0, i64 0),
      i32 %i0, i32 %i1, i32 %i2, i32 %i3, i32 %i4, i32 %i5, i32 %i6, i32 %i7)

  %w = call <4 x float> @v4_swap(<4 x float> <float 1.0, float 2.0, float 3.0, float 4.0>,
                                 <4 x float> <float 5.0, float 6.0, float 7.0, float 8.0>)
  %w8 = shufflevector <4 x float> %w, <4 x float> %w, <8 x i32> <i32 0, i32 1, i32 2, i32 3, i32 4, i32 5, i32 6, i32 7>
  call void @print8f(i8* getelementptr inbounds ([8 x i8], [8 x i8]* @.n_swap, i64 0, i64 0), <8 x float> %w8)
  ret i32 0
}
