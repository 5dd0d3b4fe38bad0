/* strlcpy (lib/string.c): bounded copy that always terminates. Pure (host tests use it too). */
#include "kernel/string.h"

extern "C" size_t strlcpy(char *dst, const char *src, size_t size)
{
    size_t len = strlen(src);
    if (size) {
        size_t n = len < size - 1 ? len : size - 1;
        memcpy(dst, src, n);
        dst[n] = '\0';
    }
    return len;
}
