/* Copies between kernel and user memory (arch/x86/include/asm/uaccess.h).
 *
 * Every pointer a user program passes is checked against the user half (below PAGE_OFFSET)
 * and copied with a fault fixup: an unmapped page gives -EFAULT, never a kernel oops. */
#pragma once
#include "kernel/types.h"

extern "C" {
/* True when [addr, addr+size) lies in user space. */
bool access_ok(const void __user *addr, unsigned long size);
/* Return the number of bytes NOT copied (0 on success), as Linux does. */
unsigned long copy_from_user(void *to, const void __user *from, unsigned long n);
unsigned long copy_to_user(void __user *to, const void *from, unsigned long n);
/* Zero-fills user memory; returns bytes not cleared. */
unsigned long clear_user(void __user *to, unsigned long n);
/* Copies a NUL-terminated string of at most `count` bytes (including the NUL).
 * Returns its length, -EFAULT, or -ENAMETOOLONG when no NUL came within count. */
long strncpy_from_user(char *dst, const char __user *src, long count);
}

/* Typed helpers for single values. Return 0 or -EFAULT. */
template <typename T> static inline int get_user(T &val, const T __user *p)
{
    return copy_from_user(&val, p, sizeof(T)) ? -14 /* EFAULT */ : 0;
}
template <typename T> static inline int put_user(const T &val, T __user *p)
{
    return copy_to_user(p, &val, sizeof(T)) ? -14 /* EFAULT */ : 0;
}
