; calls_chain, module b: b_chain calls c; is_odd <-> is_even (a.ll); b_calls_a calls back into a.
source_filename = "b.ll"

declare i32 @c_chain(i32)
declare i32 @is_even(i32)
declare i32 @a_leaf()

define i32 @b_chain(i32 %x) {
  %y = add i32 %x, 10
  %r = call i32 @c_chain(i32 %y)
  %s = add i32 %r, 1
  ret i32 %s
}

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

define i32 @b_calls_a() {
  %l = call i32 @a_leaf()
  %r = add i32 %l, 5
  ret i32 %r
}
