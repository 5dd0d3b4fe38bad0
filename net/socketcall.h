/* socketcall(2)'s argument table (net/socket.c nargs[]): how many bytes of arguments each
 * call number copies from user space. Pure data, checked by the host unit tests. */
#pragma once
#include "kernel/types.h"
#include "net/uapi.h"

#define SOCKETCALL_AL(x) ((x) * sizeof(unsigned long))
inline constexpr unsigned char socketcall_nargs[SYS_SENDMMSG + 1] = {
    SOCKETCALL_AL(0), SOCKETCALL_AL(3), SOCKETCALL_AL(3), SOCKETCALL_AL(3), SOCKETCALL_AL(2),
    SOCKETCALL_AL(3), SOCKETCALL_AL(3), SOCKETCALL_AL(3), SOCKETCALL_AL(4), SOCKETCALL_AL(4),
    SOCKETCALL_AL(4), SOCKETCALL_AL(6), SOCKETCALL_AL(6), SOCKETCALL_AL(2), SOCKETCALL_AL(5),
    SOCKETCALL_AL(5), SOCKETCALL_AL(3), SOCKETCALL_AL(3), SOCKETCALL_AL(4), SOCKETCALL_AL(5),
    SOCKETCALL_AL(4),
};
#undef SOCKETCALL_AL

extern "C" {
long sys_socketcall(int call, unsigned long __user *args);
int __sys_socket(int family, int type, int protocol);
int __sys_socketpair(int family, int type, int protocol, int __user *usockvec);
int __sys_bind(int fd, sockaddr __user *umyaddr, int addrlen);
int __sys_connect(int fd, sockaddr __user *uservaddr, int addrlen);
int __sys_listen(int fd, int backlog);
int __sys_accept4(int fd, sockaddr __user *upeer_sockaddr, int __user *upeer_addrlen, int flags);
int __sys_getsockname(int fd, sockaddr __user *usockaddr, int __user *usockaddr_len);
int __sys_getpeername(int fd, sockaddr __user *usockaddr, int __user *usockaddr_len);
int __sys_sendto(int fd, void __user *buff, size_t len, unsigned int flags, sockaddr __user *addr, int addr_len);
int __sys_recvfrom(int fd, void __user *ubuf, size_t size, unsigned int flags, sockaddr __user *addr,
                   int __user *addr_len);
int __sys_shutdown(int fd, int how);
int __sys_setsockopt(int fd, int level, int optname, char __user *optval, int optlen);
int __sys_getsockopt(int fd, int level, int optname, char __user *optval, int __user *optlen);
long __sys_sendmsg(int fd, msghdr __user *msg, unsigned int flags);
long __sys_recvmsg(int fd, msghdr __user *msg, unsigned int flags);
}
