/* Kernel self-tests chosen with `selftest=NAME` on the command line; the QEMU tests use them
 * to exercise paths no user program can reach. Each prints what it checks; the ones that
 * should survive end with "selftest NAME: ok". */
#include "kernel/fs.h"
#include "kernel/printk.h"
#include "kernel/reboot.h"
#include "kernel/slab.h"
#include "kernel/string.h"
#include "kernel/uaccess.h"
#include "uapi/errno.h"

/* Divides by a value the compiler cannot see is zero: the oops must name this function. */
extern "C" __attribute__((noinline)) int selftest_divide_error(int divisor)
{
    volatile int d = divisor;
    return 100 / d;
}

/* Recurses until the stack runs into its guard page (the depth limit only keeps the
 * compiler from calling the recursion infinite: 8 KiB are gone long before). */
extern "C" __attribute__((noinline)) int selftest_stack_overflow(int depth)
{
    volatile char frame[256];
    frame[0] = (char)depth;
    if (depth > 1000000)
        return frame[0];
    return selftest_stack_overflow(depth + 1) + frame[0];
}

extern "C" __attribute__((noinline)) int selftest_null_deref(int *p)
{
    int *volatile q = p;
    return *q;
}

/* int $0x80 from the kernel: system_call must dispatch through sys_call_table. */
static long raw_syscall(long nr, long a = 0, long b = 0, long c = 0)
{
    long ret;
    asm volatile("int $0x80" : "=a"(ret) : "a"(nr), "b"(a), "c"(b), "d"(c) : "memory");
    return ret;
}

static bool selftest_syscall(void)
{
    bool ok = true;
    long r = raw_syscall(9999);
    printk("selftest syscall: nr 9999 -> %ld (want %d)\n", r, -ENOSYS);
    ok &= r == -ENOSYS;
    r = raw_syscall(0); /* restart_syscall: not implemented */
    printk("selftest syscall: nr 0 -> %ld (want %d)\n", r, -ENOSYS);
    ok &= r == -ENOSYS;
    r = raw_syscall(20); /* getpid from pid 1 */
    printk("selftest syscall: getpid -> %ld (want 1)\n", r);
    ok &= r == 1;
    return ok;
}

static bool selftest_uaccess(void)
{
    char buf[16];
    bool ok = true;
    unsigned long left = copy_from_user(buf, (const void __user *)0x1000, sizeof(buf));
    printk("selftest uaccess: unmapped user page -> %lu bytes left (want %zu)\n", left, sizeof(buf));
    ok &= left == sizeof(buf);
    left = copy_from_user(buf, (const void __user *)0xC0000000, sizeof(buf));
    printk("selftest uaccess: kernel address -> %lu bytes left (want %zu)\n", left, sizeof(buf));
    ok &= left == sizeof(buf);
    long n = strncpy_from_user(buf, (const char __user *)0x2000, sizeof(buf));
    printk("selftest uaccess: strncpy_from_user -> %ld (want %d)\n", n, -EFAULT);
    ok &= n == -EFAULT;
    return ok;
}

static bool selftest_kmalloc(void)
{
    void *p[64];
    for (int i = 0; i < 64; i++) {
        p[i] = kmalloc(16u << (i % 9), GFP_KERNEL);
        if (!p[i])
            return false;
        memset(p[i], i, 16u << (i % 9));
    }
    bool ok = true;
    for (int i = 0; i < 64; i++) {
        ok &= ((unsigned char *)p[i])[0] == i;
        kfree(p[i]);
    }
    printk("selftest kmalloc: 64 allocations of 16..4096 bytes %s\n", ok ? "intact" : "CORRUPT");
    return ok;
}

extern "C" void run_selftest(const char *name)
{
    bool ok;
    if (!strcmp(name, "divide")) {
        printk("selftest divide: dividing by zero in the kernel\n");
        selftest_divide_error(0);
        ok = false;
    } else if (!strcmp(name, "nullptr")) {
        printk("selftest nullptr: dereferencing NULL in the kernel\n");
        selftest_null_deref(nullptr);
        ok = false;
    } else if (!strcmp(name, "stackoverflow")) {
        printk("selftest stackoverflow: recursing until the kernel stack overflows\n");
        selftest_stack_overflow(0);
        ok = false;
    } else if (!strcmp(name, "panic")) {
        panic("selftest panic requested");
    } else if (!strcmp(name, "syscall")) {
        ok = selftest_syscall();
    } else if (!strcmp(name, "uaccess")) {
        ok = selftest_uaccess();
    } else if (!strcmp(name, "kmalloc")) {
        ok = selftest_kmalloc();
    } else if (!strcmp(name, "probe")) {
        ok = true; /* boots this far: used to tell whether KVM can run MenuOS here */
    } else if (!strcmp(name, "all")) {
        ok = selftest_syscall() && selftest_uaccess() && selftest_kmalloc();
    } else {
        printk("selftest %s: unknown (known: divide nullptr stackoverflow panic syscall uaccess kmalloc all)\n", name);
        ok = false;
    }
    printk("selftest %s: %s\n", name, ok ? "ok" : "FAILED");
    qemu_debug_exit(ok ? 0x10 : 0x11); /* QEMU exits with 33 or 35 */
}
