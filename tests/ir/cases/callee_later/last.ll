; callee_later, module last: defines what first.ll and mid.ll use; writes later_data in
; a constructor.
source_filename = "last.ll"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@later_data = global i32 5, align 4
@later_table = constant [3 x i32] [i32 10, i32 20, i32 30], align 4
@llvm.global_ctors = appending global [1 x { i32, void ()*, i8* }] [{ i32, void ()*, i8* } { i32 65535, void ()* @init_later, i8* null }]

define internal void @init_later() {
  %v = load i32, i32* @later_data, align 4
  %v2 = mul i32 %v, 7
  store i32 %v2, i32* @later_data, align 4
  ret void
}

define i32 @later_fn(i32 %x) {
  %r = mul i32 %x, %x
  ret i32 %r
}
