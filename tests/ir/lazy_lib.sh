# Helpers for the lazy cases (cases/lazy_*), sourced by their `case` files:
#   . "$CASEDIR/../../lazy_lib.sh"
# They are called from check(), inside run_ir.sh, and use its run/meets functions.

# rerun_meets TAG OPT... : runs hotjit again on the same FILES, ARGS and LIBS with
# OPT... instead of OPTS (output in TAG.out/.err/.status); it must meet the same
# expectations. Used to run a lazy case at a second optimisation level, and eagerly as
# a control (a failure only in the lazy runs is then the lazy path's).
rerun_meets() {
  local tag=$1
  shift
  local libs=() l
  for l in $LIBS; do libs+=(-l "$l"); done
  run "$tag" env -i "${BASEENV[@]}" "${JITENV[@]}" "$HOTJIT" run "$@" "${libs[@]}" "${FILES[@]}" -- "${ARGS[@]}"
  if ! meets "$tag"; then
    echo "(the run with options: $*)"
    return 1
  fi
}

# lazy_variant_of CASE [OPT...] : this case is cases/CASE run with `--lazy OPT...` put
# before CASE's options: same files, expectations, build() and check(). Its build()
# copies CASE's files into the work directory first.
lazy_variant_of() {
  LAZY_ORIG=$CASEDIR/../$1
  shift
  # shellcheck disable=SC1091
  . "$LAZY_ORIG/case" || return 1
  OPTS=(--lazy "$@" "${OPTS[@]}")
  if declare -F build >/dev/null; then
    eval "lazy_orig_build() $(declare -f build | tail -n +2)"
  else
    lazy_orig_build() { :; }
  fi
  build() {
    cp -R "$LAZY_ORIG"/. . && rm -f case && lazy_orig_build
  }
}

# program_of CASE : for build(): copies cases/CASE's .ll files into the work directory
# (cases that run one program with other arguments keep one copy of it).
program_of() {
  cp "$CASEDIR/../$1"/*.ll .
}

# eager_refused NAME : control for cases whose lazy run works although a symbol is
# missing: run eagerly, the same program is refused at load time (status 125, nothing
# run, a message naming NAME).
eager_refused() {
  run eager env -i "${BASEENV[@]}" "${JITENV[@]}" "$HOTJIT" run -O2 "${FILES[@]}" -- "${ARGS[@]}"
  if [ "$(cat eager.status)" != 125 ] || [ -s eager.out ] || ! grep -q "$1" eager.err; then
    echo "control: the eager run should be refused (status 125, message naming $1," \
         "nothing run); status $(cat eager.status)"
    cat eager.out eager.err
    return 1
  fi
}
