/* Tasks and the scheduler (include/linux/sched.h, kernel/sched/core.c).
 *
 * Every process is a task_struct with its own 8 KiB kernel stack; `current` is the running
 * one. The kernel is not preemptible: a task gives up the CPU by sleeping in schedule(), or is
 * preempted on its way back to user mode when its time slice ran out (need_resched). */
#pragma once
#include "kernel/types.h"
#include "kernel/list.h"
#include "kernel/wait.h"
#include "kernel/ptrace.h"
#include "kernel/segment.h"

struct mm_struct;
struct file;

#define TASK_COMM_LEN 16
#define NR_OPEN 64      /* fds per process: -EMFILE beyond */
#define PID_MAX 32768
#define NR_TASKS_MAX 128 /* process table size: fork gets -EAGAIN beyond */

enum task_state {
    TASK_RUNNING = 0,
    TASK_INTERRUPTIBLE = 1,
    TASK_UNINTERRUPTIBLE = 2,
    TASK_ZOMBIE = 16, /* EXIT_ZOMBIE: exited, waiting for its parent's wait4 */
    TASK_DEAD = 64,
};

struct files_struct {
    file *fd[NR_OPEN];
    u64 close_on_exec; /* bit per fd */
    u64 reserved;      /* fds handed out by get_unused_fd_flags, not yet installed */
};

struct thread_struct {
    unsigned long sp;     /* kernel stack pointer saved by switch_to_asm */
    u8 fpu_state[108];    /* x87 state saved by fnsave (user programs may use the FPU) */
    u64 tls;              /* the set_thread_area descriptor, 0 when unused */
};

struct task_struct {
    volatile long state;
    u32 pending;          /* pending signal bits (1 << signr); read by kernel/entry.S */
    int need_resched;     /* time slice used up: schedule on the way to user mode */
    pid_t pid;
    task_struct *parent;
    list_head children;   /* my children, linked through their `sibling` */
    list_head sibling;
    list_head tasks;      /* all tasks */
    list_head run_list;   /* on the run queue when runnable */
    void *stack;          /* THREAD_SIZE bytes; pt_regs sit at its top for user tasks */
    mm_struct *mm;
    files_struct *files;
    int exit_code;        /* wait4 status: code << 8, or the killing signal */
    int exit_signal;
    wait_queue_head wait_chldexit; /* the parent sleeps here in wait4 */
    int time_slice;       /* ticks left before need_resched */
    bool kernel_thread;
    unsigned long timeout_expired; /* set by the schedule_timeout timer */
    unsigned long start_time;      /* jiffies at fork */
    unsigned long utime, stime;    /* ticks spent in user and kernel mode */
    pid_t pgid;           /* process group: Ctrl-C signals the console's foreground group */
    char comm[TASK_COMM_LEN];
    thread_struct thread;
};

extern "C" {
extern task_struct *current_task;
extern task_struct init_task; /* pid 0, the idle task, runs start_kernel */
extern list_head task_list;   /* every task: for ps and the gdb helper menuos-ps */
extern int nr_tasks;

void sched_init(void);
void schedule(void);
void scheduler_tick(void);
void schedule_tail(void);
void wake_up_process(task_struct *p);
void switch_to_asm(unsigned long *prev_sp, unsigned long next_sp);
task_struct *find_task_by_pid(pid_t pid);
void cpu_idle(void) __attribute__((noreturn));
[[noreturn]] void do_exit(int code);
void send_sig(int sig, task_struct *p);
void force_sig(int sig);
void exit_to_user_mode(pt_regs *regs);
pid_t kernel_thread(int (*fn)(void *), void *arg, const char *name);
}

#include "kernel/asm-offsets.h"
static_assert(offsetof(task_struct, pending) == TASK_pending);
static_assert(offsetof(task_struct, need_resched) == TASK_need_resched);

#define current current_task

static inline pt_regs *task_pt_regs(task_struct *t)
{
    return (pt_regs *)((char *)t->stack + THREAD_SIZE) - 1;
}
static inline pt_regs *current_pt_regs(void) { return task_pt_regs(current); }
static inline bool signal_pending(task_struct *t) { return t->pending != 0; }
