; The program of the cache and option scripts: main.ll (IR text), lib.bc (bitcode made
; from lib_src.c by the scripts) and util.c (C source, includes util.h).
source_filename = "main.ll"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@.msg = private unnamed_addr constant [26 x i8] c"main.ll says: version one\00"
@.fmt = private unnamed_addr constant [37 x i8] c"lib_fn(10) = %ld, util_value() = %d\0A\00"

declare i32 @puts(i8*)
declare i32 @printf(i8*, ...)
declare i64 @lib_fn(i64)
declare i32 @util_value()

define i32 @main() {
  call i32 @puts(i8* getelementptr inbounds ([26 x i8], [26 x i8]* @.msg, i64 0, i64 0))
  %l = call i64 @lib_fn(i64 10)
  %u = call i32 @util_value()
  call i32 (i8*, ...) @printf(i8* getelementptr inbounds ([37 x i8], [37 x i8]* @.fmt, i64 0, i64 0), i64 %l, i32 %u)
  ret i32 0
}
