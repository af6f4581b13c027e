; argv_envp_exit, module exit: prints (buffered) and calls exit(40 + argc).
source_filename = "exit.ll"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@.fmt = private unnamed_addr constant [26 x i8] c"exit.ll: exiting with %d\0A\00"
declare i32 @printf(i8*, ...)
declare void @exit(i32) noreturn

define void @finish_with(i32 %argc) {
  %st = add i32 %argc, 40
  call i32 (i8*, ...) @printf(i8* getelementptr inbounds ([26 x i8], [26 x i8]* @.fmt, i64 0, i64 0), i32 %st)
  call void @exit(i32 %st)
  unreachable
}
