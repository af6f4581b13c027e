; lazy_self_address, module pie: as clang emits for a PIE (module flags "PIC Level" and
; "PIE Level"), which a part must keep: without them, its code named pie_self through a
; local alias (its body) while data holds the entry stub.
@pie_fp = dso_local global i32 ()* @pie_self, align 8

define dso_local i32 @pie_self() {
  %f = load volatile i32 ()*, i32 ()** @pie_fp, align 8
  %same = icmp eq i32 ()* %f, @pie_self
  %r = zext i1 %same to i32
  ret i32 %r
}

!llvm.module.flags = !{!0, !1}
!0 = !{i32 7, !"PIC Level", i32 2}
!1 = !{i32 7, !"PIE Level", i32 2}
