; ctors_dtors, module m3: llvm.global_ctors / llvm.global_dtors entries with priorities.
source_filename = "m3.ll"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

declare i32 @puts(i8*)
@.s_m3_c300 = private unnamed_addr constant [12 x i8] c"m3 ctor 300\00"
define internal void @m3_c300() {
  call i32 @puts(i8* getelementptr inbounds ([12 x i8], [12 x i8]* @.s_m3_c300, i64 0, i64 0))
  ret void
}
@.s_m3_cdef = private unnamed_addr constant [16 x i8] c"m3 ctor default\00"
define internal void @m3_cdef() {
  call i32 @puts(i8* getelementptr inbounds ([16 x i8], [16 x i8]* @.s_m3_cdef, i64 0, i64 0))
  ret void
}
@llvm.global_ctors = appending global [2 x { i32, void ()*, i8* }] [{ i32, void ()*, i8* } { i32 300, void ()* @m3_c300, i8* null }, { i32, void ()*, i8* } { i32 65535, void ()* @m3_cdef, i8* null }]
@.s_m3_d300 = private unnamed_addr constant [12 x i8] c"m3 dtor 300\00"
define internal void @m3_d300() {
  call i32 @puts(i8* getelementptr inbounds ([12 x i8], [12 x i8]* @.s_m3_d300, i64 0, i64 0))
  ret void
}
@.s_m3_ddef = private unnamed_addr constant [16 x i8] c"m3 dtor default\00"
define internal void @m3_ddef() {
  call i32 @puts(i8* getelementptr inbounds ([16 x i8], [16 x i8]* @.s_m3_ddef, i64 0, i64 0))
  ret void
}
@.s_m3_d1000 = private unnamed_addr constant [13 x i8] c"m3 dtor 1000\00"
define internal void @m3_d1000() {
  call i32 @puts(i8* getelementptr inbounds ([13 x i8], [13 x i8]* @.s_m3_d1000, i64 0, i64 0))
  ret void
}
@llvm.global_dtors = appending global [3 x { i32, void ()*, i8* }] [{ i32, void ()*, i8* } { i32 300, void ()* @m3_d300, i8* null }, { i32, void ()*, i8* } { i32 65535, void ()* @m3_ddef, i8* null }, { i32, void ()*, i8* } { i32 1000, void ()* @m3_d1000, i8* null }]
