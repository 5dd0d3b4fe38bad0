/* Wait queues (include/linux/wait.h): how a task sleeps until a condition holds.
 *
 * The kernel is not preemptible and runs on one CPU; interrupts and bottom halves (softirqs)
 * change conditions. The wait_event macros set the task's state before testing the condition,
 * so a wake_up() between the test and schedule() is never lost. Protocol code never sleeps
 * in a bottom half: only process context (a system call) waits. */
#pragma once
#include "kernel/list.h"

struct task_struct;

struct wait_queue_entry {
    task_struct *task;
    list_head entry;
};

struct wait_queue_head {
    list_head head;
};

#define __WAIT_QUEUE_HEAD_INITIALIZER(name) { LIST_HEAD_INIT((name).head) }

extern "C" {
void init_waitqueue_head(wait_queue_head *wq);
/* Wakes every task sleeping on wq (wakes are cheap: each waiter rechecks its condition). */
void __wake_up(wait_queue_head *wq);
/* Queues the current task on wq (once: wait->entry must start initialised) and marks it
 * sleeping (TASK_INTERRUPTIBLE). */
void prepare_to_wait(wait_queue_head *wq, wait_queue_entry *wait);
/* Back to TASK_RUNNING and off wq. */
void finish_wait(wait_queue_head *wq, wait_queue_entry *wait);
/* Sleeps until woken or until `timeout` jiffies pass; returns the jiffies left (0: timed out).
 * MAX_SCHEDULE_TIMEOUT sleeps without a timer. */
long schedule_timeout(long timeout);
/* True when the current task has a signal to act on (then a sleep returns -EINTR). */
bool current_signal_pending(void);
}
#define MAX_SCHEDULE_TIMEOUT 0x7fffffffL

static inline void wake_up(wait_queue_head *wq) { __wake_up(wq); }
static inline void wake_up_interruptible(wait_queue_head *wq) { __wake_up(wq); }
static inline bool waitqueue_active(const wait_queue_head *wq) { return !list_empty(&wq->head); }

/* Sleeps until `cond` is true. Returns 0, or -EINTR when a signal (Ctrl-C, kill) arrived. */
#define wait_event_interruptible(wq, cond)                                              \
    ({                                                                                  \
        int __ret = 0;                                                                  \
        wait_queue_entry __wait;                                                        \
        INIT_LIST_HEAD(&__wait.entry);                                                  \
        for (;;) {                                                                      \
            prepare_to_wait(&(wq), &__wait);                                            \
            if (cond)                                                                   \
                break;                                                                  \
            if (current_signal_pending()) {                                             \
                __ret = -EINTR;                                                         \
                break;                                                                  \
            }                                                                           \
            schedule_timeout(MAX_SCHEDULE_TIMEOUT);                                     \
        }                                                                               \
        finish_wait(&(wq), &__wait);                                                    \
        __ret;                                                                          \
    })

/* As above with a timeout in jiffies: returns the jiffies left (>= 1) when cond became true,
 * 0 on timeout, -EINTR on a signal. */
#define wait_event_interruptible_timeout(wq, cond, timeout)                             \
    ({                                                                                  \
        long __ret = (timeout);                                                         \
        wait_queue_entry __wait;                                                        \
        INIT_LIST_HEAD(&__wait.entry);                                                  \
        for (;;) {                                                                      \
            prepare_to_wait(&(wq), &__wait);                                            \
            if (cond) {                                                                 \
                if (__ret == 0)                                                         \
                    __ret = 1;                                                          \
                break;                                                                  \
            }                                                                           \
            if (current_signal_pending()) {                                             \
                __ret = -EINTR;                                                         \
                break;                                                                  \
            }                                                                           \
            if (__ret == 0)                                                             \
                break;                                                                  \
            __ret = schedule_timeout(__ret);                                            \
        }                                                                               \
        finish_wait(&(wq), &__wait);                                                    \
        __ret;                                                                          \
    })
