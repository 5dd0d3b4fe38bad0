/* The console tty and its line discipline (drivers/tty/n_tty.c, much reduced).
 *
 * Canonical mode (the default): input is edited a line at a time (echo, backspace, Ctrl-U),
 * Enter arrives from a terminal as CR and becomes NL (ICRNL), read() returns whole lines,
 * Ctrl-D at the start of a line is end of file, Ctrl-C sends SIGINT to the foreground process
 * group (set by the shell with TIOCSPGRP). With ICANON cleared, read() returns what is there. */
#include "kernel/console.h"
#include "kernel/io.h"
#include "kernel/printk.h"
#include "kernel/sched.h"
#include "kernel/signal.h"
#include "kernel/string.h"
#include "kernel/tty.h"
#include "kernel/uaccess.h"
#include "uapi/errno.h"

#define N_TTY_BUF_SIZE 4096
#define TCGETS 0x5401
#define TCSETS 0x5402
#define TCSETSW 0x5403
#define TCSETSF 0x5404
#define TIOCGPGRP 0x540F
#define TIOCSPGRP 0x5410
#define TIOCGWINSZ 0x5413
#define FIONREAD 0x541B
#define ICANON 0000002
#define ECHO 0000010
#define ISIG 0000001
#define ICRNL 0000400
#define OPOST 0000001
#define ONLCR 0000004

/* struct termios as the i386 kernel ABI has it (include/uapi/asm-generic/termbits.h). */
struct termios {
    u32 c_iflag, c_oflag, c_cflag, c_lflag;
    u8 c_line;
    u8 c_cc[19];
};
static_assert(sizeof(termios) == 36);

struct winsize {
    u16 ws_row, ws_col, ws_xpixel, ws_ypixel;
};

struct n_tty {
    char buf[N_TTY_BUF_SIZE];
    unsigned head, tail;   /* ring: tail = next to read, head = next to write */
    unsigned canon_head;   /* end of the committed lines (canonical mode) */
    unsigned eof_pending;  /* Ctrl-D marks waiting to be read as end of file */
    termios tio;
    pid_t pgrp;
    wait_queue_head read_wait;
};

static n_tty tty = {
    .buf = {},
    .head = 0,
    .tail = 0,
    .canon_head = 0,
    .eof_pending = 0,
    .tio = {ICRNL, OPOST | ONLCR, 0x4bf /* B38400 CS8 CREAD */, ISIG | ICANON | ECHO | 0x0a30, 0,
            {3, 28, 127, 21, 4, 0, 1, 0, 17, 19, 26, 0, 18, 15, 23, 22, 0, 0, 0}},
    .pgrp = 0,
    .read_wait = __WAIT_QUEUE_HEAD_INITIALIZER(tty.read_wait),
};

static unsigned count(unsigned a, unsigned b) { return b - a; }
static bool canon(void) { return tty.tio.c_lflag & ICANON; }

static void echo(const char *s, size_t n)
{
    if (tty.tio.c_lflag & ECHO)
        console_write(s, n);
}

static void signal_fg(int sig)
{
    if (tty.pgrp <= 1)
        return;
    list_head *pos;
    list_for_each(pos, &task_list) {
        task_struct *t = list_entry(pos, task_struct, tasks);
        if (t->pgid == tty.pgrp && t->pid > 1)
            send_sig(sig, t);
    }
}

/* Interrupt context. Linux: drivers/tty/n_tty.c n_tty_receive_char(). */
extern "C" void tty_receive_char(char c)
{
    if (c == '\r' && (tty.tio.c_iflag & ICRNL))
        c = '\n';
    if ((tty.tio.c_lflag & ISIG) && c == 3) { /* Ctrl-C */
        echo("^C\n", 3);
        tty.head = tty.canon_head; /* drop the half-typed line */
        signal_fg(SIGINT);
        wake_up(&tty.read_wait);
        return;
    }
    if (canon()) {
        if (c == 127 || c == '\b') {
            if (tty.head != tty.canon_head) {
                tty.head--;
                echo("\b \b", 3);
            }
            return;
        }
        if (c == 21) { /* Ctrl-U: kill the line */
            while (tty.head != tty.canon_head) {
                tty.head--;
                echo("\b \b", 3);
            }
            return;
        }
        if (c == 4) { /* Ctrl-D: end the line here; alone, it is end of file */
            if (tty.head == tty.canon_head)
                tty.eof_pending++;
            tty.canon_head = tty.head;
            wake_up(&tty.read_wait);
            return;
        }
    }
    /* Keep one slot for the newline that ends an over-long line. */
    unsigned used = count(tty.tail, tty.head);
    if (used >= N_TTY_BUF_SIZE - 1 && !(c == '\n' && used < N_TTY_BUF_SIZE))
        return;
    tty.buf[tty.head++ % N_TTY_BUF_SIZE] = c;
    if (c == '\n' || (c >= ' ' && c < 127) || (u8)c >= 128)
        echo(&c, 1);
    else if (tty.tio.c_lflag & ECHO) {
        char ctl[2] = {'^', (char)(c + '@')};
        console_write(ctl, 2);
    }
    if (!canon() || c == '\n') {
        tty.canon_head = tty.head;
        wake_up(&tty.read_wait);
    }
}

static bool input_ready(void)
{
    return tty.canon_head != tty.tail || tty.eof_pending;
}

static ssize_t tty_read(file *f, char __user *buf, size_t nr, loff_t *)
{
    if (nr == 0)
        return 0;
    if (!input_ready()) {
        if (f->f_flags & O_NONBLOCK)
            return -EAGAIN;
        int err = wait_event_interruptible(tty.read_wait, input_ready());
        if (err)
            return err;
    }
    irq_guard guard;
    if (tty.canon_head == tty.tail && tty.eof_pending) {
        tty.eof_pending--;
        return 0;
    }
    char tmp[256];
    size_t n = 0;
    while (n < nr && n < sizeof(tmp) && tty.tail != tty.canon_head) {
        char c = tty.buf[tty.tail++ % N_TTY_BUF_SIZE];
        tmp[n++] = c;
        if (c == '\n' && canon())
            break;
    }
    if (copy_to_user(buf, tmp, n))
        return -EFAULT;
    return (ssize_t)n;
}

static ssize_t tty_write(file *, const char __user *buf, size_t nr, loff_t *)
{
    char tmp[256];
    size_t done = 0;
    while (done < nr) {
        size_t n = min<size_t>(nr - done, sizeof(tmp));
        if (copy_from_user(tmp, buf + done, n))
            return done ? (ssize_t)done : -EFAULT;
        console_write(tmp, n);
        done += n;
    }
    return (ssize_t)done;
}

static unsigned int tty_poll(file *f, poll_table *pt)
{
    poll_wait(f, &tty.read_wait, pt);
    return (input_ready() ? POLLIN | POLLRDNORM : 0) | POLLOUT | POLLWRNORM;
}

static long tty_ioctl(file *, unsigned int cmd, unsigned long arg)
{
    void __user *p = (void __user *)arg;
    switch (cmd) {
    case TCGETS:
        return copy_to_user(p, &tty.tio, sizeof(termios)) ? -EFAULT : 0;
    case TCSETS:
    case TCSETSW:
    case TCSETSF: {
        termios t;
        if (copy_from_user(&t, p, sizeof(t)))
            return -EFAULT;
        irq_guard guard;
        tty.tio = t;
        if (!canon())
            tty.canon_head = tty.head;
        return 0;
    }
    case TIOCGWINSZ: {
        winsize ws = {25, 80, 0, 0};
        return copy_to_user(p, &ws, sizeof(ws)) ? -EFAULT : 0;
    }
    case TIOCGPGRP:
        return put_user((int)tty.pgrp, (int __user *)p);
    case TIOCSPGRP: {
        int pg;
        if (get_user(pg, (const int __user *)p))
            return -EFAULT;
        if (pg < 0)
            return -EINVAL;
        tty.pgrp = pg;
        return 0;
    }
    case FIONREAD:
        return put_user((int)count(tty.tail, tty.canon_head), (int __user *)p);
    default:
        return -ENOTTY;
    }
}

extern "C" const file_operations tty_fops = {
    .read = tty_read,
    .write = tty_write,
    .llseek = nullptr,
    .poll = tty_poll,
    .unlocked_ioctl = tty_ioctl,
    .release = nullptr,
    .iterate = nullptr,
};
