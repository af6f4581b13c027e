; undefined_function_uncalled: main calls never_defined and also_missing only when
; argc > 100; with fewer arguments the program runs normally.
source_filename = "main.ll"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@.ok = private unnamed_addr constant [42 x i8] c"ran without calling the missing functions\00"

declare i32 @puts(i8*)
declare i32 @never_defined(i32)
declare void @also_missing()

define i32 @main(i32 %argc, i8** %argv) {
entry:
  %big = icmp sgt i32 %argc, 100
  br i1 %big, label %call, label %skip
call:
  %r = call i32 @never_defined(i32 %argc)
  call void @also_missing()
  ret i32 %r
skip:
  call i32 @puts(i8* getelementptr inbounds ([42 x i8], [42 x i8]* @.ok, i64 0, i64 0))
  ret i32 3
}
