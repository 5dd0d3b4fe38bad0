/* What the prefixed libc objects need from outside, for the host tests: a fake brk heap,
 * errno and environ, and the few system calls abort() and exit() would make. */
#include <stdarg.h>
#include <stdexcept>
#include <stdint.h>
#include <stdio.h>
#include "tests/unit/libc/libc_test.h"

extern "C" {
int menuos_errno;
char **menuos_environ;

static char heap[8 << 20] __attribute__((aligned(16)));
static size_t heap_used;
size_t menuos_heap_limit = sizeof(heap);

void *menuos_sbrk(intptr_t inc)
{
    if (inc < 0 || heap_used + (size_t)inc > menuos_heap_limit) {
        menuos_errno = 12; /* ENOMEM */
        return (void *)-1;
    }
    void *old = heap + heap_used;
    heap_used += (size_t)inc;
    return old;
}

int menuos_getpid(void) { return 1; }
int menuos_kill(int, int) { throw std::runtime_error("libc called kill (abort)"); }
void menuos__exit(int) { throw std::runtime_error("libc called _exit"); }
void menuos___stdio_flush_all(void) {}
void *menuos_stderr;
int menuos_fprintf(void *, const char *, ...) { return 0; }

/* libgcc's 64-bit division helpers, which the prefixing renamed too. */
unsigned long long menuos___udivdi3(unsigned long long a, unsigned long long b) { return a / b; }
unsigned long long menuos___umoddi3(unsigned long long a, unsigned long long b) { return a % b; }
long long menuos___divdi3(long long a, long long b) { return a / b; }
long long menuos___moddi3(long long a, long long b) { return a % b; }
unsigned long long menuos___udivmoddi4(unsigned long long a, unsigned long long b, unsigned long long *rem)
{
    if (rem)
        *rem = a % b;
    return a / b;
}
}
