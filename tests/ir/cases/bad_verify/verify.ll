; bad_verify: parses, but fails verification (%a uses %b before %b is defined).
source_filename = "verify.ll"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

define i32 @main() {
entry:
  %a = add i32 %b, 1
  %b = add i32 %a, 1
  ret i32 %a
}
