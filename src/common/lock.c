#include "common/lock.h"

_Thread_local unsigned hj_locks_held;
