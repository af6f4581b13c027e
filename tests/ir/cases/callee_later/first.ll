; callee_later, module first (given first): calls, data and function pointers all refer
; to modules given after it.
source_filename = "first.ll"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@later_data = external global i32
@later_table = external constant [3 x i32]
@fp_to_mid = global i32 (i32)* @mid_fn, align 8
@ptr_to_later_data = global i32* @later_data, align 8

@.fmt = private unnamed_addr constant [94 x i8] c"later_fn(2)=%d via pointer mid_fn(3)=%d later_data=%d (through pointer %d) later_table[2]=%d\0A\00"

declare i32 @printf(i8*, ...)
declare i32 @later_fn(i32)
declare i32 @mid_fn(i32)

define i32 @main() {
  %a = call i32 @later_fn(i32 2)
  %fp = load i32 (i32)*, i32 (i32)** @fp_to_mid, align 8
  %b = call i32 %fp(i32 3)
  %d = load i32, i32* @later_data, align 4
  %pd = load i32*, i32** @ptr_to_later_data, align 8
  %d2 = load i32, i32* %pd, align 4
  %t = load i32, i32* getelementptr inbounds ([3 x i32], [3 x i32]* @later_table, i64 0, i64 2), align 4
  call i32 (i8*, ...) @printf(i8* getelementptr inbounds ([94 x i8], [94 x i8]* @.fmt, i64 0, i64 0), i32 %a, i32 %b, i32 %d, i32 %d2, i32 %t)
  ret i32 0
}
