; tls_models, module tlsdef: thread-local variables with the static models a compiler
; emits for executables (initial-exec, local-exec), 200000 bytes of them: more than a
; static TLS pool holds. The ir layer must give them a model the JIT supports.
source_filename = "tlsdef.ll"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@tv = thread_local(initialexec) global i32 41, align 4
@big = thread_local(initialexec) global [200000 x i8] zeroinitializer, align 16
@own = internal thread_local(localexec) global i64 1000, align 8

define i32 @bump(i32 %by) {
  %v = load i32, i32* @tv, align 4
  %v1 = add i32 %v, %by
  store i32 %v1, i32* @tv, align 4
  %bp = getelementptr inbounds [200000 x i8], [200000 x i8]* @big, i64 0, i64 199999
  %b = load i8, i8* %bp, align 1
  %b1 = add i8 %b, 1
  store i8 %b1, i8* %bp, align 1
  %o = load i64, i64* @own, align 8
  %o1 = add i64 %o, 1
  store i64 %o1, i64* @own, align 8
  %bz = zext i8 %b1 to i32
  %r = add i32 %v1, %bz
  ret i32 %r
}

define i64 @own_value() {
  %o = load i64, i64* @own, align 8
  ret i64 %o
}
