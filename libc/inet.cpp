/* Byte order and IPv4 address text (<arpa/inet.h>), with the C library's usual rules:
 * inet_aton takes the classic forms a, a.b, a.b.c, a.b.c.d with decimal, octal (0..) or hex
 * (0x..) parts; inet_pton takes exactly four decimal parts without leading zeros. */
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

extern "C" {

uint32_t htonl(uint32_t x) { return __builtin_bswap32(x); }
uint16_t htons(uint16_t x) { return __builtin_bswap16(x); }
uint32_t ntohl(uint32_t x) { return __builtin_bswap32(x); }
uint16_t ntohs(uint16_t x) { return __builtin_bswap16(x); }

int inet_aton(const char *cp, struct in_addr *inp)
{
    unsigned long parts[4];
    int n = 0;
    const char *p = cp;
    for (;;) {
        if (!isdigit((unsigned char)*p))
            return 0;
        unsigned long long v = 0;
        int base = 10;
        if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
            base = 16;
            p += 2;
        } else if (p[0] == '0') {
            base = 8;
        }
        const char *start = p;
        for (;; p++) {
            int d;
            if (isdigit((unsigned char)*p))
                d = *p - '0';
            else if (base == 16 && isxdigit((unsigned char)*p))
                d = tolower((unsigned char)*p) - 'a' + 10;
            else
                break;
            if (d >= base)
                return 0;
            v = v * (unsigned)base + (unsigned)d;
            if (v > 0xffffffffULL)
                return 0;
        }
        if (base == 16 && p == start)
            return 0;
        parts[n++] = (unsigned long)v;
        if (*p == '.') {
            if (n == 4)
                return 0;
            p++;
            continue;
        }
        if (*p != '\0' && !isspace((unsigned char)*p))
            return 0;
        break;
    }
    unsigned long addr;
    switch (n) {
    case 1:
        addr = parts[0];
        break;
    case 2:
        if (parts[0] > 0xff || parts[1] > 0xffffff)
            return 0;
        addr = parts[0] << 24 | parts[1];
        break;
    case 3:
        if (parts[0] > 0xff || parts[1] > 0xff || parts[2] > 0xffff)
            return 0;
        addr = parts[0] << 24 | parts[1] << 16 | parts[2];
        break;
    default:
        for (int i = 0; i < 4; i++)
            if (parts[i] > 0xff)
                return 0;
        addr = parts[0] << 24 | parts[1] << 16 | parts[2] << 8 | parts[3];
    }
    if (inp)
        inp->s_addr = htonl((uint32_t)addr);
    return 1;
}

in_addr_t inet_addr(const char *cp)
{
    struct in_addr a;
    return inet_aton(cp, &a) ? a.s_addr : INADDR_NONE;
}

char *inet_ntoa(struct in_addr in)
{
    static char buf[INET_ADDRSTRLEN];
    unsigned char *b = (unsigned char *)&in.s_addr;
    snprintf(buf, sizeof(buf), "%u.%u.%u.%u", b[0], b[1], b[2], b[3]);
    return buf;
}

int inet_pton(int af, const char *src, void *dst)
{
    if (af != AF_INET) {
        errno = EAFNOSUPPORT;
        return -1;
    }
    unsigned char out[4];
    int n = 0;
    const char *p = src;
    while (n < 4) {
        if (!isdigit((unsigned char)*p))
            return 0;
        if (p[0] == '0' && isdigit((unsigned char)p[1]))
            return 0; /* no leading zeros */
        unsigned v = 0;
        int digits = 0;
        while (isdigit((unsigned char)*p)) {
            v = v * 10 + (unsigned)(*p++ - '0');
            if (++digits > 3 || v > 255)
                return 0;
        }
        out[n++] = (unsigned char)v;
        if (n < 4 && *p++ != '.')
            return 0;
    }
    if (*p)
        return 0;
    memcpy(dst, out, 4);
    return 1;
}

const char *inet_ntop(int af, const void *src, char *dst, socklen_t size)
{
    if (af != AF_INET) {
        errno = EAFNOSUPPORT;
        return nullptr;
    }
    const unsigned char *b = (const unsigned char *)src;
    char tmp[INET_ADDRSTRLEN];
    int n = snprintf(tmp, sizeof(tmp), "%u.%u.%u.%u", b[0], b[1], b[2], b[3]);
    if ((socklen_t)n >= size) {
        errno = ENOSPC;
        return nullptr;
    }
    memcpy(dst, tmp, (size_t)n + 1);
    return dst;
}

} // extern "C"
