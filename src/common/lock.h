/* hotjit's mutexes are taken through these, which count the locks the thread holds.
 * A signal handler that interrupts its thread inside hotjit and makes a first call
 * would wait forever for a lock that thread holds; with the count the lazy trap can
 * end the program with a message instead. The count goes up before the lock is
 * taken, so an interrupted wait counts too. */
#ifndef HJ_COMMON_LOCK_H
#define HJ_COMMON_LOCK_H

#include <pthread.h>

extern _Thread_local unsigned hj_locks_held;

static inline void hj_lock(pthread_mutex_t *m)
{
    hj_locks_held++;
    pthread_mutex_lock(m);
}

static inline void hj_unlock(pthread_mutex_t *m)
{
    pthread_mutex_unlock(m);
    hj_locks_held--;
}

#endif
