#ifndef _SIGNAL_H
#define _SIGNAL_H
#include <sys/cdefs.h>
#include <sys/types.h>
/* Linux i386 signal numbers. MenuOS has default actions only: kill() works, handlers do not. */
#define SIGHUP 1
#define SIGINT 2
#define SIGQUIT 3
#define SIGILL 4
#define SIGTRAP 5
#define SIGABRT 6
#define SIGBUS 7
#define SIGFPE 8
#define SIGKILL 9
#define SIGUSR1 10
#define SIGSEGV 11
#define SIGUSR2 12
#define SIGPIPE 13
#define SIGALRM 14
#define SIGTERM 15
#define SIGCHLD 17
#define SIGCONT 18
#define SIGSTOP 19
#define NSIG 32
__BEGIN_DECLS
int kill(pid_t pid, int sig);
int raise(int sig);
__END_DECLS
#endif
