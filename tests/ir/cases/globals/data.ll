; globals, module data: defines the shared variables (written in writer.ll, read in
; reader.ll and main.ll); a pointer in data to a variable of main.ll; read-only data;
; an internal variable whose name main.ll uses for another internal one.
source_filename = "data.ll"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

%struct.rec = type { i32, i64, double }

@counter = global i32 0, align 4
@table = global [4 x i32] [i32 1, i32 2, i32 3, i32 4], align 16
@name = constant [6 x i8] c"hello\00", align 1
@ptr_to_main = global i32* @main_value, align 8
@rec = global %struct.rec { i32 7, i64 8, double 9.5 }, align 8
@counter_addr_in_data = global i32* @counter, align 8
@big = global [262144 x i64] zeroinitializer, align 16
@local = internal global i32 111, align 4

@main_value = external global i32

define i32 @data_local() {
  %v = load i32, i32* @local, align 4
  ret i32 %v
}
