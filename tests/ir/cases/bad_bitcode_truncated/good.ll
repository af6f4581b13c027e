; bad_bitcode, module good: valid; its constructor writes to stdout (unbuffered) if
; it ever runs, which it must not.
source_filename = "good.ll"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@.msg = private unnamed_addr constant [24 x i8] c"good.ll constructor ran\0A"
@llvm.global_ctors = appending global [1 x { i32, void ()*, i8* }] [{ i32, void ()*, i8* } { i32 65535, void ()* @ctor, i8* null }]
declare i64 @write(i32, i8*, i64)

define internal void @ctor() {
  call i64 @write(i32 1, i8* getelementptr inbounds ([24 x i8], [24 x i8]* @.msg, i64 0, i64 0), i64 24)
  ret void
}

define i32 @get_one() {
  ret i32 1
}
