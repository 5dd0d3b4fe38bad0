/* memcpy, memmove, memset, memcmp, strlen, strnlen, strcmp, strncmp, strchr, strncpy: the
 * kernel's implementations (kernel/lib/string.cpp, `rep movs`/`rep stos`), built into libc. */
#include "kernel/lib/string.cpp"
