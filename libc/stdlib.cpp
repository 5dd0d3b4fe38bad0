/* <stdlib.h>: number parsing, exit, environment, sorting. */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern "C" void __stdio_flush_all(void);

/* Parses an unsigned magnitude with C's rules; sets *neg, *overflow, *end. */
static unsigned long long parse_digits(const char *s, char **end, int base, bool *neg, bool *overflow,
                                       unsigned long long limit)
{
    const char *p = s;
    while (isspace((unsigned char)*p))
        p++;
    *neg = false;
    if (*p == '+' || *p == '-')
        *neg = *p++ == '-';
    if ((base == 0 || base == 16) && p[0] == '0' && (p[1] == 'x' || p[1] == 'X') && isxdigit((unsigned char)p[2])) {
        p += 2;
        base = 16;
    } else if (base == 0) {
        base = p[0] == '0' ? 8 : 10;
    }
    *overflow = false;
    if (base < 2 || base > 36) {
        errno = EINVAL;
        if (end)
            *end = (char *)s;
        return 0;
    }
    unsigned long long v = 0;
    const char *digits_start = p;
    for (;; p++) {
        int d;
        if (isdigit((unsigned char)*p))
            d = *p - '0';
        else if (isalpha((unsigned char)*p))
            d = tolower((unsigned char)*p) - 'a' + 10;
        else
            break;
        if (d >= base)
            break;
        if (v > (limit - (unsigned)d) / (unsigned)base)
            *overflow = true;
        else
            v = v * (unsigned)base + (unsigned)d;
    }
    if (end)
        *end = (char *)(p == digits_start ? s : p);
    return v;
}

extern "C" long long strtoll(const char *s, char **end, int base)
{
    bool neg, of;
    unsigned long long v = parse_digits(s, end, base, &neg, &of, ULLONG_MAX);
    if (of || (!neg && v > (unsigned long long)LLONG_MAX) || (neg && v > (unsigned long long)LLONG_MAX + 1)) {
        errno = ERANGE;
        return neg ? LLONG_MIN : LLONG_MAX;
    }
    return neg ? (long long)(0 - v) : (long long)v;
}

extern "C" long strtol(const char *s, char **end, int base)
{
    bool neg, of;
    unsigned long long v = parse_digits(s, end, base, &neg, &of, ULLONG_MAX);
    if (of || (!neg && v > (unsigned long long)LONG_MAX) || (neg && v > (unsigned long long)LONG_MAX + 1)) {
        errno = ERANGE;
        return neg ? LONG_MIN : LONG_MAX;
    }
    return neg ? (long)(0 - v) : (long)v;
}

extern "C" unsigned long long strtoull(const char *s, char **end, int base)
{
    bool neg, of;
    unsigned long long v = parse_digits(s, end, base, &neg, &of, ULLONG_MAX);
    if (of) {
        errno = ERANGE;
        return ULLONG_MAX;
    }
    return neg ? 0 - v : v;
}

extern "C" unsigned long strtoul(const char *s, char **end, int base)
{
    bool neg, of;
    unsigned long long v = parse_digits(s, end, base, &neg, &of, ULLONG_MAX);
    if (of || v > ULONG_MAX) {
        errno = ERANGE;
        return ULONG_MAX;
    }
    return neg ? (unsigned long)(0 - v) : (unsigned long)v;
}

extern "C" int atoi(const char *s) { return (int)strtol(s, nullptr, 10); }
extern "C" long atol(const char *s) { return strtol(s, nullptr, 10); }
extern "C" long long atoll(const char *s) { return strtoll(s, nullptr, 10); }
extern "C" int abs(int x) { return x < 0 ? -x : x; }
extern "C" long labs(long x) { return x < 0 ? -x : x; }

static void (*atexit_fns[32])(void);
static int atexit_count;

extern "C" int atexit(void (*fn)(void))
{
    if (atexit_count == 32)
        return -1;
    atexit_fns[atexit_count++] = fn;
    return 0;
}

extern "C" void exit(int status)
{
    while (atexit_count > 0)
        atexit_fns[--atexit_count]();
    __stdio_flush_all();
    _exit(status);
}

extern "C" void _Exit(int status) { _exit(status); }

extern "C" void abort(void)
{
    __stdio_flush_all();
    kill(getpid(), SIGABRT);
    _exit(127);
}

extern "C" void __assert_fail(const char *expr, const char *file, int line, const char *func)
{
    fprintf(stderr, "%s:%d: %s: Assertion `%s' failed.\n", file, line, func, expr);
    abort();
}

extern "C" char *getenv(const char *name)
{
    size_t n = strlen(name);
    for (char **e = environ; e && *e; e++)
        if (!strncmp(*e, name, n) && (*e)[n] == '=')
            return *e + n + 1;
    return nullptr;
}

static void swap_bytes(char *a, char *b, size_t size)
{
    while (size--) {
        char t = *a;
        *a++ = *b;
        *b++ = t;
    }
}

/* Heapsort: O(n log n) worst case, no recursion, no extra memory. */
static void sift_down(char *base, size_t size, size_t start, size_t n, int (*cmp)(const void *, const void *))
{
    size_t root = start;
    for (;;) {
        size_t child = 2 * root + 1;
        if (child >= n)
            return;
        if (child + 1 < n && cmp(base + child * size, base + (child + 1) * size) < 0)
            child++;
        if (cmp(base + root * size, base + child * size) >= 0)
            return;
        swap_bytes(base + root * size, base + child * size, size);
        root = child;
    }
}

extern "C" void qsort(void *vbase, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
    char *base = (char *)vbase;
    if (n < 2)
        return;
    for (size_t i = n / 2; i-- > 0;)
        sift_down(base, size, i, n, cmp);
    for (size_t end = n - 1; end > 0; end--) {
        swap_bytes(base, base + end * size, size);
        sift_down(base, size, 0, end, cmp);
    }
}

static unsigned long rand_state = 1;
extern "C" int rand(void)
{
    rand_state = rand_state * 1103515245 + 12345;
    return (int)((rand_state >> 1) & RAND_MAX);
}
extern "C" void srand(unsigned int seed) { rand_state = seed; }
