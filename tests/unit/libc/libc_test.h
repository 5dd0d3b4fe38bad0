/* The MenuOS libc functions under test, by their prefixed names (see tests/unit/libc.mk). */
#pragma once
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

extern "C" {
extern int menuos_errno;
extern size_t menuos_heap_limit;
int menuos_snprintf(char *buf, size_t size, const char *fmt, ...);
int menuos_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
long menuos_strtol(const char *s, char **end, int base);
unsigned long menuos_strtoul(const char *s, char **end, int base);
long long menuos_strtoll(const char *s, char **end, int base);
int menuos_atoi(const char *s);
size_t menuos_strlen(const char *s);
int menuos_strcmp(const char *a, const char *b);
int menuos_strncmp(const char *a, const char *b, size_t n);
int menuos_strcasecmp(const char *a, const char *b);
char *menuos_strchr(const char *s, int c);
char *menuos_strrchr(const char *s, int c);
char *menuos_strstr(const char *h, const char *n);
size_t menuos_strspn(const char *s, const char *a);
size_t menuos_strcspn(const char *s, const char *r);
char *menuos_strtok_r(char *s, const char *d, char **save);
void *menuos_memcpy(void *d, const void *s, size_t n);
void *menuos_memmove(void *d, const void *s, size_t n);
void *menuos_memset(void *d, int c, size_t n);
int menuos_memcmp(const void *a, const void *b, size_t n);
char *menuos_strncpy(char *d, const char *s, size_t n);
char *menuos_strerror(int e);
int menuos_inet_aton(const char *cp, void *inp);
unsigned int menuos_inet_addr(const char *cp);
int menuos_inet_pton(int af, const char *src, void *dst);
const char *menuos_inet_ntop(int af, const void *src, char *dst, unsigned int size);
void *menuos_malloc(size_t n);
void menuos_free(void *p);
void *menuos_calloc(size_t n, size_t s);
void *menuos_realloc(void *p, size_t n);
void menuos_qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));
}
