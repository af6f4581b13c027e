hj_unit_input(eng_lib inputs/eng_lib.c -O2 -fPIC)
hj_unit_input(eng_user inputs/eng_user.c -O2 -fPIC)
hj_unit_input(eng_undef inputs/eng_undef.c -O2 -fPIC)
hj_unit_input(eng_dup inputs/eng_dup.c -O2 -fPIC)
