; funcptr, module main: calls through ops.ll's tables; function addresses taken in two
; modules compare equal (op_add, main_sub, puts); an internal function and a libc
; callback (qsort calls main's comparator) given across modules.
source_filename = "main.ll"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@ops_table = external constant [3 x i32 (i32, i32)*]
@ops_table_rw = external global [2 x i32 (i32, i32)*]
@values = global [6 x i32] [i32 42, i32 -7, i32 19, i32 0, i32 1000, i32 3], align 16

@.fmt_tab = private unnamed_addr constant [17 x i8] c"table: %d %d %d\0A\00"
@.fmt_rw = private unnamed_addr constant [37 x i8] c"rw before: %d %d, after swap: %d %d\0A\00"
@.fmt_eq = private unnamed_addr constant [60 x i8] c"op_add equal: %d %d, main_sub equal: %d %d, puts equal: %d\0A\00"
@.fmt_apply = private unnamed_addr constant [23 x i8] c"apply(twice, 21) = %d\0A\00"
@.fmt_sorted = private unnamed_addr constant [27 x i8] c"sorted: %d %d %d %d %d %d\0A\00"

declare i32 @printf(i8*, ...)
declare i32 @puts(i8*)
declare void @qsort(i8*, i64, i64, i32 (i8*, i8*)*)
declare i32 @op_add(i32, i32)
declare i32 (i32, i32)* @get_add()
declare i32 (i8*)* @get_puts()
declare i32 (i32, i32)* @get_main_sub()
declare i32 @apply(i32 (i32)*, i32)
declare void @swap_rw()

define i32 @main_sub(i32 %a, i32 %b) {
  %r = sub i32 %a, %b
  ret i32 %r
}

define internal i32 @twice(i32 %x) {
  %r = shl i32 %x, 1
  ret i32 %r
}

define internal i32 @cmp_int(i8* %a, i8* %b) {
  %pa = bitcast i8* %a to i32*
  %pb = bitcast i8* %b to i32*
  %x = load i32, i32* %pa, align 4
  %y = load i32, i32* %pb, align 4
  %lt = icmp slt i32 %x, %y
  %gt = icmp sgt i32 %x, %y
  %g = zext i1 %gt to i32
  %l = zext i1 %lt to i32
  %r = sub i32 %g, %l
  ret i32 %r
}

define internal i32 @call_entry([3 x i32 (i32, i32)*]* %t, i64 %i, i32 %a, i32 %b) {
  %p = getelementptr inbounds [3 x i32 (i32, i32)*], [3 x i32 (i32, i32)*]* %t, i64 0, i64 %i
  %f = load i32 (i32, i32)*, i32 (i32, i32)** %p, align 8
  %r = call i32 %f(i32 %a, i32 %b)
  ret i32 %r
}

define internal i32 @call_rw(i64 %i, i32 %a, i32 %b) {
  %p = getelementptr inbounds [2 x i32 (i32, i32)*], [2 x i32 (i32, i32)*]* @ops_table_rw, i64 0, i64 %i
  %f = load volatile i32 (i32, i32)*, i32 (i32, i32)** %p, align 8
  %r = call i32 %f(i32 %a, i32 %b)
  ret i32 %r
}

define i32 @main() {
  %t0 = call i32 @call_entry([3 x i32 (i32, i32)*]* @ops_table, i64 0, i32 6, i32 7)
  %t1 = call i32 @call_entry([3 x i32 (i32, i32)*]* @ops_table, i64 1, i32 6, i32 7)
  %t2 = call i32 @call_entry([3 x i32 (i32, i32)*]* @ops_table, i64 2, i32 6, i32 7)
  call i32 (i8*, ...) @printf(i8* getelementptr inbounds ([17 x i8], [17 x i8]* @.fmt_tab, i64 0, i64 0), i32 %t0, i32 %t1, i32 %t2)

  %r0 = call i32 @call_rw(i64 0, i32 3, i32 4)
  %r1 = call i32 @call_rw(i64 1, i32 3, i32 4)
  call void @swap_rw()
  %r2 = call i32 @call_rw(i64 0, i32 3, i32 4)
  %r3 = call i32 @call_rw(i64 1, i32 3, i32 4)
  call i32 (i8*, ...) @printf(i8* getelementptr inbounds ([37 x i8], [37 x i8]* @.fmt_rw, i64 0, i64 0), i32 %r0, i32 %r1, i32 %r2, i32 %r3)

  ; addresses: op_add from here, from ops' function and from ops' table
  %ga = call i32 (i32, i32)* @get_add()
  %e1 = icmp eq i32 (i32, i32)* %ga, @op_add
  %pt = getelementptr inbounds [3 x i32 (i32, i32)*], [3 x i32 (i32, i32)*]* @ops_table, i64 0, i64 0
  %ta = load volatile i32 (i32, i32)*, i32 (i32, i32)** %pt, align 8
  %e2 = icmp eq i32 (i32, i32)* %ta, @op_add
  ; main_sub: defined here, its address taken in ops.ll (function and table)
  %gs = call i32 (i32, i32)* @get_main_sub()
  %e3 = icmp eq i32 (i32, i32)* %gs, @main_sub
  %ps = getelementptr inbounds [3 x i32 (i32, i32)*], [3 x i32 (i32, i32)*]* @ops_table, i64 0, i64 2
  %ts = load volatile i32 (i32, i32)*, i32 (i32, i32)** %ps, align 8
  %e4 = icmp eq i32 (i32, i32)* %ts, @main_sub
  %gp = call i32 (i8*)* @get_puts()
  %e5 = icmp eq i32 (i8*)* %gp, @puts
  %z1 = zext i1 %e1 to i32
  %z2 = zext i1 %e2 to i32
  %z3 = zext i1 %e3 to i32
  %z4 = zext i1 %e4 to i32
  %z5 = zext i1 %e5 to i32
  call i32 (i8*, ...) @printf(i8* getelementptr inbounds ([60 x i8], [60 x i8]* @.fmt_eq, i64 0, i64 0), i32 %z1, i32 %z2, i32 %z3, i32 %z4, i32 %z5)

  %ap = call i32 @apply(i32 (i32)* @twice, i32 21)
  call i32 (i8*, ...) @printf(i8* getelementptr inbounds ([23 x i8], [23 x i8]* @.fmt_apply, i64 0, i64 0), i32 %ap)

  call void @qsort(i8* bitcast ([6 x i32]* @values to i8*), i64 6, i64 4, i32 (i8*, i8*)* @cmp_int)
  %v0 = load i32, i32* getelementptr inbounds ([6 x i32], [6 x i32]* @values, i64 0, i64 0), align 4
  %v1 = load i32, i32* getelementptr inbounds ([6 x i32], [6 x i32]* @values, i64 0, i64 1), align 4
  %v2 = load i32, i32* getelementptr inbounds ([6 x i32], [6 x i32]* @values, i64 0, i64 2), align 4
  %v3 = load i32, i32* getelementptr inbounds ([6 x i32], [6 x i32]* @values, i64 0, i64 3), align 4
  %v4 = load i32, i32* getelementptr inbounds ([6 x i32], [6 x i32]* @values, i64 0, i64 4), align 4
  %v5 = load i32, i32* getelementptr inbounds ([6 x i32], [6 x i32]* @values, i64 0, i64 5), align 4
  call i32 (i8*, ...) @printf(i8* getelementptr inbounds ([27 x i8], [27 x i8]* @.fmt_sorted, i64 0, i64 0), i32 %v0, i32 %v1, i32 %v2, i32 %v3, i32 %v4, i32 %v5)
  ret i32 0
}
