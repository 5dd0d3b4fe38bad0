#ifndef _UNISTD_H
#define _UNISTD_H
#include <sys/cdefs.h>
#include <sys/types.h>

#define STDIN_FILENO 0
#define STDOUT_FILENO 1
#define STDERR_FILENO 2
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#define F_OK 0
#define X_OK 1
#define W_OK 2
#define R_OK 4

__BEGIN_DECLS
extern char **environ;
ssize_t read(int fd, void *buf, size_t count);
ssize_t write(int fd, const void *buf, size_t count);
int close(int fd);
off_t lseek(int fd, off_t offset, int whence);
pid_t fork(void);
int execve(const char *path, char *const argv[], char *const envp[]);
int execv(const char *path, char *const argv[]);
int execvp(const char *file, char *const argv[]);
__noreturn void _exit(int status);
pid_t getpid(void);
pid_t getppid(void);
pid_t getpgrp(void);
int setpgid(pid_t pid, pid_t pgid);
pid_t tcgetpgrp(int fd);
int tcsetpgrp(int fd, pid_t pgrp);
unsigned int sleep(unsigned int seconds);
int usleep(unsigned int usec);
int dup(int fd);
int dup2(int oldfd, int newfd);
int brk(void *addr);
void *sbrk(intptr_t increment);
int unlink(const char *path);
int rmdir(const char *path);
int access(const char *path, int mode);
int isatty(int fd);
int pipe(int fds[2]);
int pipe2(int fds[2], int flags); /* O_CLOEXEC, O_NONBLOCK */
int chdir(const char *path);
char *getcwd(char *buf, size_t size);
long syscall(long nr, ...);
__END_DECLS
#endif
