/* The console tty (drivers/tty/tty_io.c, n_tty.c): one terminal fed by COM1 and the PS/2
 * keyboard, with Linux's canonical line discipline. */
#pragma once
#include "kernel/fs.h"

extern "C" {
/* Called from the serial and keyboard interrupts for each received character. */
void tty_receive_char(char c);
extern const file_operations tty_fops;
}
