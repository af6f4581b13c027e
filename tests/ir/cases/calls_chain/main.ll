; calls_chain: main -> a -> b -> c -> back into main (a chain across four modules, and
; calls in both directions); mutual recursion is_even (a) <-> is_odd (b) 10001 levels
; deep; b calls a. main.ll is given first: it calls modules that come after it.
source_filename = "main.ll"

@.fmt_chain = private unnamed_addr constant [15 x i8] c"chain(5) = %d\0A\00"
@.fmt_parity = private unnamed_addr constant [41 x i8] c"is_even(10001) = %d, is_odd(10001) = %d\0A\00"
@.fmt_back = private unnamed_addr constant [18 x i8] c"b_calls_a() = %d\0A\00"
@.fmt_args = private unnamed_addr constant [27 x i8] c"mix(%d, %ld, %.2f) = %.2f\0A\00"

declare i32 @printf(i8*, ...)
declare i32 @a_chain(i32)
declare i32 @is_even(i32)
declare i32 @is_odd(i32)
declare i32 @b_calls_a()
declare double @c_mix(i32, i64, double)

; called back from c.ll
define i32 @main_helper(i32 %x) {
  %t = mul i32 %x, 3
  %r = add i32 %t, 1
  ret i32 %r
}

define i32 @main() {
entry:
  %chain = call i32 @a_chain(i32 5)
  call i32 (i8*, ...) @printf(i8* getelementptr inbounds ([15 x i8], [15 x i8]* @.fmt_chain, i64 0, i64 0), i32 %chain)
  %e = call i32 @is_even(i32 10001)
  %o = call i32 @is_odd(i32 10001)
  call i32 (i8*, ...) @printf(i8* getelementptr inbounds ([41 x i8], [41 x i8]* @.fmt_parity, i64 0, i64 0), i32 %e, i32 %o)
  %back = call i32 @b_calls_a()
  call i32 (i8*, ...) @printf(i8* getelementptr inbounds ([18 x i8], [18 x i8]* @.fmt_back, i64 0, i64 0), i32 %back)
  %m = call double @c_mix(i32 -3, i64 5000000000, double 2.5)
  call i32 (i8*, ...) @printf(i8* getelementptr inbounds ([27 x i8], [27 x i8]* @.fmt_args, i64 0, i64 0), i32 -3, i64 5000000000, double 2.5, double %m)
  ret i32 0
}
