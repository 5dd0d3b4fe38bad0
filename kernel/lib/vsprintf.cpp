/* vsnprintf for the kernel (lib/vsprintf.c): the conversions printk needs, no floating point.
 * Pure: it builds into host unit tests, which compare it with the host C library.
 * Extension as in Linux: %pS prints a kernel address as symbol+offset/size. */
#include <stdarg.h>
#include "kernel/printk.h"
#include "kernel/kallsyms.h"
#include "kernel/string.h"

namespace {

struct out_buf {
    char *buf;
    size_t size;
    size_t len; /* would-be length, as C's snprintf counts */

    void put(char c)
    {
        if (len + 1 < size)
            buf[len] = c;
        len++;
    }
    void put_n(char c, int n)
    {
        while (n-- > 0)
            put(c);
    }
};

enum : unsigned { F_LEFT = 1, F_PLUS = 2, F_SPACE = 4, F_ALT = 8, F_ZERO = 16 };

void put_number(out_buf &o, unsigned long long v, bool neg, unsigned base, bool upper,
                unsigned flags, int width, int prec)
{
    char tmp[24];
    int n = 0;
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    while (v) {
        tmp[n++] = digits[v % base];
        v /= base;
    }
    /* Precision 0 with value 0 prints no digits, except %#o which prints "0". */
    int ndigits = n;
    if (prec < 0 && n == 0)
        ndigits = 1;
    int zeros = prec > ndigits ? prec - ndigits : 0;
    if (prec < 0 && n == 0)
        zeros = 1;

    const char *prefix = "";
    if (neg)
        prefix = "-";
    else if (flags & F_PLUS)
        prefix = "+";
    else if (flags & F_SPACE)
        prefix = " ";
    if ((flags & F_ALT) && base == 16 && n > 0)
        prefix = upper ? "0X" : "0x";
    if ((flags & F_ALT) && base == 8 && zeros == 0) /* %#o: the first digit is a 0 */
        zeros = 1;

    int plen = (int)strlen(prefix);
    int body = plen + zeros + n;
    int pad = width > body ? width - body : 0;
    if ((flags & F_ZERO) && !(flags & F_LEFT) && prec < 0) {
        zeros += pad;
        pad = 0;
    }
    if (!(flags & F_LEFT))
        o.put_n(' ', pad);
    for (int i = 0; i < plen; i++)
        o.put(prefix[i]);
    o.put_n('0', zeros);
    while (n)
        o.put(tmp[--n]);
    if (flags & F_LEFT)
        o.put_n(' ', pad);
}

void put_string(out_buf &o, const char *s, unsigned flags, int width, int prec)
{
    if (!s)
        s = "(null)";
    int len = (int)(prec >= 0 ? strnlen(s, (size_t)prec) : strlen(s));
    int pad = width > len ? width - len : 0;
    if (!(flags & F_LEFT))
        o.put_n(' ', pad);
    for (int i = 0; i < len; i++)
        o.put(s[i]);
    if (flags & F_LEFT)
        o.put_n(' ', pad);
}

} // namespace

extern "C" int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
    out_buf o{buf, size, 0};
    for (const char *p = fmt; *p; p++) {
        if (*p != '%') {
            o.put(*p);
            continue;
        }
        p++;
        unsigned flags = 0;
        for (;; p++) {
            if (*p == '-') flags |= F_LEFT;
            else if (*p == '+') flags |= F_PLUS;
            else if (*p == ' ') flags |= F_SPACE;
            else if (*p == '#') flags |= F_ALT;
            else if (*p == '0') flags |= F_ZERO;
            else break;
        }
        int width = -1;
        if (*p == '*') {
            width = va_arg(ap, int);
            if (width < 0) {
                flags |= F_LEFT;
                width = -width;
            }
            p++;
        } else {
            for (width = 0; *p >= '0' && *p <= '9'; p++)
                width = width * 10 + (*p - '0');
        }
        int prec = -1;
        if (*p == '.') {
            p++;
            if (*p == '*') {
                prec = va_arg(ap, int);
                p++;
            } else {
                for (prec = 0; *p >= '0' && *p <= '9'; p++)
                    prec = prec * 10 + (*p - '0');
            }
        }
        int lng = 0; /* -2 hh, -1 h, 0 int, 1 long, 2 long long */
        for (;; p++) {
            if (*p == 'l') lng++;
            else if (*p == 'h') lng--;
            else if (*p == 'z' || *p == 't') lng = 1;
            else break;
        }
        unsigned long long u;
        long long s;
        switch (*p) {
        case 'd':
        case 'i':
            s = lng >= 2 ? va_arg(ap, long long) : lng == 1 ? va_arg(ap, long) : va_arg(ap, int);
            if (lng == -1) s = (short)s;
            if (lng <= -2) s = (signed char)s;
            put_number(o, s < 0 ? 0ULL - (unsigned long long)s : (unsigned long long)s, s < 0, 10,
                       false, flags, width, prec);
            break;
        case 'u':
        case 'x':
        case 'X':
        case 'o':
            u = lng >= 2 ? va_arg(ap, unsigned long long)
                : lng == 1 ? va_arg(ap, unsigned long) : va_arg(ap, unsigned int);
            if (lng == -1) u = (unsigned short)u;
            if (lng <= -2) u = (unsigned char)u;
            put_number(o, u, false, *p == 'o' ? 8 : *p == 'u' ? 10 : 16, *p == 'X',
                       flags & ~(F_PLUS | F_SPACE), width, prec);
            break;
        case 'c': {
            char c = (char)va_arg(ap, int);
            int pad = width > 1 ? width - 1 : 0;
            if (!(flags & F_LEFT)) o.put_n(' ', pad);
            o.put(c);
            if (flags & F_LEFT) o.put_n(' ', pad);
            break;
        }
        case 's':
            put_string(o, va_arg(ap, const char *), flags, width, prec);
            break;
        case 'p': {
            void *ptr = va_arg(ap, void *);
            if (p[1] == 'S' || p[1] == 's') {
                char sym[128];
                sprint_symbol(sym, sizeof(sym), (unsigned long)ptr, p[1] == 'S');
                put_string(o, sym, flags, width, prec);
                p++;
            } else {
                put_number(o, (unsigned long)ptr, false, 16, false, flags | F_ALT, width, prec);
            }
            break;
        }
        case '%':
            o.put('%');
            break;
        case '\0':
            p--;
            break;
        default: /* unknown conversion: print it as is, so the mistake is visible */
            o.put('%');
            o.put(*p);
        }
    }
    if (size)
        buf[o.len < size ? o.len : size - 1] = '\0';
    return (int)o.len;
}

extern "C" int snprintf(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return n;
}
