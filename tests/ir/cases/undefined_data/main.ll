; undefined_data, module main: reads two variables no module defines.
source_filename = "main.ll"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@missing_counter = external global i32
@missing_table = external global [4 x i8]

declare i32 @get_one()

define i32 @main() {
  %a = load i32, i32* @missing_counter, align 4
  %b = load i8, i8* getelementptr inbounds ([4 x i8], [4 x i8]* @missing_table, i64 0, i64 1), align 1
  %bz = zext i8 %b to i32
  %s = add i32 %a, %bz
  %o = call i32 @get_one()
  %r = add i32 %s, %o
  ret i32 %r
}
