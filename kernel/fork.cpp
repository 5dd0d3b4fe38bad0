/* Creating tasks (kernel/fork.c copy_process, arch/x86/kernel/process_32.c copy_thread).
 * A new task gets a kernel stack whose top holds a copy of the parent's pt_regs (eax = 0: the
 * child's fork() returns 0) and, below it, a switch frame that makes switch_to_asm "return"
 * into ret_from_fork. */
#include "kernel/fs.h"
#include "kernel/io.h"
#include "kernel/mm.h"
#include "kernel/mm/page_alloc.h"
#include "kernel/printk.h"
#include "kernel/sched.h"
#include "kernel/slab.h"
#include "kernel/string.h"
#include "kernel/timer.h"
#include "uapi/errno.h"

extern "C" {
void ret_from_fork(void);
void ret_from_kernel_thread(void);
void fpu_reset_state(task_struct *t);
files_struct *dup_files(files_struct *old);
void put_files(files_struct *files);
}

static pid_t last_pid;

static pid_t alloc_pid(void)
{
    for (int tries = 0; tries < PID_MAX; tries++) {
        if (++last_pid >= PID_MAX)
            last_pid = 2; /* pid 1 is init's for life */
        if (!find_task_by_pid(last_pid))
            return last_pid;
    }
    return -EAGAIN;
}

/* The frame switch_to_asm pops: edi, esi, ebx, ebp, then its return address. */
struct switch_frame {
    unsigned long di, si, bx, bp;
    void (*ret)(void);
};

static task_struct *copy_process(const char *name, bool kthread)
{
    if (nr_tasks >= NR_TASKS_MAX)
        return (task_struct *)ERR_PTR(-EAGAIN);
    task_struct *p = (task_struct *)kzalloc(sizeof(task_struct), GFP_KERNEL);
    if (!p)
        return (task_struct *)ERR_PTR(-ENOMEM);
    p->stack = alloc_thread_stack();
    if (!p->stack) {
        kfree(p);
        return (task_struct *)ERR_PTR(-ENOMEM);
    }
    pid_t pid = alloc_pid();
    if (pid < 0) {
        free_thread_stack(p->stack);
        kfree(p);
        return (task_struct *)ERR_PTR(pid);
    }
    p->pid = pid;
    p->state = TASK_RUNNING;
    p->kernel_thread = kthread;
    p->parent = current;
    p->exit_signal = 17; /* SIGCHLD */
    p->start_time = jiffies;
    INIT_LIST_HEAD(&p->children);
    INIT_LIST_HEAD(&p->run_list);
    init_waitqueue_head(&p->wait_chldexit);
    strlcpy(p->comm, name, sizeof(p->comm));
    memcpy(p->thread.fpu_state, current->thread.fpu_state, sizeof(p->thread.fpu_state));
    p->thread.tls = current->thread.tls;
    p->pgid = current->pgid ? current->pgid : pid;
    return p;
}

static void link_and_run(task_struct *p)
{
    irq_guard guard;
    list_add_tail(&p->sibling, &current->children);
    list_add_tail(&p->tasks, &task_list);
    nr_tasks++;
    wake_up_process(p);
}

static void free_unlinked(task_struct *p)
{
    free_thread_stack(p->stack);
    kfree(p);
}

/* Linux: kernel/fork.c _do_fork() for fork(2). */
extern "C" long sys_fork(void)
{
    task_struct *p = copy_process(current->comm, false);
    if (IS_ERR(p))
        return PTR_ERR(p);
    if (current->mm) {
        p->mm = dup_mm(current->mm);
        if (!p->mm) {
            free_unlinked(p);
            return -ENOMEM;
        }
    }
    p->files = dup_files(current->files);
    if (!p->files) {
        mmput(p->mm);
        free_unlinked(p);
        return -ENOMEM;
    }
    pt_regs *regs = task_pt_regs(p);
    *regs = *current_pt_regs();
    regs->ax = 0;
    switch_frame *f = (switch_frame *)regs - 1;
    *f = {0, 0, 0, 0, ret_from_fork};
    p->thread.sp = (unsigned long)f;
    link_and_run(p);
    return p->pid;
}

/* Linux: kernel/fork.c kernel_thread(): runs fn(arg) in kernel mode; if fn returns (after a
 * successful execve), the task continues in user mode with the pt_regs execve set up. */
extern "C" pid_t kernel_thread(int (*fn)(void *), void *arg, const char *name)
{
    task_struct *p = copy_process(name, true);
    if (IS_ERR(p))
        return (pid_t)PTR_ERR(p);
    p->files = dup_files(nullptr);
    if (!p->files) {
        free_unlinked(p);
        return -ENOMEM;
    }
    fpu_reset_state(p);
    switch_frame *f = (switch_frame *)task_pt_regs(p) - 1;
    *f = {0, (unsigned long)arg, (unsigned long)fn, 0, ret_from_kernel_thread};
    p->thread.sp = (unsigned long)f;
    link_and_run(p);
    return p->pid;
}
