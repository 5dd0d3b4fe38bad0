/* Kernel timers (kernel/time/timer.c, without the wheel: a list sorted by expiry is plenty
 * for the few timers MenuOS runs). Pure: host tests drive it with their own jiffies. */
#include "kernel/timer.h"
#include "kernel/io.h"

extern "C" {
volatile unsigned long jiffies;
}
static list_head timer_list_head = LIST_HEAD_INIT(timer_list_head);

extern "C" void timer_setup(timer_list *t, void (*fn)(timer_list *))
{
    INIT_LIST_HEAD(&t->entry);
    t->expires = 0;
    t->function = fn;
}

extern "C" bool del_timer(timer_list *t)
{
    irq_guard guard;
    bool pending = !list_empty(&t->entry);
    list_del_init(&t->entry);
    return pending;
}

extern "C" bool mod_timer(timer_list *t, unsigned long expires)
{
    irq_guard guard;
    bool pending = !list_empty(&t->entry);
    list_del_init(&t->entry);
    t->expires = expires;
    list_head *pos;
    list_for_each(pos, &timer_list_head) {
        if (time_before(expires, list_entry(pos, timer_list, entry)->expires))
            break;
    }
    list_add_tail(&t->entry, pos); /* before the first later timer */
    return pending;
}

extern "C" bool timers_due(void)
{
    if (list_empty(&timer_list_head))
        return false;
    return time_after_eq(jiffies, list_first_entry(&timer_list_head, timer_list, entry)->expires);
}

extern "C" void run_timers(void)
{
    for (;;) {
        timer_list *t;
        {
            irq_guard guard;
            if (!timers_due())
                return;
            t = list_first_entry(&timer_list_head, timer_list, entry);
            list_del_init(&t->entry);
        }
        t->function(t); /* may re-arm itself */
    }
}
