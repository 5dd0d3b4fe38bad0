/* vsnprintf for the kernel (lib/vsprintf.c) and for libc, which compiles this same file.
 * Pure: it builds into host unit tests, which compare it with the host C library.
 * Extension as in Linux: %pS prints a kernel address as symbol+offset/size.
 * %f %e %g (for libc's printf) work on the bits of the double with integers only: the kernel
 * has no FPU state to use, and an exact decimal expansion rounds exactly as glibc does. */
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

/* ---- floating point: an IEEE 754 double is m * 2^e exactly; its decimal digits come from a
 * bignum (base 10^9): m << e when e >= 0, m * 5^-e (with the point moved -e places) when e < 0. */
struct bignum {
    unsigned w[90]; /* 5^1074 * 2^53 has 768 digits: 86 words */
    int n;
    void mul(unsigned k)
    {
        unsigned long long carry = 0;
        for (int i = 0; i < n; i++) {
            unsigned long long v = (unsigned long long)w[i] * k + carry;
            w[i] = (unsigned)(v % 1000000000u);
            carry = v / 1000000000u;
        }
        for (; carry; carry /= 1000000000u) /* k > 10^9 can carry past one word */
            w[n++] = (unsigned)(carry % 1000000000u);
    }
};

/* Writes the decimal digits of m * 2^e (no leading zeros) into d; *point is where the decimal
 * point goes (digits before it; may be <= 0 or > count). Returns the number of digits. */
__attribute__((noinline)) int exact_digits(unsigned long long m, int e, char *d, int *point)
{
    bignum b;
    b.n = 0;
    for (unsigned long long v = m; v; v /= 1000000000u)
        b.w[b.n++] = (unsigned)(v % 1000000000u);
    /* many factors per pass: 2^29 and 5^13 still fit the 32-bit multiplier */
    for (int i = e; i > 0; i -= 29)
        b.mul(1u << (i < 29 ? i : 29));
    static constexpr unsigned pow5[14] = {1, 5, 25, 125, 625, 3125, 15625, 78125, 390625, 1953125,
                                          9765625, 48828125, 244140625, 1220703125};
    for (int i = -e; i > 0; i -= 13)
        b.mul(pow5[i < 13 ? i : 13]);
    int n = 0;
    for (int i = b.n - 1; i >= 0; i--) {
        char t[9];
        unsigned v = b.w[i];
        for (int k = 8; k >= 0; k--, v /= 10)
            t[k] = (char)('0' + v % 10);
        int k = 0;
        if (i == b.n - 1)
            while (k < 8 && t[k] == '0')
                k++;
        for (; k < 9; k++)
            d[n++] = t[k];
    }
    *point = n + (e < 0 ? e : 0);
    return n;
}

/* Rounds d (n digits) to keep digits before index `keep`, half to even (exact ties only happen
 * on exactly representable values, where glibc rounds to even too). May grow by one digit
 * (9.99 -> 10.0): returns the new count and moves *point. */
int round_digits(char *d, int n, int keep, int *point)
{
    if (keep >= n)
        return n;
    if (keep < 0)
        return 0;
    bool up = d[keep] > '5';
    if (d[keep] == '5') {
        bool rest = false;
        for (int i = keep + 1; i < n; i++)
            rest |= d[i] != '0';
        up = rest || (keep > 0 && (d[keep - 1] - '0') % 2 == 1);
    }
    n = keep;
    if (!up)
        return n;
    int i = keep - 1;
    while (i >= 0 && d[i] == '9')
        d[i--] = '0';
    if (i >= 0) {
        d[i]++;
    } else { /* all nines: 1 followed by zeros, one more digit before the point */
        for (int k = n; k > 0; k--)
            d[k] = d[k - 1];
        d[0] = '1';
        n++;
        (*point)++;
    }
    return n;
}

void put_float(out_buf &o, unsigned long long bits, char conv, unsigned flags, int width, int prec)
{
    bool neg = bits >> 63;
    int exp = (int)((bits >> 52) & 0x7ff);
    unsigned long long frac = bits & ((1ULL << 52) - 1);
    bool upper = conv == 'F' || conv == 'E' || conv == 'G';
    char body[840]; /* digits, point, exponent */
    int len = 0;
    if (exp == 0x7ff) { /* inf, nan: no zero padding */
        const char *t = frac ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
        while (*t)
            body[len++] = *t++;
        flags &= ~F_ZERO;
    } else {
        unsigned long long m = exp ? frac | (1ULL << 52) : frac;
        int e = exp ? exp - 1075 : -1074;
        static_assert(sizeof(body) > 800);
        char d[800];
        int point = 0;
        int n = m ? exact_digits(m, e, d, &point) : 0;
        if (prec < 0)
            prec = 6;
        char kind = conv | 0x20; /* f, e or g */
        bool strip = false;
        if (kind == 'g') {
            int p = prec ? prec : 1;
            /* the exponent %e would show, after rounding to p digits */
            int x = point - 1;
            if (n) {
                int pt = point;
                char t[800];
                memcpy(t, d, (size_t)n);
                round_digits(t, n, p, &pt);
                x = pt - 1;
            }
            if (!n)
                x = 0;
            if (x < p && x >= -4) {
                kind = 'f';
                prec = p - 1 - x;
            } else {
                kind = 'e';
                prec = p - 1;
            }
            strip = !(flags & F_ALT);
        }
        int x10 = 0;
        if (kind == 'f') {
            n = round_digits(d, n, point + prec, &point);
        } else {
            n = round_digits(d, n, prec + 1, &point);
            x10 = n ? point - 1 : 0;
            point = 1; /* one digit before the point */
        }
        /* digits: position i (0 = the first digit) is d[i] when 0 <= i < n, else 0 */
        auto digit = [&](int i) { return i >= 0 && i < n ? d[i] : '0'; };
        int last = prec; /* digits after the point to print */
        if (strip) {
            while (last > 0 && digit(point + last - 1) == '0')
                last--;
        }
        if (point <= 0)
            body[len++] = '0';
        for (int i = 0; i < point; i++)
            body[len++] = digit(i);
        if (last > 0 || (flags & F_ALT))
            body[len++] = '.';
        for (int i = 0; i < last && len < 800; i++)
            body[len++] = digit(point + i);
        if (kind == 'e') {
            body[len++] = upper ? 'E' : 'e';
            body[len++] = x10 < 0 ? '-' : '+';
            int ax = x10 < 0 ? -x10 : x10;
            if (ax >= 100)
                body[len++] = (char)('0' + ax / 100);
            body[len++] = (char)('0' + ax / 10 % 10);
            body[len++] = (char)('0' + ax % 10);
        }
    }
    char sign = neg ? '-' : (flags & F_PLUS) ? '+' : (flags & F_SPACE) ? ' ' : 0;
    int total = len + (sign ? 1 : 0);
    int pad = width > total ? width - total : 0;
    if (!(flags & (F_LEFT | F_ZERO)))
        o.put_n(' ', pad);
    if (sign)
        o.put(sign);
    if ((flags & F_ZERO) && !(flags & F_LEFT))
        o.put_n('0', pad);
    for (int i = 0; i < len; i++)
        o.put(body[i]);
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
            else if (*p == 'j' || *p == 'q') lng = 2;
            else if (*p == 'L') lng = 3; /* long double */
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
        case 'f':
        case 'F':
        case 'e':
        case 'E':
        case 'g':
        case 'G':
            if (lng == 3) { /* long double (12 bytes on i386): taken off the list, not printed */
                (void)va_arg(ap, unsigned);
                (void)va_arg(ap, unsigned);
                (void)va_arg(ap, unsigned);
                o.put('%');
                o.put('L');
                o.put(*p);
                break;
            }
            /* a double is passed as its 8 bytes: read them as an integer, never into an FPU */
            put_float(o, va_arg(ap, unsigned long long), *p, flags, width, prec);
            break;
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
