/* The kernel's string functions (lib/string.c). The compiler emits calls to the mem* ones. */
#pragma once
#include "kernel/types.h"

#ifdef MENUOS_HOST_TEST
#include <string.h>
#else
extern "C" {
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
char *strncpy(char *dst, const char *src, size_t n);
}
#endif
extern "C" size_t strlcpy(char *dst, const char *src, size_t size);
