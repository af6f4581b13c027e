; lazy_recursion, module a: fact and fib call themselves; is_even calls is_odd (b.ll);
; deep_a calls deep_b (b.ll) or, at the bottom, leaf_first (b.ll) for the first time.
source_filename = "a.ll"

declare i32 @is_odd(i32)
declare i32 @deep_b(i32, double)
declare i32 @leaf_first(double)

define i64 @fact(i64 %n) {
entry:
  %small = icmp ule i64 %n, 1
  br i1 %small, label %one, label %rec
one:
  ret i64 1
rec:
  %m = sub i64 %n, 1
  %r = call i64 @fact(i64 %m)
  %p = mul i64 %r, %n
  ret i64 %p
}

define i32 @fib(i32 %n) {
entry:
  %small = icmp slt i32 %n, 2
  br i1 %small, label %base, label %rec
base:
  ret i32 %n
rec:
  %n1 = sub i32 %n, 1
  %n2 = sub i32 %n, 2
  %a = call i32 @fib(i32 %n1)
  %b = call i32 @fib(i32 %n2)
  %s = add i32 %a, %b
  ret i32 %s
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

define i32 @deep_a(i32 %n, double %acc) {
entry:
  %z = icmp eq i32 %n, 0
  br i1 %z, label %leaf, label %rec
leaf:
  %l = call i32 @leaf_first(double %acc)
  ret i32 %l
rec:
  %m = sub i32 %n, 1
  %acc2 = fadd double %acc, 1.5
  %r = call i32 @deep_b(i32 %m, double %acc2)
  %r1 = add i32 %r, 1
  ret i32 %r1
}
