; undefined_function_called, module helper: calls never_defined, which no module defines.
source_filename = "helper.ll"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

declare i32 @never_defined(i32)

define i32 @do_call(i32 %x) {
  %r = call i32 @never_defined(i32 %x)
  %s = add i32 %r, 1
  ret i32 %s
}
