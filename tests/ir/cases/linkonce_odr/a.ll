; linkonce_odr: every module (a.ll among a.ll, b.ll, main.ll) defines the same inline
; function (in a COMDAT, as C++ inline functions are), a linkonce_odr variable (like a
; static local of an inline function, also in a COMDAT), and a linkonce_odr function
; without COMDAT (an ELF weak symbol). One instance of each must be kept: addresses are
; equal in all modules and the counter is shared.
source_filename = "a.ll"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

$inl = comdat any
$inl_counter = comdat any

@inl_counter = linkonce_odr global i32 0, comdat, align 4

define linkonce_odr i32 @inl(i32 %x) comdat {
  %c = load i32, i32* @inl_counter, align 4
  %c1 = add i32 %c, 1
  store i32 %c1, i32* @inl_counter, align 4
  %r = add i32 %x, %c1
  ret i32 %r
}

define linkonce_odr i32 @nocomdat(i32 %x) {
  %r = mul i32 %x, 3
  ret i32 %r
}

define i32 (i32)* @inl_addr_a() {
  ret i32 (i32)* @inl
}

define i32 (i32)* @nocomdat_addr_a() {
  ret i32 (i32)* @nocomdat
}

define i32* @counter_addr_a() {
  ret i32* @inl_counter
}

define i32 @use_a(i32 %x) {
  %a = call i32 @inl(i32 %x)
  %b = call i32 @nocomdat(i32 %a)
  ret i32 %b
}
