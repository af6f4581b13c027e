; lazy_self_address: functions that take their own address, in IR as clang emits it for
; an executable without -fPIC (dso_local definitions of default visibility). pub's
; address inside pub must equal the one in data (fp) and the one main takes; so must a
; self-address taken in a copy inlined into another part (self_in_callee). LLVM names a
; dso_local definition in its own object through a local alias (pub$local): in a lazy
; part that alias is the part's body, not the entry stub, unless the part's definition
; is made preemptible.
@fp = dso_local global i32 ()* @pub, align 8
@.fmt = private unnamed_addr constant [19 x i8] c"%d %d %d %d %d %d\0A\00", align 1

declare i32 @pie_self()

declare i32 @printf(i8*, ...)

define dso_local i32 @pub() {
  %f = load volatile i32 ()*, i32 ()** @fp, align 8
  %same = icmp eq i32 ()* %f, @pub
  %r = zext i1 %same to i32
  ret i32 %r
}

define dso_local i8* @self_in_callee() {
  ret i8* bitcast (i8* ()* @self_in_callee to i8*)
}

define dso_local i8* @calls_it() {
  %p = call i8* @self_in_callee()
  ret i8* %p
}

define dso_local i32 @main() {
  %a = call i32 @pub()
  %f = load volatile i32 ()*, i32 ()** @fp, align 8
  %b = call i32 %f()
  %own = icmp eq i32 ()* %f, @pub
  %c = zext i1 %own to i32
  %p1 = call i8* @self_in_callee()
  %p2 = call i8* @calls_it()
  %e1 = icmp eq i8* %p1, bitcast (i8* ()* @self_in_callee to i8*)
  %e2 = icmp eq i8* %p2, %p1
  %d = zext i1 %e1 to i32
  %e = zext i1 %e2 to i32
  %g = call i32 @pie_self()
  %s = getelementptr inbounds [19 x i8], [19 x i8]* @.fmt, i64 0, i64 0
  call i32 (i8*, ...) @printf(i8* %s, i32 %a, i32 %b, i32 %c, i32 %d, i32 %e, i32 %g)
  ret i32 0
}
