# Inputs of test_elf_bad.c: pristine objects that the test mutates.
hj_unit_input(elfbad_input inputs/elfbad_input.c -O1 -fPIC)
if(CMAKE_SYSTEM_PROCESSOR MATCHES "x86_64|AMD64")
  hj_unit_input(elfbad_group inputs/elfbad_group.s)
  hj_unit_input(elfbad_tlsctors inputs/elfbad_tlsctors.s)
endif()
hj_unit_input(elfbad_common inputs/elfbad_common.c -O1 -fPIC -fcommon)
