/* Basic kernel types (include/linux/types.h). Builds in the kernel and in host unit tests. */
#pragma once
#include <stddef.h>
#include <stdint.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef int64_t s64;
typedef u16 __be16;
typedef u32 __be32;
typedef u16 __sum16;
typedef u32 __wsum;
typedef int pid_t;
typedef unsigned int gfp_t;
typedef unsigned short umode_t;
typedef long long loff_t;
#ifndef MENUOS_HOST_TEST
typedef int ssize_t;
#else
#include <sys/types.h>
#endif

/* Marks pointers that come from user space: never dereference, use copy_from_user(). */
#define __user

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define ALIGN(x, a) (((x) + (a) - 1) & ~((__typeof__(x))(a) - 1))

/* container_of: the structure that holds a member (include/linux/kernel.h). */
#define container_of(ptr, type, member) \
    ((type *)((char *)(ptr) - offsetof(type, member)))

template <typename T> constexpr T min(T a, T b) { return a < b ? a : b; }
template <typename T> constexpr T max(T a, T b) { return a > b ? a : b; }

/* "Pointer or error" results, as Linux's ERR_PTR()/IS_ERR()/PTR_ERR(). */
#define MAX_ERRNO 4095
static inline void *ERR_PTR(long err) { return (void *)err; }
static inline long PTR_ERR(const void *ptr) { return (long)ptr; }
static inline bool IS_ERR(const void *ptr) { return (unsigned long)ptr >= (unsigned long)-MAX_ERRNO; }
static inline bool IS_ERR_OR_NULL(const void *ptr) { return !ptr || IS_ERR(ptr); }
