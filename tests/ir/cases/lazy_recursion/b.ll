; lazy_recursion, module b: is_odd calls is_even (a.ll); ping and the internal pong call
; each other inside this module; deep_b calls deep_a (a.ll); leaf_first is first called
; 6000 frames deep.
source_filename = "b.ll"

declare i32 @is_even(i32)
declare i32 @deep_a(i32, double)

define i32 @is_odd(i32 %n) {
entry:
  %z = icmp eq i32 %n, 0
  br i1 %z, label %no, label %rec
no:
  ret i32 0
rec:
  %m = sub i32 %n, 1
  %r = call i32 @is_even(i32 %m)
  ret i32 %r
}

define i32 @ping(i32 %n) {
entry:
  %z = icmp eq i32 %n, 0
  br i1 %z, label %done, label %rec
done:
  ret i32 0
rec:
  %m = sub i32 %n, 1
  %r = call i32 @pong(i32 %m)
  %s = add i32 %r, 1
  ret i32 %s
}

define internal i32 @pong(i32 %n) {
entry:
  %z = icmp eq i32 %n, 0
  br i1 %z, label %done, label %rec
done:
  ret i32 0
rec:
  %m = sub i32 %n, 1
  %r = call i32 @ping(i32 %m)
  %s = add i32 %r, 2
  ret i32 %s
}

define i32 @deep_b(i32 %n, double %acc) {
entry:
  %z = icmp eq i32 %n, 0
  br i1 %z, label %leaf, label %rec
leaf:
  %l = call i32 @leaf_first(double %acc)
  ret i32 %l
rec:
  %m = sub i32 %n, 1
  %acc2 = fadd double %acc, 0.5
  %r = call i32 @deep_a(i32 %m, double %acc2)
  %r1 = add i32 %r, 1
  ret i32 %r1
}

define i32 @leaf_first(double %acc) {
  %d = fmul double %acc, 2.0
  %i = fptosi double %d to i32
  ret i32 %i
}
