; duplicate_strong, module main.
source_filename = "main.ll"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

declare i32 @dup()

define i32 @main() {
  %r = call i32 @dup()
  ret i32 %r
}
