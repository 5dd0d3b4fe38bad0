/* Power off and restart (kernel/reboot.c sys_reboot, arch/x86/kernel/reboot.c).
 * QEMU's PC machines power off through the ACPI PM1a control port; the isa-debug-exit
 * device (port 0xf4, added by scripts/qemu.py) lets tests end QEMU with a result code. */
#include "kernel/reboot.h"
#include "kernel/cmdline.h"
#include "kernel/io.h"
#include "kernel/printk.h"
#include "kernel/sched.h"
#include "uapi/errno.h"

static constexpr u16 DEBUG_EXIT_PORT = 0xf4;

extern "C" void qemu_debug_exit(int code) { outl(DEBUG_EXIT_PORT, (u32)code); }

extern "C" void machine_power_off(void)
{
    printk(KERN_EMERG "reboot: Power down\n");
    local_irq_disable();
    outw(0x604, 0x2000);  /* QEMU i440fx/q35 ACPI: SLP_TYP 0 | SLP_EN */
    outw(0xb004, 0x2000); /* older QEMU and Bochs */
    qemu_debug_exit(0);   /* QEMU exits with status 1 */
    for (;;)
        asm volatile("hlt");
}

extern "C" void machine_restart(void)
{
    printk(KERN_EMERG "reboot: Restarting system\n");
    local_irq_disable();
    while (inb(0x64) & 2)
        ;
    outb(0x64, 0xfe); /* keyboard controller reset line */
    for (;;)
        asm volatile("hlt");
}

extern "C" void machine_halt_on_oops(void)
{
    const char *v = cmdline_get("oops");
    if (v && !strcmp(v, "exit"))
        qemu_debug_exit(3); /* QEMU exits with status 7 */
}

#define LINUX_REBOOT_MAGIC1 0xfee1dead
#define LINUX_REBOOT_MAGIC2 672274793
#define LINUX_REBOOT_CMD_RESTART 0x01234567
#define LINUX_REBOOT_CMD_HALT 0xCDEF0123
#define LINUX_REBOOT_CMD_POWER_OFF 0x4321FEDC

/* Linux: kernel/reboot.c sys_reboot() (only init may call it here: no capabilities). */
extern "C" long sys_reboot(long magic1, long magic2, long cmd, long)
{
    if ((unsigned long)magic1 != LINUX_REBOOT_MAGIC1 || magic2 != LINUX_REBOOT_MAGIC2)
        return -EINVAL;
    switch ((unsigned long)cmd) {
    case LINUX_REBOOT_CMD_POWER_OFF:
    case LINUX_REBOOT_CMD_HALT:
        machine_power_off();
    case LINUX_REBOOT_CMD_RESTART:
        machine_restart();
    default:
        return -EINVAL;
    }
}
