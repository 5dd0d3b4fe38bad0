/* jiffies and kernel timers (include/linux/jiffies.h, timer.h).
 * Timer functions run in the TIMER bottom half: process context is never interrupted by them. */
#pragma once
#include "kernel/list.h"

#define HZ 1000 /* jiffies per second: one jiffy is a millisecond */

extern "C" volatile unsigned long jiffies;

struct timer_list {
    list_head entry; /* empty when not pending */
    unsigned long expires;
    void (*function)(timer_list *t);
};

extern "C" {
void timer_setup(timer_list *t, void (*fn)(timer_list *));
/* (Re)arms t to fire at jiffies >= expires. Returns true if it was pending. */
bool mod_timer(timer_list *t, unsigned long expires);
/* Disarms t. Returns true if it was pending. */
bool del_timer(timer_list *t);
/* Runs the expired timers (called from the timer bottom half; host tests call it directly). */
void run_timers(void);
}
static inline bool timer_pending(const timer_list *t) { return !list_empty(&t->entry); }

static inline bool time_after(unsigned long a, unsigned long b) { return (long)(b - a) < 0; }
static inline bool time_after_eq(unsigned long a, unsigned long b) { return (long)(a - b) >= 0; }
static inline bool time_before(unsigned long a, unsigned long b) { return time_after(b, a); }
static inline unsigned long msecs_to_jiffies(unsigned long ms) { return ms * HZ / 1000; }
static inline unsigned long jiffies_to_msecs(unsigned long j) { return j * 1000 / HZ; }
extern "C" bool timers_due(void);
