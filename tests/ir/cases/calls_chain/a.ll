; calls_chain, module a: a_chain calls b; is_even <-> is_odd (b.ll); a_leaf is called by b.
source_filename = "a.ll"

declare i32 @b_chain(i32)
declare i32 @is_odd(i32)

define i32 @a_chain(i32 %x) {
  %y = add i32 %x, 1
  %r = call i32 @b_chain(i32 %y)
  %m = mul i32 %r, 2
  ret i32 %m
}

define i32 @is_even(i32 %n) {
entry:
  %z = icmp eq i32 %n, 0
  br i1 %z, label %yes, label %rec
yes:
  ret i32 1
rec:
  %m = sub i32 %n, 1
  %r = call i32 @is_odd(i32 %m)
  ret i32 %r
}

define i32 @a_leaf() {
  ret i32 100
}
