/* Bottom halves (kernel/softirq.c), simplified.
 *
 * A softirq runs later, on a clean stack frame: when a system call or interrupt returns to
 * user mode, when a task is about to sleep in schedule(), and in the idle loop. Never inside
 * a hard interrupt and never in the middle of a system call's own work, so protocol code run
 * from a softirq needs no locks against process context (one CPU, no kernel preemption). */
#pragma once

enum {
    TIMER_SOFTIRQ = 0,
    NET_RX_SOFTIRQ = 1,
    NR_SOFTIRQS
};

extern "C" {
void open_softirq(int nr, void (*action)(void));
void raise_softirq(int nr);
/* Runs pending softirqs now if it is safe (not nested in another softirq). */
void do_softirq(void);
}
extern "C" bool local_softirq_pending(void);
extern "C" void softirq_init(void);
