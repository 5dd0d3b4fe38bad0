/* <stdio.h>: three streams over fds 0, 1, 2. stdout is line-buffered (a line reaches the
 * console as one write), stderr unbuffered, stdin buffered. Formatting is the kernel's own
 * vsnprintf (kernel/lib/vsprintf.cpp, built into libc too): one formatter for both sides. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct __file {
    int fd;
    int mode;      /* _IOLBF, _IONBF, _IOFBF */
    int len;       /* output: bytes waiting; input: bytes available */
    int pos;       /* input: next byte */
    bool eof, err;
    char buf[BUFSIZ];
};

static FILE in_file = {0, _IOFBF, 0, 0, false, false, {}};
static FILE out_file = {1, _IOLBF, 0, 0, false, false, {}};
static FILE err_file = {2, _IONBF, 0, 0, false, false, {}};

extern "C" {
FILE *stdin = &in_file;
FILE *stdout = &out_file;
FILE *stderr = &err_file;

static int write_all(int fd, const char *p, size_t n)
{
    while (n) {
        ssize_t w = write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

int fflush(FILE *f)
{
    if (!f) {
        fflush(stdout);
        fflush(stderr);
        return 0;
    }
    if (f == stdin || f->len == 0)
        return 0;
    int r = write_all(f->fd, f->buf, (size_t)f->len);
    f->len = 0;
    if (r < 0)
        f->err = true;
    return r < 0 ? EOF : 0;
}

void __stdio_flush_all(void) { fflush(nullptr); }

size_t fwrite(const void *p, size_t size, size_t n, FILE *f)
{
    size_t total = size * n;
    const char *s = (const char *)p;
    if (f->mode == _IONBF) {
        if (write_all(f->fd, s, total) < 0) {
            f->err = true;
            return 0;
        }
        return n;
    }
    for (size_t i = 0; i < total; i++) {
        f->buf[f->len++] = s[i];
        if (f->len == BUFSIZ || (s[i] == '\n' && f->mode == _IOLBF))
            if (fflush(f) == EOF)
                return i / (size ? size : 1);
    }
    return n;
}

int fputc(int c, FILE *f)
{
    char ch = (char)c;
    return fwrite(&ch, 1, 1, f) == 1 ? (unsigned char)c : EOF;
}
int putc(int c, FILE *f) { return fputc(c, f); }
int putchar(int c) { return fputc(c, stdout); }

int fputs(const char *s, FILE *f) { return fwrite(s, 1, strlen(s), f) == strlen(s) ? 1 : EOF; }

int puts(const char *s)
{
    if (fputs(s, stdout) == EOF || fputc('\n', stdout) == EOF)
        return EOF;
    return 1;
}

int vfprintf(FILE *f, const char *fmt, va_list ap)
{
    char small[512];
    va_list again;
    va_copy(again, ap);
    int n = vsnprintf(small, sizeof(small), fmt, ap);
    if (n < 0) {
        va_end(again);
        return n;
    }
    if ((size_t)n < sizeof(small)) {
        fwrite(small, 1, (size_t)n, f);
    } else {
        char *big = (char *)malloc((size_t)n + 1);
        if (!big) {
            va_end(again);
            return -1;
        }
        vsnprintf(big, (size_t)n + 1, fmt, again);
        fwrite(big, 1, (size_t)n, f);
        free(big);
    }
    va_end(again);
    return f->err ? -1 : n;
}

int vprintf(const char *fmt, va_list ap) { return vfprintf(stdout, fmt, ap); }
int vsprintf(char *buf, const char *fmt, va_list ap) { return vsnprintf(buf, (size_t)-1 / 2, fmt, ap); }

int vdprintf(int fd, const char *fmt, va_list ap)
{
    FILE f = {fd, _IONBF, 0, 0, false, false, {}};
    return vfprintf(&f, fmt, ap);
}

#define VA_WRAP(call)       \
    va_list ap;             \
    va_start(ap, fmt);      \
    int r = call;           \
    va_end(ap);             \
    return r

int printf(const char *fmt, ...) { VA_WRAP(vfprintf(stdout, fmt, ap)); }
int fprintf(FILE *f, const char *fmt, ...) { VA_WRAP(vfprintf(f, fmt, ap)); }
int sprintf(char *buf, const char *fmt, ...) { VA_WRAP(vsprintf(buf, fmt, ap)); }
int dprintf(int fd, const char *fmt, ...) { VA_WRAP(vdprintf(fd, fmt, ap)); }

static int refill(FILE *f)
{
    fflush(stdout); /* a prompt printed without newline shows before we wait for input */
    ssize_t n;
    do {
        n = read(f->fd, f->buf, BUFSIZ);
    } while (n < 0 && errno == EINTR);
    if (n <= 0) {
        if (n == 0)
            f->eof = true;
        else
            f->err = true;
        return EOF;
    }
    f->len = (int)n;
    f->pos = 0;
    return 0;
}

int fgetc(FILE *f)
{
    if (f->pos >= f->len && refill(f) == EOF)
        return EOF;
    return (unsigned char)f->buf[f->pos++];
}
int getc(FILE *f) { return fgetc(f); }
int getchar(void) { return fgetc(stdin); }

char *fgets(char *s, int size, FILE *f)
{
    if (size <= 0)
        return nullptr;
    int i = 0;
    while (i < size - 1) {
        int c = fgetc(f);
        if (c == EOF)
            break;
        s[i++] = (char)c;
        if (c == '\n')
            break;
    }
    if (i == 0)
        return nullptr;
    s[i] = '\0';
    return s;
}

size_t fread(void *p, size_t size, size_t n, FILE *f)
{
    char *d = (char *)p;
    size_t total = size * n, i = 0;
    for (; i < total; i++) {
        int c = fgetc(f);
        if (c == EOF)
            break;
        d[i] = (char)c;
    }
    return size ? i / size : 0;
}

int feof(FILE *f) { return f->eof; }
int ferror(FILE *f) { return f->err; }
void clearerr(FILE *f) { f->eof = f->err = false; }
int fileno(FILE *f) { return f->fd; }

int setvbuf(FILE *f, char *, int mode, size_t)
{
    fflush(f);
    f->mode = mode;
    return 0;
}

void perror(const char *s)
{
    const char *msg = strerror(errno);
    if (s && *s)
        fprintf(stderr, "%s: %s\n", s, msg);
    else
        fprintf(stderr, "%s\n", msg);
}

} // extern "C"
