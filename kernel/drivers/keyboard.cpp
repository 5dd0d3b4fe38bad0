/* PS/2 keyboard (drivers/input/keyboard/atkbd.c + drivers/tty/vt/keyboard.c, reduced):
 * scancode set 1 to ASCII with Shift, Ctrl and Caps Lock, fed to the console tty. */
#include "kernel/console.h"
#include "kernel/io.h"
#include "kernel/irq.h"
#include "kernel/tty.h"

static const char plain[128] = {
    0, 27, '1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '-', '=', 127, '\t',
    'q', 'w', 'e', 'r', 't', 'y', 'u', 'i', 'o', 'p', '[', ']', '\r', 0, 'a', 's',
    'd', 'f', 'g', 'h', 'j', 'k', 'l', ';', '\'', '`', 0, '\\', 'z', 'x', 'c', 'v',
    'b', 'n', 'm', ',', '.', '/', 0, '*', 0, ' ',
};
static const char shifted[128] = {
    0, 27, '!', '@', '#', '$', '%', '^', '&', '*', '(', ')', '_', '+', 127, '\t',
    'Q', 'W', 'E', 'R', 'T', 'Y', 'U', 'I', 'O', 'P', '{', '}', '\r', 0, 'A', 'S',
    'D', 'F', 'G', 'H', 'J', 'K', 'L', ':', '"', '~', 0, '|', 'Z', 'X', 'C', 'V',
    'B', 'N', 'M', '<', '>', '?', 0, '*', 0, ' ',
};

static bool shift, ctrl, caps;

static void kbd_interrupt(int, pt_regs *)
{
    u8 sc = inb(0x60);
    bool release = sc & 0x80;
    u8 key = sc & 0x7f;
    switch (key) {
    case 0x2a:
    case 0x36:
        shift = !release;
        return;
    case 0x1d:
        ctrl = !release;
        return;
    case 0x3a:
        if (!release)
            caps = !caps;
        return;
    }
    if (release || sc == 0xe0)
        return;
    char c = (shift ? shifted : plain)[key];
    if (!c)
        return;
    if (caps && c >= 'a' && c <= 'z' && !shift)
        c = (char)(c - 32);
    else if (caps && c >= 'A' && c <= 'Z' && shift)
        c = (char)(c + 32);
    if (ctrl && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
        c = (char)((c & 0x1f));
    tty_receive_char(c);
}

extern "C" void kbd_init(void)
{
    while (inb(0x64) & 1) /* drain what the firmware left */
        inb(0x60);
    request_irq(1, kbd_interrupt, "i8042");
}
