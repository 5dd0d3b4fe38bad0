// libctest: exercises the C library's non-socket parts and prints everything it computes.
// The same source builds against MenuOS libc and against glibc (g++ -m32 -static); the two
// outputs must be identical (tests/host/test_libc_vs_glibc.py). Deterministic by design.
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static void formats(void)
{
    printf("[%d] [%5d] [%-5d] [%05d] [%+d] [% d]\n", 42, 42, 42, 42, 42, 42);
    printf("[%x] [%X] [%#x] [%o] [%#o] [%u]\n", 255, 255, 255, 8, 8, 4000000000U);
    printf("[%s] [%10s] [%-10s] [%.3s] [%c]\n", "menu", "menu", "menu", "menuos", 'Z');
    printf("[%ld] [%lld] [%llu] [%hhd] [%zu]\n", -7L, -9000000000LL, 18446744073709551615ULL,
           (signed char)200, sizeof(long));
    printf("[%*d] [%-*d] [%.*d] [%%]\n", 6, -3, 6, -3, 4, 9);
    printf("[%d] [%d]\n", INT_MIN, INT_MAX);
    /* floating point computed at run time (x87 in user mode), printed by each libc */
    double third = 1.0 / 3, big = 1.0;
    for (int i = 0; i < 40; i++)
        big *= 10.0;
    printf("[%f] [%.10f] [%e] [%g] [%G] [%10.3f] [%-12.4e|]\n", third, third, big, third * 1e-7, big, -third, 2.5e-5);
    printf("[%.0f] [%.0f] [%g] [%#.3g] [%+.2e]\n", 0.5, 1.5, 100000.0, 1.0, 12345.678);
    char buf[8];
    int n = snprintf(buf, sizeof(buf), "%s", "truncate me");
    printf("snprintf -> %d \"%s\"\n", n, buf);
}

static void numbers(void)
{
    const char *in[] = {"123", "-0x1f", "0777", "  +42z", "99999999999", "-2147483648", "junk"};
    for (unsigned i = 0; i < sizeof(in) / sizeof(in[0]); i++) {
        char *end;
        errno = 0;
        long v = strtol(in[i], &end, 0);
        printf("strtol(\"%s\") = %ld, rest \"%s\", errno %d\n", in[i], v, end, errno);
    }
    printf("atoi(\" 17\") = %d, abs(-5) = %d\n", atoi(" 17"), abs(-5));
}

static void strings(void)
{
    char s[64] = "hello";
    strcat(s, ", world");
    printf("%s len %zu\n", s, strlen(s));
    printf("strchr %s | strrchr %s | strstr %s\n", strchr(s, 'o'), strrchr(s, 'o'), strstr(s, "wor"));
    printf("strcmp %d %d %d\n", strcmp("a", "b") < 0, strcmp("b", "a") > 0, strcmp("a", "a"));
    printf("strspn %zu strcspn %zu\n", strspn("aaab", "a"), strcspn("abc,def", ","));
    char line[] = "one two  three";
    for (char *t = strtok(line, " "); t; t = strtok(NULL, " "))
        printf("token <%s>\n", t);
    char *d = strdup("copy");
    printf("strdup %s\n", d);
    free(d);
    printf("toupper %c isdigit %d isspace %d\n", toupper('q'), isdigit('7') != 0, isspace('\t') != 0);
    printf("strerror(ENOENT) = %s\n", strerror(ENOENT));
    printf("strerror(ECONNREFUSED) = %s\n", strerror(ECONNREFUSED));
}

static void memory(void)
{
    unsigned sum = 0;
    char *blocks[64];
    for (int i = 0; i < 64; i++) {
        blocks[i] = (char *)malloc(16 + i * 37);
        memset(blocks[i], i, 16 + i * 37);
    }
    for (int i = 0; i < 64; i += 2) {
        blocks[i] = (char *)realloc(blocks[i], 2000);
        memset(blocks[i], i, 2000);
    }
    for (int i = 0; i < 64; i++) {
        size_t n = (i % 2 == 0) ? 2000 : (size_t)(16 + i * 37);
        for (size_t k = 0; k < n; k++)
            sum += (unsigned char)blocks[i][k];
        free(blocks[i]);
    }
    int *z = (int *)calloc(100, sizeof(int));
    for (int i = 0; i < 100; i++)
        sum += (unsigned)z[i];
    free(z);
    printf("malloc checksum %u\n", sum);
    int v[] = {5, -2, 9, 0, 3, 3, -7, 100};
    qsort(v, 8, sizeof(int), cmp_int);
    for (int i = 0; i < 8; i++)
        printf("%d%c", v[i], i == 7 ? '\n' : ' ');
}

static void addresses(void)
{
    struct in_addr a;
    int ok = inet_aton("127.1", &a);
    printf("inet_aton 127.1 -> %d %s\n", ok, inet_ntoa(a));
    printf("inet_addr 10.0.0.300 -> %#x\n", (unsigned)inet_addr("10.0.0.300"));
    unsigned char raw[4];
    printf("inet_pton -> %d\n", inet_pton(AF_INET, "192.168.1.20", raw));
    char text[INET_ADDRSTRLEN];
    printf("inet_ntop -> %s\n", inet_ntop(AF_INET, raw, text, sizeof(text)));
    printf("htons %#x htonl %#x\n", htons(0x1234), (unsigned)htonl(0x01020304));
}

int main(void)
{
    formats();
    numbers();
    strings();
    memory();
    addresses();
    printf("getpid > 0: %d, getppid >= 0: %d\n", getpid() > 0, getppid() >= 0);
    return 0;
}
