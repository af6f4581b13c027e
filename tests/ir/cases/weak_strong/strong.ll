; weak_strong, module strong: strong definitions of hook, wval (overriding weak.ll, given
; before) and of hook2 (overriding late_weak.ll, given after).
source_filename = "strong.ll"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@wval = global i32 20, align 4

define i32 @hook() {
  ret i32 2
}

define i32 @hook2() {
  ret i32 4
}
