/* System-call numbers: generated from kernel/syscall_32.tbl (Linux i386 numbers). */
#ifndef _SYS_SYSCALL_H
#define _SYS_SYSCALL_H
#include <asm/unistd_32.h>
#define SYS_exit __NR_exit
#define SYS_getpid __NR_getpid
#define SYS_write __NR_write
#define SYS_read __NR_read
#endif
