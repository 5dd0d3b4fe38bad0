/* The system-call tracer: strace inside the kernel, for students without gdb.
 * `trace=socket` or `trace=all` on the command line, or `echo socket > /proc/trace` (the menu's
 * `trace` command), prints each call as `[pid] name(args) = result`; a socketcall line also
 * names the __sys_* routine it dispatched to. kernel/entry.S calls here only while it is on. */
#include "kernel/cmdline.h"
#include "kernel/fs.h"
#include "kernel/printk.h"
#include "kernel/sched.h"
#include "kernel/string.h"
#include "kernel/uaccess.h"
#include "net/socketcall.h" /* socketcall_nargs: the argument bytes of each call */

extern "C" {
int syscall_trace_enabled; /* 0 off, 1 socket calls, 2 all */
typedef long (*sys_call_ptr_t)(long, long, long, long, long, long);
extern const sys_call_ptr_t sys_call_table[];
}

struct syscall_name {
    int nr;
    const char *name;
};
static constexpr syscall_name syscall_names[] = {
#include "syscall_names.h"
};

static const char *name_of(unsigned long nr)
{
    for (const auto &s : syscall_names)
        if ((unsigned long)s.nr == nr)
            return s.name;
    return nullptr;
}

/* Linux's socketcall numbers and the routine each one reaches (net/socket.c). */
static const char *const socketcall_names[21][2] = {
    {"?", "?"}, {"SYS_SOCKET", "__sys_socket"}, {"SYS_BIND", "__sys_bind"},
    {"SYS_CONNECT", "__sys_connect"}, {"SYS_LISTEN", "__sys_listen"},
    {"SYS_ACCEPT", "__sys_accept4"}, {"SYS_GETSOCKNAME", "__sys_getsockname"},
    {"SYS_GETPEERNAME", "__sys_getpeername"}, {"SYS_SOCKETPAIR", "__sys_socketpair"},
    {"SYS_SEND", "__sys_sendto"}, {"SYS_RECV", "__sys_recvfrom"},
    {"SYS_SENDTO", "__sys_sendto"}, {"SYS_RECVFROM", "__sys_recvfrom"},
    {"SYS_SHUTDOWN", "__sys_shutdown"}, {"SYS_SETSOCKOPT", "__sys_setsockopt"},
    {"SYS_GETSOCKOPT", "__sys_getsockopt"}, {"SYS_SENDMSG", "__sys_sendmsg"},
    {"SYS_RECVMSG", "__sys_recvmsg"}, {"SYS_ACCEPT4", "__sys_accept4"},
    {"SYS_RECVMMSG", "__sys_recvmmsg"}, {"SYS_SENDMMSG", "__sys_sendmmsg"},
};
/* The socketcall number each direct socket system call (359-373) stands for. */
static constexpr unsigned char direct_socketcall[15] = {
    1 /* socket */,  8 /* socketpair */, 2 /* bind */,     3 /* connect */,  4 /* listen */,
    18 /* accept4 */, 15 /* getsockopt */, 14 /* setsockopt */, 6 /* getsockname */,
    7 /* getpeername */, 11 /* sendto */, 16 /* sendmsg */, 12 /* recvfrom */, 17 /* recvmsg */,
    13 /* shutdown */,
};

static bool is_socket_call(unsigned long nr) { return nr == 102 || (nr >= 359 && nr <= 373); }

static int print_args(char *buf, size_t size, const unsigned long *a, unsigned n)
{
    int len = 0;
    for (unsigned i = 0; i < n && (size_t)len < size; i++)
        len += snprintf(buf + len, size - (size_t)len, i ? ", %#lx" : "%#lx", a[i]);
    return len;
}

static void trace_line(const pt_regs *regs, long result)
{
    unsigned long nr = regs->orig_ax;
    const char *name = name_of(nr);
    char line[256];
    int n = snprintf(line, sizeof(line), "[%d] ", current->pid);
    if (nr == 102 && regs->bx >= 1 && regs->bx <= 20) {
        unsigned long call = regs->bx;
        unsigned long a[6] = {};
        bool got = !copy_from_user(a, (const void __user *)regs->cx, socketcall_nargs[call]);
        n += snprintf(line + n, sizeof(line) - n, "socketcall(%s, %#lx) -> %s(", socketcall_names[call][0],
                      regs->cx, socketcall_names[call][1]);
        if (got)
            n += print_args(line + n, sizeof(line) - n, a, socketcall_nargs[call] / 4);
        else
            n += snprintf(line + n, sizeof(line) - n, "<bad args>");
        n += snprintf(line + n, sizeof(line) - n, ")");
    } else if (nr >= 359 && nr <= 373) {
        /* a direct socket call: every argument, and the routine, as for socketcall */
        unsigned call = direct_socketcall[nr - 359];
        const unsigned long a[6] = {regs->bx, regs->cx, regs->dx, regs->si, regs->di, regs->bp};
        n += snprintf(line + n, sizeof(line) - n, "%s(", name);
        n += print_args(line + n, sizeof(line) - n, a, socketcall_nargs[call] / 4);
        n += snprintf(line + n, sizeof(line) - n, ") -> %s", socketcall_names[call][1]);
    } else if (name) {
        n += snprintf(line + n, sizeof(line) - n, "%s(%#lx, %#lx, %#lx)", name, regs->bx, regs->cx, regs->dx);
    } else {
        n += snprintf(line + n, sizeof(line) - n, "syscall_%lu(%#lx, %#lx, %#lx)", nr, regs->bx, regs->cx, regs->dx);
    }
    if (n < (int)sizeof(line))
        snprintf(line + n, sizeof(line) - n, " = %ld\n", result);
    printk(KERN_INFO "%s", line);
}

static bool wanted(unsigned long nr)
{
    return syscall_trace_enabled == 2 || (syscall_trace_enabled == 1 && is_socket_call(nr));
}

/* Called from system_call while tracing is on: makes the call, then logs it. */
extern "C" void syscall_trace_dispatch(pt_regs *regs)
{
    unsigned long nr = regs->orig_ax;
    pt_regs entry = *regs; /* execve rewrites regs: log the arguments as they came in */
    long r = sys_call_table[nr]((long)regs->bx, (long)regs->cx, (long)regs->dx, (long)regs->si,
                                (long)regs->di, (long)regs->bp);
    regs->ax = (unsigned long)r;
    if (wanted(nr) && nr != 1 && nr != 252)
        trace_line(&entry, r);
}

extern "C" void syscall_trace_badsys(pt_regs *regs)
{
    if (syscall_trace_enabled == 2)
        trace_line(regs, (long)regs->ax);
}

static int trace_set(const char *v)
{
    if (!strncmp(v, "off", 3) || !strncmp(v, "0", 1))
        syscall_trace_enabled = 0;
    else if (!strncmp(v, "socket", 6))
        syscall_trace_enabled = 1;
    else if (!strncmp(v, "all", 3) || !strncmp(v, "on", 2) || !strncmp(v, "1", 1))
        syscall_trace_enabled = 2;
    else
        return -22; /* EINVAL */
    return 0;
}

static int trace_show(char *buf, size_t size)
{
    static const char *const modes[] = {"off", "socket", "all"};
    return snprintf(buf, size, "%s\n", modes[syscall_trace_enabled]);
}

static int trace_write(const char *buf, size_t) { return trace_set(buf); }

extern "C" void trace_init(void)
{
    const char *v = cmdline_get("trace");
    if (v && trace_set(v))
        pr_warn("trace=%s: unknown mode (off, socket, all)\n", v);
    proc_create_rw("/proc/trace", trace_show, trace_write);
}
