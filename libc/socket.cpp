/* The socket functions. By default each one packs its arguments into an array on the stack
 * and calls socketcall(SYS_xxx, args): system call 102, as glibc does on i386, so the lab's
 * `break sys_socketcall` sees every call. Built with -DMENUOS_DIRECT_SOCKETCALLS
 * (`make SOCKETCALL=direct`) they use the direct system calls 359-373 instead. */
#include <sys/socket.h>
#include "syscall.h"
#include "uapi/net.h"

#define A(x) ((unsigned long)(x))

extern "C" int socketcall(int call, unsigned long *args)
{
    return (int)SYSCALL(__NR_socketcall, call, (long)args);
}

#ifndef MENUOS_DIRECT_SOCKETCALLS
#define SOCKETCALL(call, nr, ...)                           \
    do {                                                    \
        unsigned long args[] = {__VA_ARGS__};               \
        return socketcall(call, args);                      \
    } while (0)
#else
#define SOCKETCALL(call, nr, ...)                           \
    do {                                                    \
        unsigned long a[6] = {__VA_ARGS__};                 \
        return (int)__syscall_ret(__syscall6(nr, (long)a[0], (long)a[1], (long)a[2], \
                                             (long)a[3], (long)a[4], (long)a[5])); \
    } while (0)
#endif

extern "C" {

int socket(int domain, int type, int protocol)
{
    SOCKETCALL(SYS_SOCKET, __NR_socket, A(domain), A(type), A(protocol));
}

int socketpair(int domain, int type, int protocol, int sv[2])
{
    SOCKETCALL(SYS_SOCKETPAIR, __NR_socketpair, A(domain), A(type), A(protocol), A(sv));
}

int bind(int fd, const struct sockaddr *addr, socklen_t len)
{
    SOCKETCALL(SYS_BIND, __NR_bind, A(fd), A(addr), A(len));
}

int connect(int fd, const struct sockaddr *addr, socklen_t len)
{
    SOCKETCALL(SYS_CONNECT, __NR_connect, A(fd), A(addr), A(len));
}

int listen(int fd, int backlog) { SOCKETCALL(SYS_LISTEN, __NR_listen, A(fd), A(backlog)); }

int accept(int fd, struct sockaddr *addr, socklen_t *len)
{
#ifndef MENUOS_DIRECT_SOCKETCALLS
    SOCKETCALL(SYS_ACCEPT, 0, A(fd), A(addr), A(len));
#else
    return accept4(fd, addr, len, 0);
#endif
}

int accept4(int fd, struct sockaddr *addr, socklen_t *len, int flags)
{
    SOCKETCALL(SYS_ACCEPT4, __NR_accept4, A(fd), A(addr), A(len), A(flags));
}

ssize_t send(int fd, const void *buf, size_t len, int flags)
{
#ifndef MENUOS_DIRECT_SOCKETCALLS
    SOCKETCALL(SYS_SEND, 0, A(fd), A(buf), A(len), A(flags));
#else
    return sendto(fd, buf, len, flags, nullptr, 0);
#endif
}

ssize_t recv(int fd, void *buf, size_t len, int flags)
{
#ifndef MENUOS_DIRECT_SOCKETCALLS
    SOCKETCALL(SYS_RECV, 0, A(fd), A(buf), A(len), A(flags));
#else
    return recvfrom(fd, buf, len, flags, nullptr, nullptr);
#endif
}

ssize_t sendto(int fd, const void *buf, size_t len, int flags, const struct sockaddr *addr, socklen_t alen)
{
    SOCKETCALL(SYS_SENDTO, __NR_sendto, A(fd), A(buf), A(len), A(flags), A(addr), A(alen));
}

ssize_t recvfrom(int fd, void *buf, size_t len, int flags, struct sockaddr *addr, socklen_t *alen)
{
    SOCKETCALL(SYS_RECVFROM, __NR_recvfrom, A(fd), A(buf), A(len), A(flags), A(addr), A(alen));
}

ssize_t sendmsg(int fd, const struct msghdr *msg, int flags)
{
    SOCKETCALL(SYS_SENDMSG, __NR_sendmsg, A(fd), A(msg), A(flags));
}

ssize_t recvmsg(int fd, struct msghdr *msg, int flags)
{
    SOCKETCALL(SYS_RECVMSG, __NR_recvmsg, A(fd), A(msg), A(flags));
}

int shutdown(int fd, int how) { SOCKETCALL(SYS_SHUTDOWN, __NR_shutdown, A(fd), A(how)); }

int getsockname(int fd, struct sockaddr *addr, socklen_t *len)
{
    SOCKETCALL(SYS_GETSOCKNAME, __NR_getsockname, A(fd), A(addr), A(len));
}

int getpeername(int fd, struct sockaddr *addr, socklen_t *len)
{
    SOCKETCALL(SYS_GETPEERNAME, __NR_getpeername, A(fd), A(addr), A(len));
}

int setsockopt(int fd, int level, int name, const void *val, socklen_t len)
{
    SOCKETCALL(SYS_SETSOCKOPT, __NR_setsockopt, A(fd), A(level), A(name), A(val), A(len));
}

int getsockopt(int fd, int level, int name, void *val, socklen_t *len)
{
    SOCKETCALL(SYS_GETSOCKOPT, __NR_getsockopt, A(fd), A(level), A(name), A(val), A(len));
}

} // extern "C"
