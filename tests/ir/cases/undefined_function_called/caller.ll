; undefined_function_called, module caller: main prints, flushes, and calls helper.ll,
; which calls a function that no module defines.
source_filename = "caller.ll"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@.before = private unnamed_addr constant [16 x i8] c"before the call\00"
@.after = private unnamed_addr constant [37 x i8] c"after the call (must not be reached)\00"

declare i32 @puts(i8*)
declare i32 @fflush(i8*)
declare i32 @do_call(i32)

define i32 @main() {
  call i32 @puts(i8* getelementptr inbounds ([16 x i8], [16 x i8]* @.before, i64 0, i64 0))
  call i32 @fflush(i8* null)
  %r = call i32 @do_call(i32 1)
  call i32 @puts(i8* getelementptr inbounds ([37 x i8], [37 x i8]* @.after, i64 0, i64 0))
  ret i32 %r
}
