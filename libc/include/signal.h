#ifndef _SIGNAL_H
#define _SIGNAL_H
#include <sys/cdefs.h>
#include <sys/types.h>
/* Linux i386 signal numbers. MenuOS has default actions only: kill() works, handlers do not. */
#include "uapi/signal.h"
#define NSIG _NSIG
__BEGIN_DECLS
int kill(pid_t pid, int sig);
int raise(int sig);
__END_DECLS
#endif
