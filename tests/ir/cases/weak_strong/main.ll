; weak_strong, module main: which definitions won, seen from several modules; undefined
; extern_weak function and variable are null.
source_filename = "main.ll"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@wval = external global i32
@only_weak_val = external global i32
@missing_data = extern_weak global i32

@.fmt = private unnamed_addr constant [72 x i8] c"hook=%d (from weak.ll %d) hook2=%d (from late_weak.ll %d) only_weak=%d\0A\00"
@.fmt2 = private unnamed_addr constant [66 x i8] c"wval=%d (from weak.ll %d) only_weak_val=%d hook address equal=%d\0A\00"
@.fmt3 = private unnamed_addr constant [50 x i8] c"missing_fn is null: %d, missing_data is null: %d\0A\00"

declare i32 @printf(i8*, ...)
declare i32 @hook()
declare i32 @hook2()
declare i32 @only_weak()
declare i32 @hook_from_weak()
declare i32 @hook2_from_late_weak()
declare i32 @wval_from_weak()
declare i32 ()* @hook_addr_from_weak()
declare extern_weak i32 @missing_fn()

define i32 @main() {
  %h = call i32 @hook()
  %hw = call i32 @hook_from_weak()
  %h2 = call i32 @hook2()
  %h2l = call i32 @hook2_from_late_weak()
  %ow = call i32 @only_weak()
  call i32 (i8*, ...) @printf(i8* getelementptr inbounds ([72 x i8], [72 x i8]* @.fmt, i64 0, i64 0), i32 %h, i32 %hw, i32 %h2, i32 %h2l, i32 %ow)
  %w = load i32, i32* @wval, align 4
  %ww = call i32 @wval_from_weak()
  %owv = load i32, i32* @only_weak_val, align 4
  %ha = call i32 ()* @hook_addr_from_weak()
  %heq = icmp eq i32 ()* %ha, @hook
  %heqz = zext i1 %heq to i32
  call i32 (i8*, ...) @printf(i8* getelementptr inbounds ([66 x i8], [66 x i8]* @.fmt2, i64 0, i64 0), i32 %w, i32 %ww, i32 %owv, i32 %heqz)
  %fnull = icmp eq i32 ()* @missing_fn, null
  %dnull = icmp eq i32* @missing_data, null
  %fz = zext i1 %fnull to i32
  %dz = zext i1 %dnull to i32
  call i32 (i8*, ...) @printf(i8* getelementptr inbounds ([50 x i8], [50 x i8]* @.fmt3, i64 0, i64 0), i32 %fz, i32 %dz)
  ret i32 0
}
