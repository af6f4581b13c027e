; funcptr, module ops: functions whose addresses are stored in tables (read-only and
; writable), returned, compared; apply() calls whatever pointer it is given.
source_filename = "ops.ll"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@ops_table = constant [3 x i32 (i32, i32)*] [i32 (i32, i32)* @op_add, i32 (i32, i32)* @op_mul, i32 (i32, i32)* @main_sub], align 16
@ops_table_rw = global [2 x i32 (i32, i32)*] [i32 (i32, i32)* @op_mul, i32 (i32, i32)* @op_add], align 16

declare i32 @main_sub(i32, i32)
declare i32 @puts(i8*)

define i32 @op_add(i32 %a, i32 %b) {
  %r = add i32 %a, %b
  ret i32 %r
}

define i32 @op_mul(i32 %a, i32 %b) {
  %r = mul i32 %a, %b
  ret i32 %r
}

define i32 (i32, i32)* @get_add() {
  ret i32 (i32, i32)* @op_add
}

define i32 (i8*)* @get_puts() {
  ret i32 (i8*)* @puts
}

define i32 (i32, i32)* @get_main_sub() {
  ret i32 (i32, i32)* @main_sub
}

define i32 @apply(i32 (i32)* %f, i32 %x) {
  %r = call i32 %f(i32 %x)
  ret i32 %r
}

define void @swap_rw() {
  %p0 = getelementptr inbounds [2 x i32 (i32, i32)*], [2 x i32 (i32, i32)*]* @ops_table_rw, i64 0, i64 0
  %p1 = getelementptr inbounds [2 x i32 (i32, i32)*], [2 x i32 (i32, i32)*]* @ops_table_rw, i64 0, i64 1
  %a = load i32 (i32, i32)*, i32 (i32, i32)** %p0, align 8
  %b = load i32 (i32, i32)*, i32 (i32, i32)** %p1, align 8
  store i32 (i32, i32)* %b, i32 (i32, i32)** %p0, align 8
  store i32 (i32, i32)* %a, i32 (i32, i32)** %p1, align 8
  ret void
}
