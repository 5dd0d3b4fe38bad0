#ifndef _STDIO_H
#define _STDIO_H
#include <sys/cdefs.h>
#include <stdarg.h>
#include <stddef.h>
#define EOF (-1)
#define BUFSIZ 1024
typedef struct __file FILE;
__BEGIN_DECLS
extern FILE *stdin;
extern FILE *stdout;
extern FILE *stderr;
int printf(const char *__restrict fmt, ...) __printflike(1, 2);
int fprintf(FILE *__restrict f, const char *__restrict fmt, ...) __printflike(2, 3);
int sprintf(char *__restrict buf, const char *__restrict fmt, ...) __printflike(2, 3);
int snprintf(char *__restrict buf, size_t size, const char *__restrict fmt, ...) __printflike(3, 4);
int dprintf(int fd, const char *__restrict fmt, ...) __printflike(2, 3);
int vprintf(const char *__restrict fmt, va_list ap);
int vfprintf(FILE *__restrict f, const char *__restrict fmt, va_list ap);
int vsprintf(char *__restrict buf, const char *__restrict fmt, va_list ap);
int vsnprintf(char *__restrict buf, size_t size, const char *__restrict fmt, va_list ap);
int vdprintf(int fd, const char *__restrict fmt, va_list ap);
int puts(const char *s);
int fputs(const char *__restrict s, FILE *__restrict f);
int putchar(int c);
int fputc(int c, FILE *f);
int putc(int c, FILE *f);
int getchar(void);
int fgetc(FILE *f);
int getc(FILE *f);
char *fgets(char *__restrict s, int size, FILE *__restrict f);
size_t fwrite(const void *__restrict p, size_t size, size_t n, FILE *__restrict f);
size_t fread(void *__restrict p, size_t size, size_t n, FILE *__restrict f);
int fflush(FILE *f);
int feof(FILE *f);
int ferror(FILE *f);
void clearerr(FILE *f);
int fileno(FILE *f);
void perror(const char *s);
int setvbuf(FILE *__restrict f, char *__restrict buf, int mode, size_t size);
#define _IOFBF 0
#define _IOLBF 1
#define _IONBF 2
__END_DECLS
#endif
