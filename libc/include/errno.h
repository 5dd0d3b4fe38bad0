/* errno: the C library's copy of the kernel's error numbers (Linux's values). */
#ifndef _ERRNO_H
#define _ERRNO_H
#include <sys/cdefs.h>
#include "uapi/errno.h"
#undef ERESTARTSYS
__BEGIN_DECLS
extern int errno;
__END_DECLS
#endif
