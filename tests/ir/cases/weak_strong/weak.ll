; weak_strong, module weak (given before strong.ll): weak definitions of hook and wval,
; which strong.ll overrides, and of only_weak, which nothing overrides. Its own uses of
; hook and wval must reach the strong definitions.
source_filename = "weak.ll"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@wval = weak global i32 10, align 4
@only_weak_val = weak global i32 55, align 4

define weak i32 @hook() {
  ret i32 1
}

define weak i32 @only_weak() {
  ret i32 5
}

define i32 @hook_from_weak() {
  %r = call i32 @hook()
  ret i32 %r
}

define i32 @wval_from_weak() {
  %v = load i32, i32* @wval, align 4
  ret i32 %v
}

define i32 ()* @hook_addr_from_weak() {
  ret i32 ()* @hook
}
