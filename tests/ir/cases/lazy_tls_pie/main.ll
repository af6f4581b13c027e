; lazy_tls_pie: thread-local variables in IR as clang emits it for a PIE (module flags
; "PIC Level" and "PIE Level", dso_local definitions): under "PIE Level" LLVM gives a
; thread-local variable the initial-exec or local-exec model whatever its attribute says,
; and a lazy module's TLS block is not in the static pool. Parts copied the flag and
; failed with "R_X86_64_GOTTPOFF ... needs the static TLS model".
@shared = dso_local thread_local global i32 5, align 4
@counter = internal thread_local global i32 0, align 4
@.fmt = private unnamed_addr constant [4 x i8] c"%d\0A\00", align 1

declare i32 @printf(i8*, ...)

define dso_local i32 @bump() noinline {
  %c = load i32, i32* @counter, align 4
  %n = add nsw i32 %c, 1
  store i32 %n, i32* @counter, align 4
  %s = load i32, i32* @shared, align 4
  %r = add nsw i32 %n, %s
  ret i32 %r
}

define dso_local i32 @main() {
  %a = call i32 @bump()
  %b = call i32 @bump()
  %f = getelementptr inbounds [4 x i8], [4 x i8]* @.fmt, i64 0, i64 0
  call i32 (i8*, ...) @printf(i8* %f, i32 %b)
  ret i32 0
}

!llvm.module.flags = !{!0, !1}
!0 = !{i32 7, !"PIC Level", i32 2}
!1 = !{i32 7, !"PIE Level", i32 2}
