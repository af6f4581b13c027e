; lazy_recursion, module main: calls the recursive functions of a.ll and b.ll.
source_filename = "main.ll"

@.fact = private unnamed_addr constant [17 x i8] c"fact(20) = %lld\0A\00"
@.fib = private unnamed_addr constant [14 x i8] c"fib(22) = %d\0A\00"
@.even = private unnamed_addr constant [37 x i8] c"is_even(10001) = %d, is_odd(7) = %d\0A\00"
@.ping = private unnamed_addr constant [16 x i8] c"ping(999) = %d\0A\00"
@.deep = private unnamed_addr constant [24 x i8] c"deep_a(6000, 0.0) = %d\0A\00"

declare i32 @printf(i8*, ...)
declare i64 @fact(i64)
declare i32 @fib(i32)
declare i32 @is_even(i32)
declare i32 @is_odd(i32)
declare i32 @ping(i32)
declare i32 @deep_a(i32, double)

define i32 @main() {
  %f = call i64 @fact(i64 20)
  call i32 (i8*, ...) @printf(i8* getelementptr inbounds ([17 x i8], [17 x i8]* @.fact, i64 0, i64 0), i64 %f)
  %b = call i32 @fib(i32 22)
  call i32 (i8*, ...) @printf(i8* getelementptr inbounds ([14 x i8], [14 x i8]* @.fib, i64 0, i64 0), i32 %b)
  %e = call i32 @is_even(i32 10001)
  %o = call i32 @is_odd(i32 7)
  call i32 (i8*, ...) @printf(i8* getelementptr inbounds ([37 x i8], [37 x i8]* @.even, i64 0, i64 0), i32 %e, i32 %o)
  %p = call i32 @ping(i32 999)
  call i32 (i8*, ...) @printf(i8* getelementptr inbounds ([16 x i8], [16 x i8]* @.ping, i64 0, i64 0), i32 %p)
  %d = call i32 @deep_a(i32 6000, double 0.0)
  call i32 (i8*, ...) @printf(i8* getelementptr inbounds ([24 x i8], [24 x i8]* @.deep, i64 0, i64 0), i32 %d)
  ret i32 0
}
