; weak_strong, module late_weak (given after strong.ll): a weak hook2 that loses.
source_filename = "late_weak.ll"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

define weak i32 @hook2() {
  ret i32 3
}

define i32 @hook2_from_late_weak() {
  %r = call i32 @hook2()
  ret i32 %r
}
