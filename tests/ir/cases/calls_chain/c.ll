; calls_chain, module c: the end of the chain calls back into main.ll.
source_filename = "c.ll"

declare i32 @main_helper(i32)

define i32 @c_chain(i32 %x) {
  %r = call i32 @main_helper(i32 %x)
  %s = sub i32 %r, 7
  ret i32 %s
}

; integer, 64-bit and floating-point arguments across modules
define double @c_mix(i32 %a, i64 %b, double %c) {
  %af = sitofp i32 %a to double
  %bf = sitofp i64 %b to double
  %s1 = fadd double %af, %bf
  %s2 = fmul double %s1, %c
  ret double %s2
}
