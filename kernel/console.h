/* The console: where printk and /dev/console output go (kernel/printk/printk.c console_*).
 * Both COM1 and the VGA screen receive every byte. */
#pragma once
#include "kernel/types.h"

extern "C" {
void console_init(void);
void console_write(const char *s, size_t n);
void vga_init(void);
void vga_write(const char *s, size_t n);
void serial_enable_rx(void);
void kbd_init(void);
}
