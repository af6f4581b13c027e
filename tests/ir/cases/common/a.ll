; common, module a: common symbols (the IR of C tentative definitions under -fcommon).
source_filename = "a.ll"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@shared = common global i32 0, align 4
@defd = common global i32 0, align 4
@aligned = common global i32 0, align 64
@sized = common global [10 x i32] zeroinitializer, align 4
@big = common global [100000 x i32] zeroinitializer, align 16

define void @a_touch() {
  %s = load i32, i32* @shared, align 4
  %s1 = add i32 %s, 10
  store i32 %s1, i32* @shared, align 4
  %d = load i32, i32* @defd, align 4
  %d1 = mul i32 %d, 2
  store i32 %d1, i32* @defd, align 4
  store i32 1, i32* getelementptr inbounds ([100000 x i32], [100000 x i32]* @big, i64 0, i64 0), align 16
  store i32 2, i32* getelementptr inbounds ([100000 x i32], [100000 x i32]* @big, i64 0, i64 99999), align 4
  ret void
}

define i32 @a_sized_sum() {
entry:
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i1, %loop ]
  %acc = phi i32 [ 0, %entry ], [ %acc1, %loop ]
  %p = getelementptr inbounds [10 x i32], [10 x i32]* @sized, i64 0, i64 %i
  %v = load i32, i32* %p, align 4
  %acc1 = add i32 %acc, %v
  %i1 = add i64 %i, 1
  %done = icmp eq i64 %i1, 10
  br i1 %done, label %out, label %loop
out:
  ret i32 %acc1
}
