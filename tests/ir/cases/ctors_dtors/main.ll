; ctors_dtors, module main: no constructors of its own.
source_filename = "main.ll"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@.s = private unnamed_addr constant [5 x i8] c"main\00"
declare i32 @puts(i8*)

define i32 @main() {
  call i32 @puts(i8* getelementptr inbounds ([5 x i8], [5 x i8]* @.s, i64 0, i64 0))
  ret i32 0
}
