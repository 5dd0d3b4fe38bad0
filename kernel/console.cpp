/* The system console (kernel/printk/printk.c register_console, drivers/tty/vt in spirit).
 * Until console_init() runs, printk only fills log_buf; console_init() then replays it, as
 * Linux does when the first console registers. After that every byte goes to COM1 and VGA. */
#include "kernel/console.h"
#include "kernel/io.h"
#include "kernel/printk.h"
#include "kernel/serial.h"

static bool console_enabled;
extern "C" void printk_replay_early(void (*write)(const char *s, size_t n));

extern "C" void console_write(const char *s, size_t n)
{
    if (!console_enabled)
        return;
    irq_guard guard;
    for (size_t i = 0; i < n; i++)
        serial_putc(s[i]);
    vga_write(s, n);
}

static void console_enable(void)
{
    if (console_enabled)
        return;
    serial_init();
    vga_init();
    console_enabled = true;
    printk_replay_early(console_write); /* what printk stored before there was a console */
}

/* Linux: kernel/printk/printk.c console_init() */
extern "C" __attribute__((noinline)) void console_init(void)
{
    console_enable();
    serial_enable_rx();
    kbd_init();
    pr_info("console [ttyS0] enabled, console [tty0] enabled\n");
}

/* An oops before console_init must still be seen. */
extern "C" void console_flush_on_panic(void) { console_enable(); }
