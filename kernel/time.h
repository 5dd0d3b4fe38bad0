/* Time keeping: the PIT tick (arch/x86/kernel/i8253.c, time.c) and the clocks derived from it. */
#pragma once
#include "kernel/types.h"
#include "kernel/timer.h"

extern "C" {
void time_init(void);
/* Nanoseconds since boot: jiffies plus the PIT's position inside the current tick. */
unsigned long long ktime_get_ns(void);
/* Seconds since the epoch, from the CMOS clock read at boot plus the uptime. */
long get_seconds(void);
}
