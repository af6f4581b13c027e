; bad_parse: line 9 uses a value that does not exist.
source_filename = "bad.ll"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

define i32 @main() {
entry:
  %x = add i32 1, 2
  %y = add i32 %x, %nosuchvalue
  ret i32 %y
}
