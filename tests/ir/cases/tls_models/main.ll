; tls_models, module main: uses tlsdef's variable with the initial-exec model from the
; main thread and from four threads (each sees its own copy, starting at 41).
source_filename = "main.ll"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@tv = external thread_local(initialexec) global i32
@results = global [4 x i32] zeroinitializer, align 16

@.fmt = private unnamed_addr constant [15 x i8] c"thread %d: %d\0A\00"
@.fmtm = private unnamed_addr constant [29 x i8] c"main: tv=%d bump=%d own=%ld\0A\00"

declare i32 @printf(i8*, ...)
declare i32 @bump(i32)
declare i64 @own_value()
declare i32 @pthread_create(i64*, i8*, i8* (i8*)*, i8*)
declare i32 @pthread_join(i64, i8**)

define internal i8* @worker(i8* %arg) {
  %idx = ptrtoint i8* %arg to i64
  %n = trunc i64 %idx to i32
  %a = call i32 @bump(i32 %n)
  %b = call i32 @bump(i32 %n)
  %tvv = load i32, i32* @tv, align 4
  %s = add i32 %b, %tvv
  %p = getelementptr inbounds [4 x i32], [4 x i32]* @results, i64 0, i64 %idx
  store i32 %s, i32* %p, align 4
  ret i8* null
}

define i32 @main() {
entry:
  %tids = alloca [4 x i64], align 16
  br label %spawn
spawn:
  %i = phi i64 [ 0, %entry ], [ %i1, %spawn ]
  %tp = getelementptr inbounds [4 x i64], [4 x i64]* %tids, i64 0, i64 %i
  %arg = inttoptr i64 %i to i8*
  call i32 @pthread_create(i64* %tp, i8* null, i8* (i8*)* @worker, i8* %arg)
  %i1 = add i64 %i, 1
  %sdone = icmp eq i64 %i1, 4
  br i1 %sdone, label %joinloop, label %spawn
joinloop:
  %j = phi i64 [ 0, %spawn ], [ %j1, %joinloop ]
  %jp = getelementptr inbounds [4 x i64], [4 x i64]* %tids, i64 0, i64 %j
  %tid = load i64, i64* %jp, align 8
  call i32 @pthread_join(i64 %tid, i8** null)
  %j1 = add i64 %j, 1
  %jdone = icmp eq i64 %j1, 4
  br i1 %jdone, label %print, label %joinloop
print:
  %k = phi i64 [ 0, %joinloop ], [ %k1, %print ]
  %rp = getelementptr inbounds [4 x i32], [4 x i32]* @results, i64 0, i64 %k
  %r = load i32, i32* %rp, align 4
  %k32 = trunc i64 %k to i32
  call i32 (i8*, ...) @printf(i8* getelementptr inbounds ([15 x i8], [15 x i8]* @.fmt, i64 0, i64 0), i32 %k32, i32 %r)
  %k1 = add i64 %k, 1
  %kdone = icmp eq i64 %k1, 4
  br i1 %kdone, label %done, label %print
done:
  %m = call i32 @bump(i32 100)
  %tvm = load i32, i32* @tv, align 4
  %own = call i64 @own_value()
  call i32 (i8*, ...) @printf(i8* getelementptr inbounds ([29 x i8], [29 x i8]* @.fmtm, i64 0, i64 0), i32 %tvm, i32 %m, i64 %own)
  ret i32 0
}
