; ctors_dtors, module m2: llvm.global_ctors / llvm.global_dtors entries with priorities.
source_filename = "m2.ll"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

declare i32 @puts(i8*)
@.s_m2_c101 = private unnamed_addr constant [12 x i8] c"m2 ctor 101\00"
define internal void @m2_c101() {
  call i32 @puts(i8* getelementptr inbounds ([12 x i8], [12 x i8]* @.s_m2_c101, i64 0, i64 0))
  ret void
}
@.s_m2_cdef = private unnamed_addr constant [16 x i8] c"m2 ctor default\00"
define internal void @m2_cdef() {
  call i32 @puts(i8* getelementptr inbounds ([16 x i8], [16 x i8]* @.s_m2_cdef, i64 0, i64 0))
  call void @show_config()
  ret void
}
@.s_m2_c1000 = private unnamed_addr constant [13 x i8] c"m2 ctor 1000\00"
define internal void @m2_c1000() {
  call i32 @puts(i8* getelementptr inbounds ([13 x i8], [13 x i8]* @.s_m2_c1000, i64 0, i64 0))
  ret void
}
@llvm.global_ctors = appending global [3 x { i32, void ()*, i8* }] [{ i32, void ()*, i8* } { i32 101, void ()* @m2_c101, i8* null }, { i32, void ()*, i8* } { i32 65535, void ()* @m2_cdef, i8* null }, { i32, void ()*, i8* } { i32 1000, void ()* @m2_c1000, i8* null }]
@.s_m2_d101 = private unnamed_addr constant [12 x i8] c"m2 dtor 101\00"
define internal void @m2_d101() {
  call i32 @puts(i8* getelementptr inbounds ([12 x i8], [12 x i8]* @.s_m2_d101, i64 0, i64 0))
  ret void
}
@.s_m2_ddef = private unnamed_addr constant [16 x i8] c"m2 dtor default\00"
define internal void @m2_ddef() {
  call i32 @puts(i8* getelementptr inbounds ([16 x i8], [16 x i8]* @.s_m2_ddef, i64 0, i64 0))
  ret void
}
@llvm.global_dtors = appending global [2 x { i32, void ()*, i8* }] [{ i32, void ()*, i8* } { i32 101, void ()* @m2_d101, i8* null }, { i32, void ()*, i8* } { i32 65535, void ()* @m2_ddef, i8* null }]

; set by m1's priority-200 constructor, shown by m2's default one
@config = global i32 0, align 4
@.fmt = private unnamed_addr constant [19 x i8] c"m2 sees config=%d\0A\00"
declare i32 @printf(i8*, ...)

define void @set_config(i32 %v) {
  store i32 %v, i32* @config, align 4
  ret void
}

define void @show_config() {
  %v = load i32, i32* @config, align 4
  call i32 (i8*, ...) @printf(i8* getelementptr inbounds ([19 x i8], [19 x i8]* @.fmt, i64 0, i64 0), i32 %v)
  ret void
}
