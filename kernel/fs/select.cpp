/* poll and select (fs/select.c): ask each file's ->poll which events are ready; if none is,
 * sleep on every wait queue the files registered through poll_wait() until one wakes us, a
 * signal arrives, or the timeout runs out. */
#include "kernel/fs.h"
#include "kernel/io.h"
#include "kernel/sched.h"
#include "kernel/slab.h"
#include "kernel/string.h"
#include "kernel/timer.h"
#include "kernel/uaccess.h"
#include "uapi/errno.h"

#define POLL_MAX_WAITS 192

struct poll_table_struct {
    task_struct *task;
    int nwaits;
    struct {
        wait_queue_head *wq;
        wait_queue_entry entry;
    } waits[POLL_MAX_WAITS];
};

extern "C" void poll_wait(file *, wait_queue_head *wq, poll_table *pt)
{
    if (!pt || !wq || pt->nwaits >= POLL_MAX_WAITS)
        return;
    auto &w = pt->waits[pt->nwaits++];
    w.wq = wq;
    w.entry.task = pt->task;
    irq_guard guard;
    list_add_tail(&w.entry.entry, &wq->head);
}

static void poll_freewait(poll_table *pt)
{
    irq_guard guard;
    for (int i = 0; i < pt->nwaits; i++)
        list_del_init(&pt->waits[i].entry.entry);
    pt->nwaits = 0;
}

struct pollfd32 {
    int fd;
    short events, revents;
};

static unsigned poll_one(int fd, unsigned events, poll_table *pt)
{
    if (fd < 0)
        return 0;
    file *f = fget(fd);
    if (!f)
        return POLLNVAL;
    unsigned mask = f->f_op->poll ? f->f_op->poll(f, pt) : (POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM);
    fput(f);
    return mask & (events | POLLERR | POLLHUP | POLLNVAL);
}

/* Runs `check(pt)` (which returns the number of ready items) until it is nonzero, with the
 * sleeping protocol of Linux's do_poll(). timeout < 0: forever. */
template <typename Check> static long poll_loop(long timeout_ms, Check check)
{
    poll_table *pt = (poll_table *)kmalloc(sizeof(poll_table), GFP_KERNEL);
    if (!pt)
        return -ENOMEM;
    pt->task = current;
    pt->nwaits = 0;
    long timeout = timeout_ms < 0 ? MAX_SCHEDULE_TIMEOUT : (long)msecs_to_jiffies((unsigned long)timeout_ms);
    long ret;
    for (;;) {
        current->state = TASK_INTERRUPTIBLE;
        ret = check(pt);
        if (ret || timeout == 0)
            break;
        if (signal_pending(current)) {
            ret = -EINTR;
            break;
        }
        timeout = schedule_timeout(timeout);
        poll_freewait(pt);
        if (timeout == 0) {
            current->state = TASK_RUNNING;
            ret = check(nullptr);
            break;
        }
    }
    current->state = TASK_RUNNING;
    poll_freewait(pt);
    kfree(pt);
    return ret;
}

/* Linux: fs/select.c do_sys_poll() */
extern "C" long sys_poll(long ufds, long nfds, long timeout_ms)
{
    if (nfds < 0 || nfds > NR_OPEN * 4)
        return -EINVAL;
    size_t bytes = (size_t)nfds * sizeof(pollfd32);
    pollfd32 *fds = (pollfd32 *)kmalloc(bytes ? bytes : 1, GFP_KERNEL);
    if (!fds)
        return -ENOMEM;
    if (copy_from_user(fds, (const void __user *)ufds, bytes)) {
        kfree(fds);
        return -EFAULT;
    }
    long ret = poll_loop(timeout_ms, [&](poll_table *pt) -> long {
        long n = 0;
        for (long i = 0; i < nfds; i++) {
            fds[i].revents = (short)poll_one(fds[i].fd, (unsigned)(u16)fds[i].events, pt);
            if (fds[i].revents)
                n++;
        }
        return n;
    });
    if (ret >= 0) {
        for (long i = 0; i < nfds; i++)
            if (put_user(fds[i].revents, &((pollfd32 __user *)ufds)[i].revents)) {
                ret = -EFAULT;
                break;
            }
    }
    kfree(fds);
    return ret;
}

struct timeval32 {
    long tv_sec, tv_usec;
};

#define FDSET_WORDS ((NR_OPEN + 31) / 32)
#define FD_SETSIZE 1024

/* Linux: fs/select.c core_sys_select() for _newselect (142). Only fds below NR_OPEN exist. */
extern "C" long sys_select(long n, long uin, long uout, long uex, long utv)
{
    if (n < 0 || n > FD_SETSIZE)
        return -EINVAL;
    /* The sets as the program passed them (up to FD_SETSIZE bits); only the first NR_OPEN
     * fds can exist, so a bit set beyond them names a closed fd: -EBADF, as on Linux. */
    u32 in[FD_SETSIZE / 32] = {}, out[FD_SETSIZE / 32] = {}, ex[FD_SETSIZE / 32] = {};
    size_t bytes = (size_t)((n + 31) / 32) * 4;
    if ((uin && copy_from_user(in, (const void __user *)uin, bytes)) ||
        (uout && copy_from_user(out, (const void __user *)uout, bytes)) ||
        (uex && copy_from_user(ex, (const void __user *)uex, bytes)))
        return -EFAULT;
    for (long fd = NR_OPEN; fd < n; fd++)
        if ((in[fd / 32] | out[fd / 32] | ex[fd / 32]) & (1u << (fd % 32)))
            return -EBADF;
    size_t user_bytes = bytes;
    if (n > NR_OPEN) {
        n = NR_OPEN;
        bytes = (size_t)((n + 31) / 32) * 4;
    }
    long timeout_ms = -1;
    if (utv) {
        timeval32 tv;
        if (copy_from_user(&tv, (const void __user *)utv, sizeof(tv)))
            return -EFAULT;
        if (tv.tv_sec < 0 || tv.tv_usec < 0 || tv.tv_usec >= 1000000)
            return -EINVAL; /* Linux: poll_select_set_timeout() wants a valid timespec */
        timeout_ms = tv.tv_sec * 1000 + (tv.tv_usec + 999) / 1000;
    }
    for (long fd = 0; fd < n; fd++) {
        bool want = (in[fd / 32] | out[fd / 32] | ex[fd / 32]) & (1u << (fd % 32));
        if (want && !current->files->fd[fd])
            return -EBADF;
    }
    u32 rin[FDSET_WORDS], rout[FDSET_WORDS], rex[FDSET_WORDS];
    unsigned long start = jiffies;
    long ret = poll_loop(timeout_ms, [&](poll_table *pt) -> long {
        long count = 0;
        memset(rin, 0, sizeof(rin));
        memset(rout, 0, sizeof(rout));
        memset(rex, 0, sizeof(rex));
        for (long fd = 0; fd < n; fd++) {
            u32 bit = 1u << (fd % 32);
            unsigned ev = 0;
            if (in[fd / 32] & bit) ev |= POLLIN | POLLRDNORM | POLLHUP | POLLERR;
            if (out[fd / 32] & bit) ev |= POLLOUT | POLLWRNORM | POLLERR;
            if (ex[fd / 32] & bit) ev |= POLLPRI;
            if (!ev)
                continue;
            unsigned m = poll_one((int)fd, ev, pt);
            if ((in[fd / 32] & bit) && (m & (POLLIN | POLLRDNORM | POLLHUP | POLLERR))) { rin[fd / 32] |= bit; count++; }
            if ((out[fd / 32] & bit) && (m & (POLLOUT | POLLWRNORM | POLLERR))) { rout[fd / 32] |= bit; count++; }
            if ((ex[fd / 32] & bit) && (m & POLLPRI)) { rex[fd / 32] |= bit; count++; }
        }
        return count;
    });
    if (utv && timeout_ms > 0) {
        /* Linux i386 writes back the time left (poll_select_finish) */
        long left = timeout_ms - (long)((jiffies - start) * 1000 / HZ);
        if (left < 0)
            left = 0;
        timeval32 tv = {left / 1000, (left % 1000) * 1000};
        if (copy_to_user((void __user *)utv, &tv, sizeof(tv)) && ret >= 0)
            return -EFAULT;
    }
    if (ret < 0)
        return ret;
    if ((uin && (copy_to_user((void __user *)uin, rin, bytes) ||
                 clear_user((char __user *)uin + bytes, user_bytes - bytes))) ||
        (uout && (copy_to_user((void __user *)uout, rout, bytes) ||
                  clear_user((char __user *)uout + bytes, user_bytes - bytes))) ||
        (uex && (copy_to_user((void __user *)uex, rex, bytes) ||
                 clear_user((char __user *)uex + bytes, user_bytes - bytes))))
        return -EFAULT;
    return ret;
}
