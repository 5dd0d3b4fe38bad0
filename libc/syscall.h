/* The one system-call primitive of MenuOS libc: `int $0x80` with the number in eax and the
 * arguments in ebx, ecx, edx, esi, edi, ebp (Linux i386). ebp is the frame pointer in our
 * builds, so the sixth argument is swapped in around the trap. Internal header. */
#pragma once
#include <asm/unistd_32.h>
#include <errno.h>

static inline long __syscall6(long nr, long a, long b, long c, long d, long e, long f)
{
    long ret;
    /* The number and the sixth argument go through memory, addressed by eax: once ebp holds
     * the argument, an operand the compiler placed relative to ebp would be read wrongly. */
    long nr_and_6th[2] = {nr, f};
    asm volatile("pushl %%ebp\n\t"
                 "movl 4(%%eax), %%ebp\n\t"
                 "movl (%%eax), %%eax\n\t"
                 "int $0x80\n\t"
                 "popl %%ebp"
                 : "=a"(ret)
                 : "a"(nr_and_6th), "b"(a), "c"(b), "d"(c), "S"(d), "D"(e)
                 : "memory");
    return ret;
}

static inline long __syscall(long nr, long a = 0, long b = 0, long c = 0, long d = 0, long e = 0)
{
    long ret;
    asm volatile("int $0x80" : "=a"(ret) : "a"(nr), "b"(a), "c"(b), "d"(c), "S"(d), "D"(e) : "memory");
    return ret;
}

/* Linux's convention: -4095..-1 is -errno. */
static inline long __syscall_ret(long r)
{
    if ((unsigned long)r > (unsigned long)-4096L) {
        errno = (int)-r;
        return -1;
    }
    return r;
}

#define SYSCALL(...) __syscall_ret(__syscall(__VA_ARGS__))
