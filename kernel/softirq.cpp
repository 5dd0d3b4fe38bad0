/* Bottom halves (kernel/softirq.c), reduced to a pending mask and a table of actions.
 * See kernel/softirq.h for when they run and why that makes protocol code lock-free. */
#include "kernel/softirq.h"
#include "kernel/io.h"
#include "kernel/timer.h"

static void (*softirq_vec[NR_SOFTIRQS])(void);
/* Read by kernel/entry.S on every return to user mode. */
extern "C" {
volatile unsigned softirq_pending;
}
static bool in_softirq;

extern "C" void open_softirq(int nr, void (*action)(void)) { softirq_vec[nr] = action; }

extern "C" void raise_softirq(int nr)
{
    irq_guard guard;
    softirq_pending = softirq_pending | (1u << nr);
}

extern "C" bool local_softirq_pending(void) { return softirq_pending != 0; }

extern "C" void do_softirq(void)
{
    if (in_softirq)
        return;
    in_softirq = true;
    unsigned long flags = local_irq_save();
    /* Bounded restarts, like Linux's MAX_SOFTIRQ_RESTART: a flood cannot starve the caller. */
    for (int restart = 0; softirq_pending && restart < 10; restart++) {
        unsigned pending = softirq_pending;
        softirq_pending = 0;
        local_irq_enable();
        for (int nr = 0; nr < NR_SOFTIRQS; nr++)
            if ((pending & (1u << nr)) && softirq_vec[nr])
                softirq_vec[nr]();
        local_irq_disable();
    }
    local_irq_restore(flags);
    in_softirq = false;
}

static void run_timer_softirq(void) { run_timers(); }

extern "C" void softirq_init(void) { open_softirq(TIMER_SOFTIRQ, run_timer_softirq); }
