/* Host stand-ins for the few kernel services the pure sources call: printk goes to a buffer
 * the tests can read, panic throws (so a test can expect it), pages come from the host heap. */
#include <stdarg.h>
#include <stdexcept>
#include <stdio.h>
#include <stdlib.h>
#include <string>
#include "tests/unit/kernel/fakes.h"

std::string printk_log;

extern "C" int vprintk(const char *fmt, va_list ap)
{
    char buf[1024];
    int n = vsnprintf(buf, sizeof(buf), fmt, ap);
    printk_log += buf;
    return n;
}

extern "C" int printk(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vprintk(fmt, ap);
    va_end(ap);
    return n;
}

extern "C" void panic(const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    throw std::runtime_error(std::string("panic: ") + buf);
}

long fake_pages_in_use;
long fake_page_limit = -1; /* -1: unlimited */

extern "C" void *kmem_page_alloc(unsigned long npages)
{
    if (fake_page_limit >= 0 && fake_pages_in_use + (long)npages > fake_page_limit)
        return nullptr;
    fake_pages_in_use += (long)npages;
    return aligned_alloc(4096, npages * 4096);
}

extern "C" void kmem_page_free(void *p, unsigned long npages)
{
    fake_pages_in_use -= (long)npages;
    free(p);
}

extern "C" int sprint_symbol(char *buf, size_t size, unsigned long addr, bool)
{
    return snprintf(buf, size, "sym_%lx", addr);
}
