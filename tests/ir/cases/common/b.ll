; common, module b: the same common symbols (sized is larger here, so 20 ints must be
; kept) and a real definition of defd (= 5), which beats the common ones.
source_filename = "b.ll"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@shared = common global i32 0, align 4
@defd = global i32 5, align 4
@sized = common global [20 x i32] zeroinitializer, align 4
@after_sized = global [4 x i32] [i32 7, i32 7, i32 7, i32 7], align 4

define void @b_touch() {
entry:
  %s = load i32, i32* @shared, align 4
  %s1 = add i32 %s, 1
  store i32 %s1, i32* @shared, align 4
  %d = load i32, i32* @defd, align 4
  %d1 = add i32 %d, 1
  store i32 %d1, i32* @defd, align 4
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i1, %loop ]
  %p = getelementptr inbounds [20 x i32], [20 x i32]* @sized, i64 0, i64 %i
  %v = trunc i64 %i to i32
  store i32 %v, i32* %p, align 4
  %i1 = add i64 %i, 1
  %done = icmp eq i64 %i1, 20
  br i1 %done, label %out, label %loop
out:
  ret void
}

define i32 @b_sized_last() {
  %v = load i32, i32* getelementptr inbounds ([20 x i32], [20 x i32]* @sized, i64 0, i64 19), align 4
  %w = load i32, i32* getelementptr inbounds ([4 x i32], [4 x i32]* @after_sized, i64 0, i64 0), align 4
  %r = add i32 %v, %w
  ret i32 %r
}
