/* printk and log levels (include/linux/printk.h, kern_levels.h). */
#pragma once
#include <stdarg.h>
#include "kernel/types.h"

#define LOG_BUF_LEN (64 * 1024) /* bytes of log kept for dmesg */
#define KERN_SOH "\001"
#define KERN_EMERG KERN_SOH "0"
#define KERN_ALERT KERN_SOH "1"
#define KERN_CRIT KERN_SOH "2"
#define KERN_ERR KERN_SOH "3"
#define KERN_WARNING KERN_SOH "4"
#define KERN_NOTICE KERN_SOH "5"
#define KERN_INFO KERN_SOH "6"
#define KERN_DEBUG KERN_SOH "7"
#define KERN_CONT KERN_SOH "c"

#ifdef MENUOS_HOST_TEST
/* In host unit tests the kernel's formatter must not replace the C library's. */
#define vsnprintf kernel_vsnprintf
#define snprintf kernel_snprintf
#endif

extern "C" {
int printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int vprintk(const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
/* Stops the kernel: prints the message and a backtrace, then halts (kernel/panic.cpp). */
[[noreturn]] void panic(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
}

#define pr_emerg(fmt, ...) printk(KERN_EMERG fmt, ##__VA_ARGS__)
#define pr_err(fmt, ...) printk(KERN_ERR fmt, ##__VA_ARGS__)
#define pr_warn(fmt, ...) printk(KERN_WARNING fmt, ##__VA_ARGS__)
#define pr_notice(fmt, ...) printk(KERN_NOTICE fmt, ##__VA_ARGS__)
#define pr_info(fmt, ...) printk(KERN_INFO fmt, ##__VA_ARGS__)
#define pr_debug(fmt, ...) printk(KERN_DEBUG fmt, ##__VA_ARGS__)

/* A broken kernel invariant is an oops with a message, never silent corruption. */
#define BUG_ON(cond)                                                              \
    do {                                                                          \
        if (unlikely(cond))                                                       \
            panic("BUG at %s:%d: %s", __FILE__, __LINE__, #cond);                \
    } while (0)
#define WARN_ON(cond)                                                             \
    ({                                                                            \
        bool __c = (cond);                                                        \
        if (unlikely(__c))                                                        \
            printk(KERN_WARNING "WARNING at %s:%d: %s\n", __FILE__, __LINE__, #cond); \
        __c;                                                                      \
    })
