; mixed_kinds, IR text: calls b.bc, increments c.o's counter.
source_filename = "a.ll"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@c_counter = external global i32
declare i32 @b_fn(i32)

define i32 @a_fn(i32 %x) {
  %c = load i32, i32* @c_counter, align 4
  %c1 = add i32 %c, 1
  store i32 %c1, i32* @c_counter, align 4
  %y = add i32 %x, 1
  %r = call i32 @b_fn(i32 %y)
  ret i32 %r
}
