/* 16550 UART (drivers/tty/serial/8250/8250_port.c, reduced to what QEMU needs).
 * COM1: the console, written by polling so printk works from the first line of start_kernel
 * and inside an oops; its receive interrupt (IRQ 4) feeds the tty. COM2: the raw pcap stream. */
#include "kernel/serial.h"
#include "kernel/io.h"
#include "kernel/irq.h"
#include "kernel/tty.h"

static constexpr u16 COM1 = 0x3f8;
static constexpr u16 COM2 = 0x2f8;
enum { UART_RX = 0, UART_TX = 0, UART_IER = 1, UART_FCR = 2, UART_LCR = 3, UART_MCR = 4, UART_LSR = 5, UART_SCR = 7 };
enum { LSR_DR = 0x01, LSR_THRE = 0x20 };

static bool com2_ok;

static void uart_setup(u16 base, bool rx_irq)
{
    outb(base + UART_IER, 0);
    outb(base + UART_LCR, 0x80); /* divisor latch: 115200 baud */
    outb(base + 0, 1);
    outb(base + 1, 0);
    outb(base + UART_LCR, 0x03); /* 8N1 */
    outb(base + UART_FCR, 0xc7); /* FIFOs on, cleared */
    outb(base + UART_MCR, 0x0b); /* DTR, RTS, OUT2 (OUT2 gates the IRQ line) */
    if (rx_irq)
        outb(base + UART_IER, 0x01);
}

static bool uart_present(u16 base)
{
    outb(base + UART_SCR, 0x5a);
    return inb(base + UART_SCR) == 0x5a;
}

extern "C" void serial_init(void)
{
    uart_setup(COM1, false);
    com2_ok = uart_present(COM2);
    if (com2_ok)
        uart_setup(COM2, false);
}

static inline void uart_putc(u16 base, char c)
{
    while (!(inb(base + UART_LSR) & LSR_THRE))
        ;
    outb(base + UART_TX, (u8)c);
}

extern "C" void serial_putc(char c)
{
    if (c == '\n')
        uart_putc(COM1, '\r');
    uart_putc(COM1, c);
}

extern "C" bool serial2_present(void) { return com2_ok; }

extern "C" void serial2_write(const void *buf, size_t len)
{
    if (!com2_ok)
        return;
    const u8 *p = (const u8 *)buf;
    for (size_t i = 0; i < len; i++)
        uart_putc(COM2, (char)p[i]);
}

static void serial_interrupt(int, pt_regs *)
{
    while (inb(COM1 + UART_LSR) & LSR_DR) {
        char c = (char)inb(COM1 + UART_RX);
        tty_receive_char(c);
    }
}

/* Called from console_init once interrupts can be routed. */
extern "C" void serial_enable_rx(void)
{
    request_irq(4, serial_interrupt, "serial");
    outb(COM1 + UART_IER, 0x01);
}
