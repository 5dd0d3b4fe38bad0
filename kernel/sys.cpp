/* Small system calls: identity, memory, time (kernel/sys.c, mm/mmap.c, kernel/time). */
#include "kernel/desc.h"
#include "kernel/mm.h"
#include "kernel/printk.h"
#include "kernel/sched.h"
#include "kernel/string.h"
#include "kernel/time.h"
#include "kernel/uaccess.h"
#include "kernel/version.h"
#include "uapi/errno.h"

extern "C" int seg_reload_needed;

/* Every table slot without a service routine lands here (kernel/sys_ni.c). */
extern "C" long sys_ni_syscall(void) { return -ENOSYS; }

struct new_utsname {
    char sysname[65], nodename[65], release[65], version[65], machine[65], domainname[65];
};

extern "C" long sys_newuname(long uname)
{
    new_utsname u = {};
    strlcpy(u.sysname, UTS_SYSNAME, sizeof(u.sysname));
    strlcpy(u.nodename, "menuos", sizeof(u.nodename));
    strlcpy(u.release, UTS_RELEASE, sizeof(u.release));
    strlcpy(u.version, UTS_VERSION, sizeof(u.version));
    strlcpy(u.machine, UTS_MACHINE, sizeof(u.machine));
    strlcpy(u.domainname, "(none)", sizeof(u.domainname));
    return copy_to_user((void __user *)uname, &u, sizeof(u)) ? -EFAULT : 0;
}

/* Linux: mm/mmap.c brk(): returns the new break, or the old one when the request fails. */
extern "C" long sys_brk(long ubrk)
{
    mm_struct *mm = current->mm;
    unsigned long brk = (unsigned long)ubrk;
    if (!mm)
        return -ENOMEM;
    if (brk < mm->start_brk || brk >= USER_MMAP_BASE)
        return (long)mm->brk;
    unsigned long old_end = ALIGN(mm->brk, PAGE_SIZE), new_end = ALIGN(brk, PAGE_SIZE);
    if (new_end > old_end) {
        if (mm_map_range(mm, old_end, new_end, true)) {
            mm_unmap_range(mm, old_end, new_end);
            return (long)mm->brk;
        }
    } else if (new_end < old_end) {
        mm_unmap_range(mm, new_end, old_end);
    }
    mm->brk = brk;
    return (long)brk;
}

#define PROT_WRITE 2
#define MAP_PRIVATE 0x02
#define MAP_ANONYMOUS 0x20
#define MAP_FIXED 0x10

/* Anonymous private memory only (mm/mmap.c do_mmap for MAP_ANONYMOUS): fresh zero pages
 * at increasing addresses from USER_MMAP_BASE. File mappings get -ENODEV. */
extern "C" long sys_mmap_pgoff(long addr, long len, long prot, long flags, long fd, long pgoff)
{
    (void)addr;
    (void)fd;
    (void)pgoff;
    mm_struct *mm = current->mm;
    if (len <= 0)
        return -EINVAL;
    if (!(flags & MAP_ANONYMOUS))
        return -ENODEV;
    if (flags & MAP_FIXED)
        return -EINVAL;
    unsigned long size = ALIGN((unsigned long)len, PAGE_SIZE);
    unsigned long start = mm->mmap_next;
    if (start + size > USER_STACK_TOP - USER_STACK_SIZE - PAGE_SIZE || start + size < start)
        return -ENOMEM;
    int err = mm_map_range(mm, start, start + size, true);
    if (err) {
        mm_unmap_range(mm, start, start + size);
        return err;
    }
    (void)prot; /* pages are readable and writable */
    mm->mmap_next = start + size + PAGE_SIZE; /* a guard page between mappings */
    return (long)start;
}

extern "C" long sys_munmap(long addr, long len)
{
    if ((addr & (PAGE_SIZE - 1)) || len <= 0)
        return -EINVAL;
    unsigned long start = (unsigned long)addr;
    if (start < USER_MMAP_BASE || start + (unsigned long)len > USER_STACK_TOP - USER_STACK_SIZE)
        return -EINVAL;
    mm_unmap_range(current->mm, start, start + ALIGN((unsigned long)len, PAGE_SIZE));
    return 0;
}

struct timespec32 {
    long tv_sec, tv_nsec;
};

/* Linux: kernel/time/hrtimer.c nanosleep(): sleeps in jiffies (1 ms), -EINTR on a signal with
 * the time left written back. */
extern "C" long sys_nanosleep(long ureq, long urem)
{
    timespec32 ts;
    if (copy_from_user(&ts, (const void __user *)ureq, sizeof(ts)))
        return -EFAULT;
    if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000L)
        return -EINVAL;
    unsigned long long ms = (unsigned long long)ts.tv_sec * 1000 + (unsigned long)(ts.tv_nsec + 999999) / 1000000;
    long timeout = ms > 0x7ffffff0ULL ? 0x7ffffff0L : (long)ms;
    while (timeout > 0) {
        current->state = TASK_INTERRUPTIBLE;
        timeout = schedule_timeout(timeout);
        if (timeout > 0 && signal_pending(current)) {
            if (urem) {
                timespec32 rem = {timeout / 1000, (timeout % 1000) * 1000000};
                if (copy_to_user((void __user *)urem, &rem, sizeof(rem)))
                    return -EFAULT;
            }
            return -EINTR;
        }
    }
    return 0;
}

extern "C" long sys_time(long utloc)
{
    long t = get_seconds();
    if (utloc && put_user(t, (long __user *)utloc))
        return -EFAULT;
    return t;
}

extern "C" long sys_clock_gettime(long which, long utp)
{
    unsigned long long ns = ktime_get_ns();
    timespec32 ts;
    switch (which) {
    case 0: /* CLOCK_REALTIME */
        ts.tv_sec = get_seconds();
        ts.tv_nsec = (long)(ns % 1000000000ULL);
        break;
    case 1: /* CLOCK_MONOTONIC */
    case 4: /* CLOCK_MONOTONIC_RAW */
    case 7: /* CLOCK_BOOTTIME */
        ts.tv_sec = (long)(ns / 1000000000ULL);
        ts.tv_nsec = (long)(ns % 1000000000ULL);
        break;
    default:
        return -EINVAL;
    }
    return copy_to_user((void __user *)utp, &ts, sizeof(ts)) ? -EFAULT : 0;
}

/* struct user_desc (arch/x86/include/uapi/asm/ldt.h) */
struct user_desc {
    unsigned int entry_number, base_addr, limit;
    unsigned int flags; /* seg_32bit:1 contents:2 read_exec_only:1 limit_in_pages:1 seg_not_present:1 useable:1 */
};

/* Linux: arch/x86/kernel/tls.c set_thread_area(): the one TLS slot (GDT entry 6). */
extern "C" long sys_set_thread_area(long uinfo)
{
    user_desc d;
    if (copy_from_user(&d, (const void __user *)uinfo, sizeof(d)))
        return -EFAULT;
    if (d.entry_number == (unsigned)-1)
        d.entry_number = GDT_ENTRY_TLS_MIN;
    if (d.entry_number != GDT_ENTRY_TLS_MIN)
        return -EINVAL;
    bool pages = d.flags & 0x10;
    desc_struct desc = pack_desc(d.base_addr, d.limit, 0xF2, pages ? 0xC : 0x4);
    u64 raw;
    memcpy(&raw, &desc, sizeof(raw));
    current->thread.tls = raw;
    load_TLS(desc);
    seg_reload_needed = 1;
    return put_user(d.entry_number, (unsigned int __user *)uinfo);
}

extern "C" long sys_setpgid(long pid, long pgid)
{
    task_struct *t = pid == 0 ? current : find_task_by_pid((pid_t)pid);
    if (!t || (t != current && t->parent != current))
        return -ESRCH;
    if (pgid < 0)
        return -EINVAL;
    t->pgid = pgid == 0 ? t->pid : (pid_t)pgid;
    return 0;
}

extern "C" long sys_getpgid(long pid)
{
    task_struct *t = pid == 0 ? current : find_task_by_pid((pid_t)pid);
    return t ? t->pgid : -ESRCH;
}

extern "C" long sys_getpgrp(void) { return current->pgid; }
