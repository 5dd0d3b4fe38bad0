/* Process and file system calls: thin wrappers over __syscall (libc/syscall.h). */
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include "syscall.h"

extern "C" {

ssize_t read(int fd, void *buf, size_t n) { return (ssize_t)SYSCALL(__NR_read, fd, (long)buf, (long)n); }
ssize_t write(int fd, const void *buf, size_t n) { return (ssize_t)SYSCALL(__NR_write, fd, (long)buf, (long)n); }
int close(int fd) { return (int)SYSCALL(__NR_close, fd); }
off_t lseek(int fd, off_t off, int whence) { return (off_t)SYSCALL(__NR_lseek, fd, off, whence); }
pid_t fork(void) { return (pid_t)SYSCALL(__NR_fork); }
int execve(const char *path, char *const argv[], char *const envp[])
{
    return (int)SYSCALL(__NR_execve, (long)path, (long)argv, (long)envp);
}
int execv(const char *path, char *const argv[]) { return execve(path, argv, environ); }

int execvp(const char *file, char *const argv[])
{
    if (strchr(file, '/'))
        return execv(file, argv);
    char path[256];
    size_t n = strlen(file);
    if (n + 6 > sizeof(path)) {
        errno = ENAMETOOLONG;
        return -1;
    }
    memcpy(path, "/bin/", 5);
    memcpy(path + 5, file, n + 1);
    return execv(path, argv);
}

void _exit(int status)
{
    for (;;)
        __syscall(__NR_exit_group, status);
}

pid_t getpid(void) { return (pid_t)__syscall(__NR_getpid); }
pid_t getppid(void) { return (pid_t)__syscall(__NR_getppid); }
pid_t getpgrp(void) { return (pid_t)__syscall(__NR_getpgrp); }
int setpgid(pid_t pid, pid_t pgid) { return (int)SYSCALL(__NR_setpgid, pid, pgid); }
pid_t tcgetpgrp(int fd)
{
    int pg;
    return ioctl(fd, TIOCGPGRP, &pg) < 0 ? -1 : pg;
}
int tcsetpgrp(int fd, pid_t pgrp)
{
    int pg = pgrp;
    return ioctl(fd, TIOCSPGRP, &pg);
}

int nanosleep(const struct timespec *req, struct timespec *rem)
{
    return (int)SYSCALL(__NR_nanosleep, (long)req, (long)rem);
}

unsigned int sleep(unsigned int seconds)
{
    struct timespec ts = {(time_t)seconds, 0}, rem = {0, 0};
    if (nanosleep(&ts, &rem) < 0)
        return (unsigned int)rem.tv_sec;
    return 0;
}

int usleep(unsigned int usec)
{
    struct timespec ts = {(time_t)(usec / 1000000), (long)(usec % 1000000) * 1000};
    return nanosleep(&ts, nullptr);
}

int dup(int fd) { return (int)SYSCALL(__NR_fcntl, fd, F_DUPFD, 0); }
int dup2(int oldfd, int newfd) { return (int)SYSCALL(__NR_dup2, oldfd, newfd); }

static char *cur_brk;

int brk(void *addr)
{
    char *r = (char *)__syscall(__NR_brk, (long)addr);
    cur_brk = r;
    if (r < (char *)addr) {
        errno = ENOMEM;
        return -1;
    }
    return 0;
}

void *sbrk(intptr_t inc)
{
    if (!cur_brk)
        cur_brk = (char *)__syscall(__NR_brk, 0);
    char *old = cur_brk;
    if (inc == 0)
        return old;
    char *want = old + inc;
    char *r = (char *)__syscall(__NR_brk, (long)want);
    if (r != want) {
        errno = ENOMEM;
        return (void *)-1;
    }
    cur_brk = r;
    return old;
}

int unlink(const char *path) { return (int)SYSCALL(__NR_unlink, (long)path); }
int rmdir(const char *path) { return unlink(path); }
int mkdir(const char *path, mode_t mode) { return (int)SYSCALL(__NR_mkdir, (long)path, (long)mode); }
int stat(const char *path, struct stat *st) { return (int)SYSCALL(__NR_stat, (long)path, (long)st); }
int lstat(const char *path, struct stat *st) { return stat(path, st); }
int fstat(int fd, struct stat *st) { return (int)SYSCALL(__NR_fstat, fd, (long)st); }

int access(const char *path, int)
{
    struct stat st;
    return stat(path, &st);
}

int isatty(int fd)
{
    struct termios t;
    return ioctl(fd, TCGETS, &t) == 0;
}

int pipe(int fds[2]) { return (int)SYSCALL(__NR_pipe, (long)fds); }
int pipe2(int fds[2], int flags) { return (int)SYSCALL(__NR_pipe2, (long)fds, flags); }

int chdir(const char *) { errno = ENOSYS; return -1; }

char *getcwd(char *buf, size_t size)
{
    if (size < 2) {
        errno = ERANGE;
        return nullptr;
    }
    buf[0] = '/';
    buf[1] = '\0';
    return buf;
}

long syscall(long nr, ...)
{
    va_list ap;
    va_start(ap, nr);
    long a = va_arg(ap, long), b = va_arg(ap, long), c = va_arg(ap, long);
    long d = va_arg(ap, long), e = va_arg(ap, long), f = va_arg(ap, long);
    va_end(ap);
    return __syscall_ret(__syscall6(nr, a, b, c, d, e, f));
}

int open(const char *path, int flags, ...)
{
    va_list ap;
    va_start(ap, flags);
    int mode = (flags & O_CREAT) ? va_arg(ap, int) : 0;
    va_end(ap);
    return (int)SYSCALL(__NR_open, (long)path, flags, mode);
}

int creat(const char *path, mode_t mode) { return open(path, O_CREAT | O_WRONLY | O_TRUNC, mode); }

int fcntl(int fd, int cmd, ...)
{
    va_list ap;
    va_start(ap, cmd);
    long arg = va_arg(ap, long);
    va_end(ap);
    return (int)SYSCALL(__NR_fcntl, fd, cmd, arg);
}

int ioctl(int fd, unsigned long req, ...)
{
    va_list ap;
    va_start(ap, req);
    long arg = va_arg(ap, long);
    va_end(ap);
    return (int)SYSCALL(__NR_ioctl, fd, (long)req, arg);
}

int tcgetattr(int fd, struct termios *t) { return ioctl(fd, TCGETS, t); }
int tcsetattr(int fd, int, const struct termios *t) { return ioctl(fd, TCSETS, t); }

pid_t wait4(pid_t pid, int *status, int options, struct rusage *ru)
{
    return (pid_t)SYSCALL(__NR_wait4, pid, (long)status, options, (long)ru);
}
pid_t waitpid(pid_t pid, int *status, int options) { return wait4(pid, status, options, nullptr); }
pid_t wait(int *status) { return wait4(-1, status, 0, nullptr); }

int kill(pid_t pid, int sig) { return (int)SYSCALL(__NR_kill, pid, sig); }
int raise(int sig) { return kill(getpid(), sig); }
int uname(struct utsname *u) { return (int)SYSCALL(__NR_uname, (long)u); }

int reboot(int cmd)
{
    return (int)SYSCALL(__NR_reboot, (long)LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2, cmd);
}

time_t time(time_t *t) { return (time_t)SYSCALL(__NR_time, (long)t); }
int clock_gettime(clockid_t clk, struct timespec *ts) { return (int)SYSCALL(__NR_clock_gettime, clk, (long)ts); }

clock_t clock(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (clock_t)(ts.tv_sec * 1000000L + ts.tv_nsec / 1000);
}

int gettimeofday(struct timeval *tv, void *)
{
    struct timespec ts;
    if (clock_gettime(CLOCK_REALTIME, &ts) < 0)
        return -1;
    tv->tv_sec = ts.tv_sec;
    tv->tv_usec = ts.tv_nsec / 1000;
    return 0;
}

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
    if (off & 4095) {
        errno = EINVAL;
        return MAP_FAILED;
    }
    long r = __syscall6(__NR_mmap2, (long)addr, (long)len, prot, flags, fd, off >> 12);
    if ((unsigned long)r > (unsigned long)-4096L) {
        errno = (int)-r;
        return MAP_FAILED;
    }
    return (void *)r;
}

int munmap(void *addr, size_t len) { return (int)SYSCALL(__NR_munmap, (long)addr, (long)len); }

} // extern "C"
