; lazy_undefined_*, module lib: ok_func and ok_other work; broken_reader reads
; @missing_var and broken_caller calls @missing_func, which no module defines.
source_filename = "lib.ll"

@missing_var = external global i32
@seen = global i32 5

declare i32 @missing_func(i32)

define i32 @ok_func(i32 %x) {
  %s = load i32, i32* @seen
  %r = mul i32 %x, %s
  ret i32 %r
}

define i32 @ok_other() {
  %r = call i32 @ok_func(i32 10)
  ret i32 %r
}

define i32 @broken_reader() {
  %v = load i32, i32* @missing_var
  %r = add i32 %v, 1
  ret i32 %r
}

define i32 @broken_caller(i32 %x) {
  %v = call i32 @missing_func(i32 %x)
  %r = add i32 %v, 1
  ret i32 %r
}
