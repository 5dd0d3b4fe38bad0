/* The C library's vsnprintf/snprintf are the kernel's formatter (kernel/lib/vsprintf.cpp),
 * compiled into libc as well: one implementation, tested once. %pS prints an address. */
#include "kernel/lib/vsprintf.cpp"

extern "C" int sprint_symbol(char *buf, size_t size, unsigned long addr, bool)
{
    return snprintf(buf, size, "%#lx", addr);
}
