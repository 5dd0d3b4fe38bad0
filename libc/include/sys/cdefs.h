/* Shared declarations glue for MenuOS libc headers: C linkage when compiled as C++. */
#ifndef _SYS_CDEFS_H
#define _SYS_CDEFS_H
#ifdef __cplusplus
#define __BEGIN_DECLS extern "C" {
#define __END_DECLS }
#define __restrict
#else
#define __BEGIN_DECLS
#define __END_DECLS
#define __restrict restrict
#endif
#define __noreturn __attribute__((noreturn))
#define __printflike(f, a) __attribute__((format(printf, f, a)))
#endif
