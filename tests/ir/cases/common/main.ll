; common, module main: a common definition of shared too; reads everything.
source_filename = "main.ll"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@shared = common global i32 0, align 4
@defd = external global i32
@aligned = external global i32
@big = external global [100000 x i32]

@.fmt = private unnamed_addr constant [81 x i8] c"shared=%d defd=%d big=%d,%d sized: sum(first 10)=%d last+7=%d aligned to 64: %d\0A\00"

declare i32 @printf(i8*, ...)
declare void @a_touch()
declare void @b_touch()
declare i32 @a_sized_sum()
declare i32 @b_sized_last()

define i32 @main() {
  call void @a_touch()
  call void @b_touch()
  call void @a_touch()
  %s = load i32, i32* @shared, align 4
  %s1 = add i32 %s, 100
  store i32 %s1, i32* @shared, align 4
  %d = load i32, i32* @defd, align 4
  %b0 = load i32, i32* getelementptr inbounds ([100000 x i32], [100000 x i32]* @big, i64 0, i64 0), align 4
  %b1 = load i32, i32* getelementptr inbounds ([100000 x i32], [100000 x i32]* @big, i64 0, i64 99999), align 4
  %sum = call i32 @a_sized_sum()
  %last = call i32 @b_sized_last()
  %ai = ptrtoint i32* @aligned to i64
  %am = and i64 %ai, 63
  %aok = icmp eq i64 %am, 0
  %az = zext i1 %aok to i32
  call i32 (i8*, ...) @printf(i8* getelementptr inbounds ([81 x i8], [81 x i8]* @.fmt, i64 0, i64 0), i32 %s1, i32 %d, i32 %b0, i32 %b1, i32 %sum, i32 %last, i32 %az)
  ret i32 0
}
