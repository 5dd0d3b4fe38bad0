/* User memory access with fault fixups (arch/x86/lib/usercopy_32.c).
 * The copy is `rep movsl` then `rep movsb`; if it faults on an unmapped or read-only user page,
 * the page fault handler finds the instruction in __ex_table and resumes at a fixup that counts
 * the bytes left: the caller sees a short copy and returns -EFAULT. */
#include "kernel/uaccess.h"
#include "kernel/segment.h"
#include "uapi/errno.h"

extern "C" bool access_ok(const void __user *addr, unsigned long size)
{
    unsigned long a = (unsigned long)addr;
    return a <= PAGE_OFFSET && size <= PAGE_OFFSET - a;
}

/* Four bytes at a time, then the tail (a byte loop is four times the work, under TCG too).
 * A fault in the word loop leaves ecx words and eax tail bytes uncopied. */
static unsigned long __copy_user(void *to, const void *from, unsigned long n)
{
    asm volatile("movl %%ecx, %%eax\n\t"
                 "shrl $2, %%ecx\n\t"
                 "andl $3, %%eax\n"
                 "1: rep movsl\n\t"
                 "movl %%eax, %%ecx\n"
                 "2: rep movsb\n"
                 "3:\n"
                 ".section .text.fixup, \"ax\"\n"
                 "4: leal (%%eax, %%ecx, 4), %%ecx\n\t"
                 "jmp 3b\n"
                 ".previous\n"
                 ".section __ex_table, \"a\"\n"
                 ".long 1b, 4b\n"
                 ".long 2b, 3b\n"
                 ".previous"
                 : "+D"(to), "+S"(from), "+c"(n)
                 :
                 : "eax", "memory");
    return n;
}

extern "C" unsigned long copy_from_user(void *to, const void __user *from, unsigned long n)
{
    if (!access_ok(from, n))
        return n;
    return __copy_user(to, from, n);
}

extern "C" unsigned long copy_to_user(void __user *to, const void *from, unsigned long n)
{
    if (!access_ok(to, n))
        return n;
    return __copy_user(to, from, n);
}

extern "C" unsigned long clear_user(void __user *to, unsigned long n)
{
    if (!access_ok(to, n))
        return n;
    asm volatile("1: rep stosb\n"
                 "2:\n"
                 ".section __ex_table, \"a\"\n"
                 ".long 1b, 2b\n"
                 ".previous"
                 : "+D"(to), "+c"(n)
                 : "a"(0)
                 : "memory");
    return n;
}

/* Reads one byte; returns -EFAULT on a fault. */
static int get_user_byte(char *dst, const char __user *src)
{
    int err = 0;
    char c = 0;
    asm volatile("1: movb (%2), %1\n"
                 "2:\n"
                 ".section .text.fixup, \"ax\"\n"
                 "3: movl %3, %0\n"
                 "   jmp 2b\n"
                 ".previous\n"
                 ".section __ex_table, \"a\"\n"
                 ".long 1b, 3b\n"
                 ".previous"
                 : "+r"(err), "=q"(c)
                 : "r"(src), "i"(-EFAULT));
    *dst = c;
    return err;
}

extern "C" long strncpy_from_user(char *dst, const char __user *src, long count)
{
    for (long i = 0; i < count; i++) {
        if ((unsigned long)(src + i) >= PAGE_OFFSET)
            return -EFAULT;
        if (get_user_byte(&dst[i], src + i))
            return -EFAULT;
        if (dst[i] == '\0')
            return i;
    }
    return -ENAMETOOLONG;
}
