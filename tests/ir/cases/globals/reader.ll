; globals, module reader: reads what writer.ll wrote, through data.ll's pointers too.
source_filename = "reader.ll"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

%struct.rec = type { i32, i64, double }

@counter = external global i32
@table = external global [4 x i32]
@name = external constant [6 x i8]
@ptr_to_main = external global i32*
@rec = external global %struct.rec
@big = external global [262144 x i64]

@.fmt = private unnamed_addr constant [80 x i8] c"%s: counter=%d table=%d,%d,%d,%d main_value=%d rec={%d,%ld,%.1f} big[last]=%ld\0A\00"

declare i32 @printf(i8*, ...)

define void @report(i8* %label) {
  %c = load i32, i32* @counter, align 4
  %p0 = getelementptr inbounds [4 x i32], [4 x i32]* @table, i64 0, i64 0
  %t0 = load i32, i32* %p0, align 4
  %p1 = getelementptr inbounds [4 x i32], [4 x i32]* @table, i64 0, i64 1
  %t1 = load i32, i32* %p1, align 4
  %p2 = getelementptr inbounds [4 x i32], [4 x i32]* @table, i64 0, i64 2
  %t2 = load i32, i32* %p2, align 4
  %p3 = getelementptr inbounds [4 x i32], [4 x i32]* @table, i64 0, i64 3
  %t3 = load i32, i32* %p3, align 4
  %pm = load i32*, i32** @ptr_to_main, align 8
  %m = load i32, i32* %pm, align 4
  %r0p = getelementptr inbounds %struct.rec, %struct.rec* @rec, i64 0, i32 0
  %r0 = load i32, i32* %r0p, align 8
  %r1p = getelementptr inbounds %struct.rec, %struct.rec* @rec, i64 0, i32 1
  %r1 = load i64, i64* %r1p, align 8
  %r2p = getelementptr inbounds %struct.rec, %struct.rec* @rec, i64 0, i32 2
  %r2 = load double, double* %r2p, align 8
  %bp = getelementptr inbounds [262144 x i64], [262144 x i64]* @big, i64 0, i64 262143
  %b = load i64, i64* %bp, align 8
  call i32 (i8*, ...) @printf(i8* getelementptr inbounds ([80 x i8], [80 x i8]* @.fmt, i64 0, i64 0), i8* %label, i32 %c, i32 %t0, i32 %t1, i32 %t2, i32 %t3, i32 %m, i32 %r0, i64 %r1, double %r2, i64 %b)
  ret void
}

define i8* @name_ptr() {
  ret i8* getelementptr inbounds ([6 x i8], [6 x i8]* @name, i64 0, i64 0)
}
