; bad_parse, module after: valid, given after the broken module.
source_filename = "after.ll"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

define i32 @after_fn() {
  ret i32 2
}
