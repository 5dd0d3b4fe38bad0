/* Host stand-ins for the kernel services the network stack uses: user copies are memcpy,
 * wait queues record wake-ups, a "sleep" runs the softirqs and timers that would have run
 * while the task slept, fds index a small table, ramfs names live in a small map.
 * All weak, so a kernel-wide fake of the same symbol wins without a clash. */
#include <string.h>
#include <stdlib.h>
#include <stdio.h>
#include "tests/unit/net/fakes.h"
#include "kernel/fs.h"
#include "kernel/softirq.h"
#include "kernel/timer.h"
#include "kernel/uaccess.h"
#include "kernel/wait.h"
#include "net/netdevice.h"
#include "uapi/errno.h"

#define WEAK extern "C" __attribute__((weak))

unsigned long net_fake_wakeups;
bool net_fake_stuck;
size_t net_fake_capture_bytes;

WEAK bool access_ok(const void *, unsigned long) { return true; }
WEAK unsigned long copy_from_user(void *to, const void *from, unsigned long n)
{
    if (!from)
        return n;
    memcpy(to, from, n);
    return 0;
}
WEAK unsigned long copy_to_user(void *to, const void *from, unsigned long n)
{
    if (!to)
        return n;
    memcpy(to, from, n);
    return 0;
}
WEAK unsigned long clear_user(void *to, unsigned long n)
{
    memset(to, 0, n);
    return 0;
}

static void (*softirq_vec[NR_SOFTIRQS])(void);
static unsigned softirq_pending;
WEAK void open_softirq(int nr, void (*action)(void)) { softirq_vec[nr] = action; }
WEAK void raise_softirq(int nr) { softirq_pending |= 1u << nr; }
WEAK bool local_softirq_pending(void) { return softirq_pending != 0; }
WEAK void do_softirq(void)
{
    if (softirq_pending) { /* one round; net_fake_settle() repeats it */
        unsigned p = softirq_pending;
        softirq_pending = 0;
        for (int i = 0; i < NR_SOFTIRQS; i++)
            if ((p & (1u << i)) && softirq_vec[i])
                softirq_vec[i]();
    }
}

/* Runs the bottom halves until they have nothing left. A packet loop (two sockets answering
 * each other forever) would never settle: abort, which Catch2 reports as the failing test. */
void net_fake_settle(void)
{
    long rounds = 0;
    do {
        do_softirq();
        run_timers();
        if (++rounds > 100000) {
            fprintf(stderr, "net_fake_settle: the softirqs never settle (a packet loop?)\n");
            abort();
        }
    } while (softirq_pending);
}

void net_fake_advance(unsigned long ms)
{
    for (unsigned long i = 0; i < ms; i++) {
        jiffies = jiffies + 1;
        net_fake_settle();
    }
}

WEAK void init_waitqueue_head(wait_queue_head *wq) { INIT_LIST_HEAD(&wq->head); }
WEAK void __wake_up(wait_queue_head *) { net_fake_wakeups++; }
WEAK void prepare_to_wait(wait_queue_head *, wait_queue_entry *) {}
WEAK void finish_wait(wait_queue_head *, wait_queue_entry *) {}
/* A sleep: let the bottom halves run; when they have nothing to do, let time pass (timers);
 * after 30 simulated seconds without progress, report a signal so the test cannot hang. */
static int idle_rounds;
WEAK long schedule_timeout(long timeout)
{
    if (softirq_pending) {
        net_fake_settle();
        idle_rounds = 0;
        return timeout;
    }
    jiffies = jiffies + 1;
    net_fake_settle();
    if (++idle_rounds > 30000) {
        net_fake_stuck = true;
        idle_rounds = 0;
    }
    return timeout == MAX_SCHEDULE_TIMEOUT ? timeout : timeout - 1;
}
WEAK bool current_signal_pending(void)
{
    if (net_fake_stuck) {
        net_fake_stuck = false;
        return true;
    }
    return false;
}
WEAK void poll_wait(file *, wait_queue_head *, poll_table *) {}

/* fds */
static file *fdt[64];
static unsigned long long reserved;
WEAK file *alloc_file(const file_operations *fop, unsigned int flags, void *priv)
{
    file *f = (file *)calloc(1, sizeof(file));
    f->f_op = fop;
    f->f_flags = flags;
    f->f_count = 1;
    f->private_data = priv;
    return f;
}
WEAK void get_file(file *f) { f->f_count++; }
WEAK void fput(file *f)
{
    if (--f->f_count == 0) {
        if (f->f_op->release)
            f->f_op->release(nullptr, f);
        free(f);
    }
}
WEAK int get_unused_fd_flags(unsigned int)
{
    for (int i = 3; i < 64; i++)
        if (!fdt[i] && !(reserved & (1ull << i))) {
            reserved |= 1ull << i;
            return i;
        }
    return -EMFILE;
}
WEAK void put_unused_fd(int fd) { reserved &= ~(1ull << fd); }
WEAK void fd_install(int fd, file *f)
{
    reserved &= ~(1ull << fd);
    fdt[fd] = f;
}
WEAK file *fget(int fd)
{
    if (fd < 0 || fd >= 64 || !fdt[fd])
        return nullptr;
    fdt[fd]->f_count++;
    return fdt[fd];
}
/* close(2) for the tests */
extern "C" int net_fake_close(int fd)
{
    if (fd < 0 || fd >= 64 || !fdt[fd])
        return -EBADF;
    file *f = fdt[fd];
    fdt[fd] = nullptr;
    fput(f);
    return 0;
}
extern "C" file *net_fake_file(int fd) { return fd >= 0 && fd < 64 ? fdt[fd] : nullptr; }
void net_fake_reset_fds(void)
{
    for (int i = 0; i < 64; i++)
        net_fake_close(i);
}

/* ramfs names */
static inode *names[64];
static inode **find_name(const char *path)
{
    for (auto &n : names)
        if (n && !strcmp(n->i_name, path))
            return &n;
    return nullptr;
}
WEAK int vfs_mksock(const char *path, void *priv, inode **res)
{
    if (find_name(path))
        return -EEXIST;
    for (auto &n : names)
        if (!n) {
            inode *ino = (inode *)calloc(1, sizeof(inode));
            ino->i_mode = S_IFSOCK | 0777;
            ino->i_private = priv;
            ino->i_count = 1;
            strncpy(ino->i_name, path, sizeof(ino->i_name) - 1);
            n = ino;
            *res = ino;
            return 0;
        }
    return -ENOSPC;
}
WEAK int vfs_lookup(const char *path, inode **res)
{
    inode **n = find_name(path);
    if (!n)
        return -ENOENT;
    *res = *n;
    return 0;
}
WEAK int vfs_unlink(const char *path)
{
    inode **n = find_name(path);
    if (!n)
        return -ENOENT;
    (*n)->i_count--;
    *n = nullptr;
    return 0;
}
WEAK void iput(inode *ino) { ino->i_count--; }

WEAK int proc_create(const char *, proc_show_t) { return 0; }
WEAK int proc_create_rw(const char *, proc_show_t, proc_write_t) { return 0; }
WEAK void serial2_write(const void *, size_t len) { net_fake_capture_bytes += len; }
