/* The kernel's string functions (lib/string.c, arch/x86/lib/memcpy_32.c). The compiler emits
 * calls to memcpy/memset/memmove/memcmp in freestanding code, so they must exist. Copies use
 * `rep movs`, which is fast on every x86 and under QEMU's TCG. */
#include "kernel/string.h"

extern "C" void *memcpy(void *dst, const void *src, size_t n)
{
    void *d = dst;
    asm volatile("mov %%ecx, %%edx\n\t"
                 "shr $2, %%ecx\n\t"
                 "rep movsl\n\t"
                 "mov %%edx, %%ecx\n\t"
                 "and $3, %%ecx\n\t"
                 "rep movsb"
                 : "+D"(d), "+S"(src), "+c"(n)
                 :
                 : "edx", "memory");
    return dst;
}

extern "C" void *memmove(void *dst, const void *src, size_t n)
{
    if (dst <= src || (const char *)dst >= (const char *)src + n)
        return memcpy(dst, src, n);
    /* Overlap with dst above src: copy backwards. */
    char *d = (char *)dst + n - 1;
    const char *s = (const char *)src + n - 1;
    asm volatile("std\n\trep movsb\n\tcld" : "+D"(d), "+S"(s), "+c"(n) : : "memory");
    return dst;
}

extern "C" void *memset(void *dst, int c, size_t n)
{
    void *d = dst;
    asm volatile("rep stosb" : "+D"(d), "+c"(n) : "a"(c) : "memory");
    return dst;
}

extern "C" int memcmp(const void *a, const void *b, size_t n)
{
    const unsigned char *x = (const unsigned char *)a, *y = (const unsigned char *)b;
    for (size_t i = 0; i < n; i++)
        if (x[i] != y[i])
            return x[i] - y[i];
    return 0;
}

extern "C" size_t strlen(const char *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    return n;
}

extern "C" size_t strnlen(const char *s, size_t max)
{
    size_t n = 0;
    while (n < max && s[n])
        n++;
    return n;
}

extern "C" int strcmp(const char *a, const char *b)
{
    while (*a && *a == *b)
        a++, b++;
    return (unsigned char)*a - (unsigned char)*b;
}

extern "C" int strncmp(const char *a, const char *b, size_t n)
{
    for (; n; n--, a++, b++) {
        if (*a != *b)
            return (unsigned char)*a - (unsigned char)*b;
        if (!*a)
            return 0;
    }
    return 0;
}

extern "C" char *strchr(const char *s, int c)
{
    for (;; s++) {
        if (*s == (char)c)
            return (char *)s;
        if (!*s)
            return nullptr;
    }
}

extern "C" char *strncpy(char *dst, const char *src, size_t n)
{
    size_t i = 0;
    for (; i < n && src[i]; i++)
        dst[i] = src[i];
    for (; i < n; i++)
        dst[i] = '\0';
    return dst;
}
