# Inputs of test_relocs.c: one tiny assembly file per x86-64 relocation kind (in the
# style of JITLink's lit tests), plus variants selected with --defsym.
if(CMAKE_SYSTEM_PROCESSOR MATCHES "x86_64|AMD64")
  foreach(name good abs64 pc32 pc32_func pc64 plt32 abs32 abs32_own abs32s abs16 abs8
          pc16 pc8 got32 got64 size size_big tls static_tls unknown)
    hj_unit_input(relocs_${name} inputs/relocs_${name}.s)
  endforeach()
  hj_unit_input(relocs_gotpcrel inputs/relocs_gotpcrel.s -Wa,-mrelax-relocations=no)
  hj_unit_input(relocs_gotpcrelx inputs/relocs_gotpcrelx.s -Wa,-mrelax-relocations=yes)
  hj_unit_input(relocs_pc16_far inputs/relocs_pc16.s -Wa,--defsym,FAR=1)
  hj_unit_input(relocs_pc8_far inputs/relocs_pc8.s -Wa,--defsym,FAR=1)
  foreach(v TPOFF32 GOTTPOFF TPOFF64)
    hj_unit_input(relocs_static_tls_own_${v} inputs/relocs_static_tls_own.s -Wa,--defsym,${v}=1)
  endforeach()
  foreach(v PC32 PLT32 ABS32 ABS32S PC16 PC8 GOTPCREL GOTPCRELX REX_GOTPCRELX GOT32 GOTPC32
          SIZE32 TLSGD TLSLD DTPOFF32 GOTTPOFF TPOFF32)
    hj_unit_input(relocs_big_${v} inputs/relocs_big.s -Wa,--defsym,${v}=1)
  endforeach()
  foreach(v TLSDESC RELATIVE)
    hj_unit_input(relocs_unknown_${v} inputs/relocs_unknown.s -Wa,--defsym,${v}=1)
  endforeach()
  hj_unit_input(relocs_tls_nopic inputs/relocs_tls_nopic.c -O1 -fno-pic)
  hj_unit_input(relocs_tlsdesc inputs/relocs_tlsdesc.c -O1 -fPIC -mtls-dialect=gnu2)
endif()
