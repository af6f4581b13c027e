; linkonce_odr: every module (main.ll among a.ll, b.ll, main.ll) defines the same inline
; function (in a COMDAT, as C++ inline functions are), a linkonce_odr variable (like a
; static local of an inline function, also in a COMDAT), and a linkonce_odr function
; without COMDAT (an ELF weak symbol). One instance of each must be kept: addresses are
; equal in all modules and the counter is shared.
source_filename = "main.ll"
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

define i32 (i32)* @inl_addr_main() {
  ret i32 (i32)* @inl
}

define i32 (i32)* @nocomdat_addr_main() {
  ret i32 (i32)* @nocomdat
}

define i32* @counter_addr_main() {
  ret i32* @inl_counter
}

define i32 @use_main(i32 %x) {
  %a = call i32 @inl(i32 %x)
  %b = call i32 @nocomdat(i32 %a)
  ret i32 %b
}

@.fmt = private unnamed_addr constant [27 x i8] c"use: %d %d %d, counter=%d\0A\00"
@.fmt2 = private unnamed_addr constant [72 x i8] c"inl one address: %d, nocomdat one address: %d, counter one address: %d\0A\00"

declare i32 @printf(i8*, ...)
declare i32 @use_a(i32)
declare i32 @use_b(i32)
declare i32 (i32)* @inl_addr_a()
declare i32 (i32)* @inl_addr_b()
declare i32 (i32)* @nocomdat_addr_a()
declare i32 (i32)* @nocomdat_addr_b()
declare i32* @counter_addr_a()
declare i32* @counter_addr_b()

define i32 @main() {
  %u1 = call i32 @use_a(i32 10)
  %u2 = call i32 @use_b(i32 10)
  %u3 = call i32 @use_main(i32 10)
  %c = load i32, i32* @inl_counter, align 4
  call i32 (i8*, ...) @printf(i8* getelementptr inbounds ([27 x i8], [27 x i8]* @.fmt, i64 0, i64 0), i32 %u1, i32 %u2, i32 %u3, i32 %c)
  %ia = call i32 (i32)* @inl_addr_a()
  %ib = call i32 (i32)* @inl_addr_b()
  %im = call i32 (i32)* @inl_addr_main()
  %i1 = icmp eq i32 (i32)* %ia, %ib
  %i2 = icmp eq i32 (i32)* %ib, %im
  %i3 = icmp eq i32 (i32)* %im, @inl
  %i12 = and i1 %i1, %i2
  %iall = and i1 %i12, %i3
  %na = call i32 (i32)* @nocomdat_addr_a()
  %nb = call i32 (i32)* @nocomdat_addr_b()
  %nm = call i32 (i32)* @nocomdat_addr_main()
  %n1 = icmp eq i32 (i32)* %na, %nb
  %n2 = icmp eq i32 (i32)* %nb, %nm
  %nall = and i1 %n1, %n2
  %ca = call i32* @counter_addr_a()
  %cb = call i32* @counter_addr_b()
  %cm = call i32* @counter_addr_main()
  %c1 = icmp eq i32* %ca, %cb
  %c2 = icmp eq i32* %cb, %cm
  %call = and i1 %c1, %c2
  %zi = zext i1 %iall to i32
  %zn = zext i1 %nall to i32
  %zc = zext i1 %call to i32
  call i32 (i8*, ...) @printf(i8* getelementptr inbounds ([72 x i8], [72 x i8]* @.fmt2, i64 0, i64 0), i32 %zi, i32 %zn, i32 %zc)
  ret i32 0
}
