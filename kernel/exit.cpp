/* Ending tasks and waiting for them (kernel/exit.c).
 * An exiting task frees its memory and files at once and stays a zombie (its task_struct and
 * kernel stack) until its parent's wait4 collects the status; its children go to init. */
#include "kernel/fs.h"
#include "kernel/io.h"
#include "kernel/mm.h"
#include "kernel/mm/page_alloc.h"
#include "kernel/printk.h"
#include "kernel/reboot.h"
#include "kernel/sched.h"
#include "kernel/signal.h"
#include "kernel/slab.h"
#include "kernel/uaccess.h"
#include "uapi/errno.h"

extern "C" void put_files(files_struct *files);

#define WNOHANG 1

static task_struct *init_process(void) { return find_task_by_pid(1); }

/* Linux: kernel/exit.c do_exit(). `code` is the wait4 status: (exit code << 8) or a signal. */
extern "C" void do_exit(int code)
{
    task_struct *tsk = current;
    if (tsk->pid == 1) {
        if (code & 0x7f)
            printk(KERN_EMERG "init killed by signal %d: nothing left to run, powering off\n", code & 0x7f);
        else
            printk(KERN_EMERG "init exited with code %d: nothing left to run, powering off\n", (code >> 8) & 0xff);
        machine_power_off();
    }
    if (tsk->pid == 0)
        panic("Attempted to kill the idle task!");

    put_files(tsk->files);
    tsk->files = nullptr;
    if (tsk->mm) {
        mm_struct *mm = tsk->mm;
        tsk->mm = nullptr;
        mmput(mm); /* switches to the kernel's page directory first */
    }

    irq_guard guard;
    /* Children go to init, which reaps zombies among them. */
    task_struct *init = init_process();
    while (!list_empty(&tsk->children)) {
        task_struct *c = list_first_entry(&tsk->children, task_struct, sibling);
        list_del_init(&c->sibling);
        c->parent = init;
        list_add_tail(&c->sibling, &init->children);
        if (c->state == TASK_ZOMBIE)
            wake_up(&init->wait_chldexit);
    }
    tsk->exit_code = code;
    tsk->state = TASK_ZOMBIE;
    wake_up(&tsk->parent->wait_chldexit);
    schedule();
    panic("zombie %d ran again", tsk->pid);
}

/* The iret to user mode faulted on a corrupt frame: end the task like a segfault. */
extern "C" void do_exit_bad_frame(void)
{
    printk(KERN_INFO "%s[%d]: bad frame on return to user mode\n", current->comm, current->pid);
    local_irq_enable();
    do_exit(SIGSEGV);
}

extern "C" long sys_exit(long code) { do_exit((int)((code & 0xff) << 8)); }
extern "C" long sys_exit_group(long code) { do_exit((int)((code & 0xff) << 8)); }

static void release_task(task_struct *p)
{
    list_del_init(&p->sibling);
    list_del_init(&p->tasks);
    nr_tasks--;
    p->state = TASK_DEAD;
    free_thread_stack(p->stack);
    kfree(p);
}

/* wait4's pid: > 0 that child, -1 any child, 0 a child in the caller's process group, < -1 a
 * child in group -pid (Linux: kernel/exit.c eligible_pid()). */
static bool child_matches(task_struct *c, pid_t pid)
{
    if (pid > 0)
        return c->pid == pid;
    if (pid == -1)
        return true;
    return c->pgid == (pid == 0 ? current->pgid : -pid);
}

/* Linux: kernel/exit.c do_wait() for wait4/waitpid. */
extern "C" long sys_wait4(long upid, long ustatus, long options, long urusage)
{
    pid_t pid = (pid_t)upid;
    int __user *status = (int __user *)ustatus;
    if (options & ~(WNOHANG | 2 /* WUNTRACED */ | 8 /* WCONTINUED */))
        return -EINVAL;
    /* Resource usage is not accounted: a struct rusage (72 bytes on i386) of zeros, written
     * up front so that a bad pointer is -EFAULT, as on Linux. */
    if (urusage && clear_user((void __user *)urusage, 72))
        return -EFAULT;
    for (;;) {
        bool have_child = false;
        task_struct *zombie = nullptr;
        {
            irq_guard guard;
            list_head *pos;
            list_for_each(pos, &current->children) {
                task_struct *c = list_entry(pos, task_struct, sibling);
                if (!child_matches(c, pid))
                    continue;
                have_child = true;
                if (c->state == TASK_ZOMBIE) {
                    zombie = c;
                    break;
                }
            }
        }
        if (!have_child)
            return -ECHILD;
        if (zombie) {
            if (status && put_user(zombie->exit_code, status))
                return -EFAULT;
            pid_t zpid = zombie->pid;
            irq_guard guard;
            release_task(zombie);
            return zpid;
        }
        if (options & WNOHANG)
            return 0;
        int err = wait_event_interruptible(current->wait_chldexit, ({
            bool found = false;
            list_head *p2;
            list_for_each(p2, &current->children) {
                task_struct *c = list_entry(p2, task_struct, sibling);
                if (child_matches(c, pid) && c->state == TASK_ZOMBIE)
                    found = true;
            }
            found;
        }));
        if (err)
            return err;
    }
}

extern "C" long sys_waitpid(long pid, long status, long options)
{
    return sys_wait4(pid, status, options, 0);
}

/* Linux: kernel/signal.c sys_kill(): default actions only (see kernel/signal.h). */
extern "C" long sys_kill(long upid, long sig)
{
    if (sig < 0 || sig >= _NSIG)
        return -EINVAL;
    pid_t pid = (pid_t)upid;
    if (pid > 0) {
        task_struct *p = find_task_by_pid(pid);
        if (!p || p->state == TASK_ZOMBIE)
            return -ESRCH;
        /* init has no handlers, so it ignores every signal, SIGKILL included (as on Linux) */
        if (sig && p->pid != 1)
            send_sig((int)sig, p);
        return 0;
    }
    /* Linux: kernel/signal.c kill_something_info(): 0 the caller's process group, -1 every
     * process but init and the caller, < -1 the process group -pid. */
    pid_t pgid = pid == 0 ? current->pgid : -pid;
    int found = 0;
    irq_guard guard;
    list_head *pos, *n;
    list_for_each_safe(pos, n, &task_list) {
        task_struct *p = list_entry(pos, task_struct, tasks);
        if (p->pid == 0 || p->state == TASK_ZOMBIE)
            continue;
        if (pid == -1 ? (p->pid == 1 || p == current) : p->pgid != pgid)
            continue;
        found++;
        if (sig && p->pid != 1)
            send_sig((int)sig, p);
    }
    return found ? 0 : -ESRCH;
}

extern "C" long sys_getpid(void) { return current->pid; }
extern "C" long sys_getppid(void) { return current->parent ? current->parent->pid : 0; }
