/* 16550 UART driver (drivers/tty/serial/8250). COM1 is the console, COM2 the packet capture. */
#pragma once
#include "kernel/types.h"

extern "C" {
void serial_init(void);
void serial_putc(char c);                        /* COM1, polled: works before interrupts */
void serial2_write(const void *buf, size_t len); /* COM2, raw bytes (pcap capture stream) */
bool serial2_present(void);
}
