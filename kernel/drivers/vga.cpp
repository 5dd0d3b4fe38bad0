/* VGA text mode console, 80x25 at 0xB8000 (drivers/video/console/vgacon.c in spirit).
 * Every printk line and everything the tty writes appears here as well as on COM1. */
#include "kernel/console.h"
#include "kernel/io.h"
#include "kernel/segment.h"
#include "kernel/string.h"

static constexpr int COLS = 80, ROWS = 25;
static constexpr u8 ATTR = 0x07; /* light grey on black */
static u16 *const vram = (u16 *)(PAGE_OFFSET + 0xB8000);
static int row, col;

static void vga_set_cursor(void)
{
    unsigned pos = row * COLS + col;
    outb(0x3d4, 14);
    outb(0x3d5, (u8)(pos >> 8));
    outb(0x3d4, 15);
    outb(0x3d5, (u8)pos);
}

static void vga_scroll(void)
{
    memmove(vram, vram + COLS, (ROWS - 1) * COLS * 2);
    for (int i = 0; i < COLS; i++)
        vram[(ROWS - 1) * COLS + i] = (u16)(ATTR << 8 | ' ');
    row = ROWS - 1;
}

/* A small part of the VT100 escape language, what the shell's `clear` and programs use:
 * ESC [ H or ESC [ row ; col H (cursor position), ESC [ 2 J / ESC [ J (erase the screen /
 * below the cursor), ESC [ K (erase to the end of the line). Others are swallowed. */
static int esc_state; /* 0 text, 1 after ESC, 2 in ESC [ parameters */
static int esc_par[2], esc_npar;

static void vga_clear_cells(int from, int to)
{
    for (int i = from; i < to; i++)
        vram[i] = (u16)(ATTR << 8 | ' ');
}

static bool vga_escape(char c)
{
    if (esc_state == 1) {
        esc_state = c == '[' ? 2 : 0;
        esc_par[0] = esc_par[1] = esc_npar = 0;
        return true;
    }
    if (c >= '0' && c <= '9') {
        if (esc_npar < 2)
            esc_par[esc_npar] = esc_par[esc_npar] * 10 + (c - '0');
        return true;
    }
    if (c == ';') {
        esc_npar++;
        return true;
    }
    esc_state = 0;
    switch (c) {
    case 'H':
    case 'f':
        row = esc_par[0] > 0 ? (esc_par[0] <= ROWS ? esc_par[0] - 1 : ROWS - 1) : 0;
        col = esc_par[1] > 0 ? (esc_par[1] <= COLS ? esc_par[1] - 1 : COLS - 1) : 0;
        break;
    case 'J':
        vga_clear_cells(esc_par[0] == 2 ? 0 : row * COLS + col, ROWS * COLS);
        break;
    case 'K':
        vga_clear_cells(row * COLS + col, (row + 1) * COLS);
        break;
    }
    return true;
}

extern "C" void vga_putc(char c)
{
    if (esc_state && vga_escape(c))
        return;
    switch (c) {
    case '\033':
        esc_state = 1;
        return;
    case '\n':
        col = 0;
        row++;
        break;
    case '\r':
        col = 0;
        break;
    case '\b':
        if (col > 0)
            col--;
        break;
    case '\t':
        col = (col + 8) & ~7;
        break;
    default:
        if ((u8)c < ' ')
            return; /* escape sequences and other controls are not drawn */
        vram[row * COLS + col] = (u16)(ATTR << 8 | (u8)c);
        col++;
    }
    if (col >= COLS) {
        col = 0;
        row++;
    }
    if (row >= ROWS)
        vga_scroll();
}

extern "C" void vga_write(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        vga_putc(s[i]);
    vga_set_cursor();
}

extern "C" void vga_init(void)
{
    for (int i = 0; i < COLS * ROWS; i++)
        vram[i] = (u16)(ATTR << 8 | ' ');
    row = col = 0;
    vga_set_cursor();
}
