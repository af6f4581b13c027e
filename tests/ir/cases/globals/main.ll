; globals, module main: defines main_value (written by writer.ll, read through a pointer
; stored in data.ll), reads counter directly, compares addresses taken in two modules.
source_filename = "main.ll"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@main_value = global i32 1, align 4
@counter = external global i32
@counter_addr_in_data = external global i32*
@local = internal global i32 222, align 4

@.before = private unnamed_addr constant [7 x i8] c"before\00"
@.after = private unnamed_addr constant [6 x i8] c"after\00"
@.fmt = private unnamed_addr constant [69 x i8] c"main: counter=%d main_value=%d name=%s same address=%s locals=%d,%d\0A\00"
@.yes = private unnamed_addr constant [4 x i8] c"yes\00"
@.no = private unnamed_addr constant [3 x i8] c"no\00"

declare i32 @printf(i8*, ...)
declare void @report(i8*)
declare void @write_all(i32)
declare i8* @name_ptr()
declare i32 @data_local()

define i32 @main() {
  call void @report(i8* getelementptr inbounds ([7 x i8], [7 x i8]* @.before, i64 0, i64 0))
  call void @write_all(i32 5)
  call void @write_all(i32 6)
  call void @report(i8* getelementptr inbounds ([6 x i8], [6 x i8]* @.after, i64 0, i64 0))
  %c = load i32, i32* @counter, align 4
  %m = load i32, i32* @main_value, align 4
  %n = call i8* @name_ptr()
  %pa = load i32*, i32** @counter_addr_in_data, align 8
  %same = icmp eq i32* %pa, @counter
  %s = select i1 %same, i8* getelementptr inbounds ([4 x i8], [4 x i8]* @.yes, i64 0, i64 0), i8* getelementptr inbounds ([3 x i8], [3 x i8]* @.no, i64 0, i64 0)
  %l1 = load i32, i32* @local, align 4
  %l2 = call i32 @data_local()
  call i32 (i8*, ...) @printf(i8* getelementptr inbounds ([69 x i8], [69 x i8]* @.fmt, i64 0, i64 0), i32 %c, i32 %m, i8* %n, i8* %s, i32 %l1, i32 %l2)
  ret i32 0
}
