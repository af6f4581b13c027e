; globals, module writer: writes variables of data.ll and of main.ll.
source_filename = "writer.ll"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

%struct.rec = type { i32, i64, double }

@counter = external global i32
@table = external global [4 x i32]
@rec = external global %struct.rec
@main_value = external global i32
@big = external global [262144 x i64]

define void @write_all(i32 %n) {
  %c = load i32, i32* @counter, align 4
  %c2 = add i32 %c, %n
  store i32 %c2, i32* @counter, align 4
  %t2 = getelementptr inbounds [4 x i32], [4 x i32]* @table, i64 0, i64 2
  %t = load i32, i32* %t2, align 4
  %t10 = mul i32 %t, 10
  store i32 %t10, i32* %t2, align 4
  store i32 77, i32* @main_value, align 4
  %r1 = getelementptr inbounds %struct.rec, %struct.rec* @rec, i64 0, i32 1
  store i64 800, i64* %r1, align 8
  %last = getelementptr inbounds [262144 x i64], [262144 x i64]* @big, i64 0, i64 262143
  store i64 123456789012, i64* %last, align 8
  ret void
}
