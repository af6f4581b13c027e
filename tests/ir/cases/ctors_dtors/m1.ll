; ctors_dtors, module m1: llvm.global_ctors / llvm.global_dtors entries with priorities.
source_filename = "m1.ll"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

declare i32 @puts(i8*)
@.s_m1_c200 = private unnamed_addr constant [12 x i8] c"m1 ctor 200\00"
define internal void @m1_c200() {
  call i32 @puts(i8* getelementptr inbounds ([12 x i8], [12 x i8]* @.s_m1_c200, i64 0, i64 0))
  call void @set_config(i32 5)
  ret void
}
@.s_m1_cdef = private unnamed_addr constant [16 x i8] c"m1 ctor default\00"
define internal void @m1_cdef() {
  call i32 @puts(i8* getelementptr inbounds ([16 x i8], [16 x i8]* @.s_m1_cdef, i64 0, i64 0))
  ret void
}
@llvm.global_ctors = appending global [2 x { i32, void ()*, i8* }] [{ i32, void ()*, i8* } { i32 200, void ()* @m1_c200, i8* null }, { i32, void ()*, i8* } { i32 65535, void ()* @m1_cdef, i8* null }]
@.s_m1_d200 = private unnamed_addr constant [12 x i8] c"m1 dtor 200\00"
define internal void @m1_d200() {
  call i32 @puts(i8* getelementptr inbounds ([12 x i8], [12 x i8]* @.s_m1_d200, i64 0, i64 0))
  ret void
}
@.s_m1_ddef = private unnamed_addr constant [16 x i8] c"m1 dtor default\00"
define internal void @m1_ddef() {
  call i32 @puts(i8* getelementptr inbounds ([16 x i8], [16 x i8]* @.s_m1_ddef, i64 0, i64 0))
  ret void
}
@llvm.global_dtors = appending global [2 x { i32, void ()*, i8* }] [{ i32, void ()*, i8* } { i32 200, void ()* @m1_d200, i8* null }, { i32, void ()*, i8* } { i32 65535, void ()* @m1_ddef, i8* null }]
declare void @set_config(i32)
