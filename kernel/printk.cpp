/* printk (kernel/printk/printk.c): formats a message, stamps each line with the time since
 * boot as Linux does ("[    0.001234] "), keeps it in log_buf (read by dmesg and the gdb
 * helper menuos-dmesg) and writes it to the console when its level is below console_loglevel. */
#include <stdarg.h>
#include "kernel/printk.h"
#include "kernel/console.h"
#include "kernel/io.h"
#include "kernel/string.h"
#include "kernel/time.h"


extern "C" {
/* The ring of every line printed; log_next counts bytes ever written (the gdb helper reads both). */
char log_buf[LOG_BUF_LEN];
unsigned long log_next;
int console_loglevel = 7; /* print levels 0..6; `quiet` makes it 4, `loglevel=N` sets it */
int default_message_loglevel = 4;
}

static bool line_start = true;

/* Messages printed before the console exists, with their levels: console_init() replays
 * them then, honouring console_loglevel, which the command line sets only after the first
 * lines are printed. Past EARLY_RECORDS calls the rest is replayed whole. */
#define EARLY_RECORDS 128
struct early_record {
    unsigned long start, end; /* bytes of log_buf, as log_next counts them */
    int level;
};
static early_record early[EARLY_RECORDS];
static int n_early;
static bool console_live;

static void log_store(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        log_buf[(log_next + i) % LOG_BUF_LEN] = s[i];
    log_next += n;
}

extern "C" int vprintk(const char *fmt, va_list ap)
{
    char text[512];
    int level = -1;
    /* A level prefix is SOH + digit (or 'c' for a continuation line). */
    while (fmt[0] == KERN_SOH[0] && fmt[1]) {
        if (fmt[1] >= '0' && fmt[1] <= '7')
            level = fmt[1] - '0';
        fmt += 2;
    }
    int n = vsnprintf(text, sizeof(text), fmt, ap);
    if (n >= (int)sizeof(text))
        n = sizeof(text) - 1;
    if (level < 0)
        level = default_message_loglevel;

    irq_guard guard;
    const char *p = text;
    const char *end = text + n;
    bool show = level < console_loglevel;
    early_record *rec = !console_live && n_early < EARLY_RECORDS ? &early[n_early++] : nullptr;
    if (rec) {
        rec->start = log_next;
        rec->level = level;
    }
    while (p < end) {
        if (line_start) {
            char stamp[32];
            unsigned long long ns = ktime_get_ns();
            unsigned long sec = (unsigned long)(ns / 1000000000ULL);
            unsigned long usec = (unsigned long)(ns % 1000000000ULL / 1000);
            int sl = snprintf(stamp, sizeof(stamp), "[%5lu.%06lu] ", sec, usec);
            log_store(stamp, sl);
            if (show)
                console_write(stamp, sl);
            line_start = false;
        }
        const char *nl = p;
        while (nl < end && *nl != '\n')
            nl++;
        size_t len = (size_t)(nl - p) + (nl < end ? 1 : 0);
        log_store(p, len);
        if (show)
            console_write(p, len);
        if (nl < end)
            line_start = true;
        p += len;
    }
    if (rec)
        rec->end = log_next;
    return n;
}

/* Called once by console_init(): writes what was printed before, as printk would have. */
extern "C" void printk_replay_early(void (*write)(const char *s, size_t n))
{
    console_live = true;
    unsigned long oldest = log_next > LOG_BUF_LEN ? log_next - LOG_BUF_LEN : 0;
    unsigned long done = oldest;
    auto out = [&](unsigned long from, unsigned long to) {
        char chunk[256];
        for (from = from < oldest ? oldest : from; from < to;) {
            size_t k = 0;
            while (from < to && k < sizeof(chunk))
                chunk[k++] = log_buf[from++ % LOG_BUF_LEN];
            write(chunk, k);
        }
    };
    for (int i = 0; i < n_early; i++) {
        if (early[i].level < console_loglevel)
            out(early[i].start, early[i].end);
        done = early[i].end;
    }
    out(done, log_next); /* beyond the records: everything */
}

extern "C" int printk(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vprintk(fmt, ap);
    va_end(ap);
    return n;
}

/* Copies the log (oldest first) into buf for /proc/kmsg and the `dmesg` command. */
extern "C" int log_buf_read(char *buf, size_t size)
{
    irq_guard guard;
    unsigned long have = log_next < LOG_BUF_LEN ? log_next : LOG_BUF_LEN;
    unsigned long start = log_next - have;
    size_t n = have < size ? have : size;
    start += have - n; /* keep the newest part when buf is small */
    for (size_t i = 0; i < n; i++)
        buf[i] = log_buf[(start + i) % LOG_BUF_LEN];
    return (int)n;
}
