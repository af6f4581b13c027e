; foreign_triple, module main (host triple): calls the AArch64-labelled module.
source_filename = "main.ll"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@.fmt = private unnamed_addr constant [21 x i8] c"arm_sum(1000) = %ld\0A\00"
declare i32 @printf(i8*, ...)
declare i64 @arm_sum(i64)

define i32 @main() {
  %s = call i64 @arm_sum(i64 1000)
  call i32 (i8*, ...) @printf(i8* getelementptr inbounds ([21 x i8], [21 x i8]* @.fmt, i64 0, i64 0), i64 %s)
  ret i32 0
}
