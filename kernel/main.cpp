/* start_kernel and the first processes (init/main.c). The order of the calls below is Linux's,
 * so the breakpoints of the lab (start_kernel, trap_init, idt_setup_traps, ...) are hit in the
 * order a student expects. Read next: kernel/traps.cpp, kernel/sched.cpp, kernel/exec.cpp. */
#include "kernel/cmdline.h"
#include "kernel/console.h"
#include "kernel/fs.h"
#include "kernel/io.h"
#include "kernel/irq.h"
#include "kernel/mm.h"
#include "kernel/multiboot.h"
#include "kernel/printk.h"
#include "kernel/sched.h"
#include "kernel/setup.h"
#include "kernel/softirq.h"
#include "kernel/time.h"
#include "kernel/traps.h"
#include "kernel/version.h"

extern "C" {
void cpu_init(void);
void fpu_init(void);
void vfs_caches_init(void);
void populate_rootfs(void);
void free_initrd_mem(void);
void run_selftest(const char *name);
int open_console_fds(void);
int run_init_process(const char *path);
void proc_init(void);
void trace_init(void);
/* The socket families register themselves here when the network code is built in. */
__attribute__((weak)) void sock_init(void);
__attribute__((weak)) void inet_init(void);
__attribute__((weak)) void af_unix_init(void);
__attribute__((weak)) void net_dev_init(void);
__attribute__((weak)) void net_capture_enable(bool on);
}

extern "C" int kernel_init(void *);

/* Linux: init/main.c rest_init(): pid 1 becomes init, pid 0 becomes the idle task. */
extern "C" __attribute__((noinline)) void rest_init(void)
{
    pid_t pid = kernel_thread(kernel_init, nullptr, "init");
    if (pid != 1)
        panic("could not create the init task (%d)", pid);
    cpu_idle();
}

static void net_init(void)
{
    if (net_dev_init)
        net_dev_init();
    if (sock_init)
        sock_init();
    if (inet_init)
        inet_init();
    if (af_unix_init)
        af_unix_init();
    const char *cap = cmdline_get("capture");
    if (cap && strcmp(cap, "0") && net_capture_enable)
        net_capture_enable(true);
}

/* Linux: init/main.c kernel_init(): unpack the initramfs, then exec /init as pid 1. When this
 * function returns, the task leaves through ret_from_kernel_thread into user mode. */
extern "C" int kernel_init(void *)
{
    populate_rootfs();
    free_initrd_mem();
    net_init();

    const char *test = cmdline_get("selftest");
    if (test)
        run_selftest(test);

    if (open_console_fds() < 0)
        pr_warn("Warning: unable to open an initial console.\n");

    const char *init = cmdline_get("init");
    if (init && *init) {
        int err = run_init_process(init);
        if (!err)
            return 0;
        pr_err("Requested init %s failed (error %d).\n", init, err);
    }
    if (!run_init_process("/init") || !run_init_process("/bin/menu"))
        return 0;
    /* No program to run: say so, and leave the CPU to the idle task. */
    pr_notice("No working init found (try passing -initrd build/rootfs.img).\n");
    pr_notice("Kernel idle: nothing to run.\n");
    for (;;) {
        current->state = TASK_INTERRUPTIBLE;
        schedule();
    }
}

/* Linux: init/main.c start_kernel() */
extern "C" __attribute__((noinline)) void start_kernel(unsigned long magic, multiboot_info *mbi)
{
    cpu_init();
    printk(KERN_NOTICE "%s\n", menuos_banner);
    setup_arch(magic, mbi);
    trap_init();
    mm_init();
    sched_init();
    init_IRQ();
    softirq_init();
    time_init();
    console_init();
    local_irq_enable();
    fpu_init();
    vfs_caches_init();
    proc_init();
    trace_init();
    pr_info("start_kernel: done in %llu us\n", ktime_get_ns() / 1000);
    rest_init();
}
