/* The scheduler and wait queues (kernel/sched/core.c, wait.c), round robin.
 *
 * One run queue of runnable tasks; the idle task (pid 0) runs only when it is empty. A task
 * leaves the CPU in schedule(): because it sleeps (state != TASK_RUNNING) or because its time
 * slice ran out (need_resched, checked on the way back to user mode). Bottom halves run in
 * schedule() before the switch, on the sleeping task's clean stack. */
#include "kernel/desc.h"
#include "kernel/io.h"
#include "kernel/mm.h"
#include "kernel/printk.h"
#include "kernel/sched.h"
#include "kernel/slab.h"
#include "kernel/softirq.h"
#include "kernel/string.h"
#include "kernel/timer.h"
#include "kernel/signal.h"
#include "uapi/errno.h"

#define TIME_SLICE 10 /* ticks (ms) */

extern "C" {
extern char init_thread_stack[];
task_struct init_task;
task_struct *current_task = &init_task;
list_head task_list = LIST_HEAD_INIT(task_list);
int nr_tasks = 1;
extern int seg_reload_needed;
void ret_from_kernel_thread(void);
}
static list_head run_queue = LIST_HEAD_INIT(run_queue);
/* Set when a user segment may not match its saved selector: kernel/entry.S then reloads all. */
int seg_reload_needed;
static u8 fpu_clean_state[108];

/* Linux: kernel/sched/core.c sched_init() */
extern "C" void sched_init(void)
{
    init_task.state = TASK_RUNNING;
    init_task.pid = 0;
    init_task.stack = init_thread_stack;
    init_task.kernel_thread = true;
    INIT_LIST_HEAD(&init_task.children);
    INIT_LIST_HEAD(&init_task.sibling);
    INIT_LIST_HEAD(&init_task.run_list);
    init_waitqueue_head(&init_task.wait_chldexit);
    strlcpy(init_task.comm, "swapper", sizeof(init_task.comm));
    list_add_tail(&init_task.tasks, &task_list);
    cpu_tss.esp0 = (u32)init_thread_stack + THREAD_SIZE;
}

/* The x87 unit is on for user programs (the kernel never touches it): each task keeps its
 * own state, saved and restored on every switch. */
extern "C" void fpu_init(void)
{
    unsigned long cr0;
    asm volatile("mov %%cr0, %0" : "=r"(cr0));
    cr0 &= ~0x4UL; /* EM off */
    cr0 |= 0x22;   /* MP, NE */
    asm volatile("mov %0, %%cr0; fninit; fnsave %1" ::"r"(cr0), "m"(fpu_clean_state));
}

extern "C" void fpu_reset_state(task_struct *t)
{
    memcpy(t->thread.fpu_state, fpu_clean_state, sizeof(fpu_clean_state));
}

extern "C" void wake_up_process(task_struct *p)
{
    irq_guard guard;
    if (p->state == TASK_ZOMBIE || p->state == TASK_DEAD)
        return;
    p->state = TASK_RUNNING;
    if (p != &init_task && list_empty(&p->run_list))
        list_add_tail(&p->run_list, &run_queue);
}

static void context_switch(task_struct *prev, task_struct *next)
{
    if (prev->mm)
        asm volatile("fnsave %0" : "=m"(prev->thread.fpu_state));
    switch_mm(next->mm);
    cpu_tss.esp0 = (u32)next->stack + THREAD_SIZE;
    if (next->thread.tls != prev->thread.tls) {
        load_TLS(*(desc_struct *)&next->thread.tls);
        seg_reload_needed = 1; /* a cached fs/gs base may be stale */
    }
    current_task = next;
    switch_to_asm(&prev->thread.sp, next->thread.sp);
    /* Back here when `prev` runs again. */
    if (current->mm)
        asm volatile("frstor %0" ::"m"(current->thread.fpu_state));
}

/* Linux: kernel/sched/core.c __schedule() */
extern "C" void schedule(void)
{
    do_softirq(); /* deliver queued packets and timers before this task sleeps */
    unsigned long flags = local_irq_save();
    task_struct *prev = current;
    prev->need_resched = 0;
    if (prev->state == TASK_RUNNING && prev != &init_task && list_empty(&prev->run_list))
        list_add_tail(&prev->run_list, &run_queue);
    task_struct *next = &init_task;
    if (!list_empty(&run_queue)) {
        next = list_first_entry(&run_queue, task_struct, run_list);
        list_del_init(&next->run_list);
    }
    if (next != prev) {
        next->time_slice = TIME_SLICE;
        context_switch(prev, next);
    }
    local_irq_restore(flags);
}

/* The first thing a new task runs (from ret_from_fork): load the FPU state fork copied. */
extern "C" void schedule_tail(void)
{
    if (current->mm)
        asm volatile("frstor %0" ::"m"(current->thread.fpu_state));
    local_irq_enable();
}

extern "C" void scheduler_tick(void)
{
    task_struct *p = current;
    if (p == &init_task)
        return;
    if (--p->time_slice <= 0)
        p->need_resched = 1;
}

/* The idle task: run bottom halves, then sleep until an interrupt (Linux: do_idle()). */
extern "C" void cpu_idle(void)
{
    for (;;) {
        local_irq_disable();
        if (local_softirq_pending()) {
            local_irq_enable();
            do_softirq();
            continue;
        }
        if (!list_empty(&run_queue)) {
            local_irq_enable();
            schedule();
            continue;
        }
        safe_halt();
    }
}

/* ------------------------------------------------------------------ wait queues */

extern "C" void init_waitqueue_head(wait_queue_head *wq) { INIT_LIST_HEAD(&wq->head); }

extern "C" void prepare_to_wait(wait_queue_head *wq, wait_queue_entry *wait)
{
    irq_guard guard;
    wait->task = current;
    if (list_empty(&wait->entry))
        list_add_tail(&wait->entry, &wq->head);
    current->state = TASK_INTERRUPTIBLE;
}

extern "C" void finish_wait(wait_queue_head *, wait_queue_entry *wait)
{
    irq_guard guard;
    current->state = TASK_RUNNING;
    if (!list_empty(&wait->entry))
        list_del_init(&wait->entry);
}

extern "C" void __wake_up(wait_queue_head *wq)
{
    irq_guard guard;
    list_head *pos;
    list_for_each(pos, &wq->head)
        wake_up_process(list_entry(pos, wait_queue_entry, entry)->task);
}

struct sleep_timer {
    timer_list timer;
    task_struct *task;
};

static void process_timeout(timer_list *t)
{
    sleep_timer *st = container_of(t, sleep_timer, timer);
    st->task->timeout_expired = 1;
    wake_up_process(st->task);
}

/* Linux: kernel/time/timer.c schedule_timeout() */
extern "C" long schedule_timeout(long timeout)
{
    if (timeout == MAX_SCHEDULE_TIMEOUT) {
        schedule();
        return timeout;
    }
    if (timeout <= 0) {
        current->state = TASK_RUNNING;
        return 0;
    }
    unsigned long expire = jiffies + (unsigned long)timeout;
    sleep_timer st;
    st.task = current;
    timer_setup(&st.timer, process_timeout);
    mod_timer(&st.timer, expire);
    schedule();
    del_timer(&st.timer);
    long left = (long)(expire - jiffies);
    return left < 0 ? 0 : left;
}

extern "C" bool current_signal_pending(void) { return signal_pending(current); }

/* ------------------------------------------------------------------ return to user mode */

/* Linux: arch/x86/entry/common.c prepare_exit_to_usermode(): the point where a system call
 * may be preempted, where queued packets are delivered, and where fatal signals act. */
extern "C" void exit_to_user_mode(pt_regs *)
{
    for (;;) {
        local_irq_disable();
        bool work = local_softirq_pending() || current->need_resched || current->pending;
        if (!work)
            return; /* with interrupts off: restore_all and iret turn them back on */
        local_irq_enable();
        if (local_softirq_pending())
            do_softirq();
        if (current->need_resched)
            schedule();
        if (current->pending) {
            /* Only default actions: SIGCHLD/SIGCONT are ignored, everything else is fatal. */
            u32 ignored = (1u << SIGCHLD) | (1u << SIGCONT);
            current->pending &= ~ignored;
            if (current->pending) {
                int sig = __builtin_ctz(current->pending);
                if (current->pending & (1u << SIGKILL))
                    sig = SIGKILL;
                do_exit(sig); /* exit_code low bits: the signal, as wait4 reports it */
            }
        }
    }
}

extern "C" task_struct *find_task_by_pid(pid_t pid)
{
    list_head *pos;
    list_for_each(pos, &task_list) {
        task_struct *t = list_entry(pos, task_struct, tasks);
        if (t->pid == pid && t->state != TASK_DEAD)
            return t;
    }
    return nullptr;
}

/* Linux: kernel/signal.c send_sig(): only default actions, so sending is setting a bit and
 * waking the task so that a sleeping system call returns -EINTR and the signal acts. */
extern "C" void send_sig(int sig, task_struct *p)
{
    if (sig <= 0 || sig >= _NSIG || p->state == TASK_ZOMBIE)
        return;
    if (sig == SIGCHLD || sig == SIGCONT)
        return;
    irq_guard guard;
    p->pending |= 1u << sig;
    if (p->state == TASK_INTERRUPTIBLE)
        wake_up_process(p);
}

/* A synchronous fault kills the current task on its way out to user mode. */
extern "C" void force_sig(int sig)
{
    current->pending |= 1u << sig;
}
