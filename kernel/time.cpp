/* The PIT tick and the boot-time clock (arch/x86/kernel/i8253.c, kernel/time/timekeeping.c).
 * Channel 0 interrupts HZ times a second; each tick advances jiffies, runs the scheduler's
 * time slice and raises the timer bottom half when a timer is due. */
#include "kernel/time.h"
#include "kernel/io.h"
#include "kernel/irq.h"
#include "kernel/printk.h"
#include "kernel/sched.h"
#include "kernel/softirq.h"

static constexpr unsigned PIT_HZ = 1193182;
static constexpr unsigned LATCH = (PIT_HZ + HZ / 2) / HZ;

extern "C" volatile unsigned long jiffies;
static long boot_epoch; /* seconds since 1970 at boot, from the CMOS clock */
static bool pit_running;

static void timer_interrupt(int, pt_regs *)
{
    jiffies = jiffies + 1;
    scheduler_tick();
    if (timers_due())
        raise_softirq(TIMER_SOFTIRQ);
}

extern "C" unsigned long long ktime_get_ns(void)
{
    unsigned long j1, j2;
    unsigned count;
    if (!pit_running) /* printk before time_init: time zero, as Linux prints */
        return 0;
    /* jiffies and the counter must come from the same tick: retry if a tick slipped in. */
    do {
        j1 = jiffies;
        unsigned long flags = local_irq_save();
        outb(0x43, 0x00); /* latch channel 0 */
        count = inb(0x40);
        count |= inb(0x40) << 8;
        local_irq_restore(flags);
        j2 = jiffies;
    } while (j1 != j2);
    if (count > LATCH)
        count = LATCH;
    unsigned long long ns = (unsigned long long)j1 * (1000000000ULL / HZ);
    ns += (unsigned long long)(LATCH - count) * 1000000000ULL / PIT_HZ;
    /* With interrupts off the counter wraps without a tick: never go backwards. */
    static unsigned long long last;
    if (ns < last)
        ns = last;
    last = ns;
    return ns;
}

static unsigned cmos_read(unsigned reg)
{
    outb(0x70, (u8)reg);
    return inb(0x71);
}

static unsigned bcd(unsigned v) { return (v & 15) + (v >> 4) * 10; }

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian). */
static long days_from_civil(long y, unsigned m, unsigned d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long)doe - 719468;
}

static long read_rtc(void)
{
    while (cmos_read(0x0a) & 0x80) /* update in progress: at most 2 ms */
        ;
    unsigned sec = cmos_read(0), min = cmos_read(2), hour = cmos_read(4);
    unsigned day = cmos_read(7), mon = cmos_read(8), year = cmos_read(9);
    if (!(cmos_read(0x0b) & 0x04)) {
        sec = bcd(sec);
        min = bcd(min);
        hour = bcd(hour);
        day = bcd(day);
        mon = bcd(mon);
        year = bcd(year);
    }
    return days_from_civil(2000 + year, mon, day) * 86400 + hour * 3600 + min * 60 + sec;
}

extern "C" long get_seconds(void) { return boot_epoch + (long)(jiffies / HZ); }

/* Linux: arch/x86/kernel/time.c time_init() */
extern "C" void time_init(void)
{
    boot_epoch = read_rtc();
    outb(0x43, 0x34); /* channel 0, lo/hi byte, rate generator */
    outb(0x40, LATCH & 0xff);
    outb(0x40, LATCH >> 8);
    request_irq(0, timer_interrupt, "timer");
    pit_running = true;
    pr_info("time: PIT at %d Hz, clock %ld s since the epoch\n", HZ, boot_epoch);
}
