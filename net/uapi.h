/* The socket ABI the kernel shares with user space (Linux i386 values and layouts).
 * Uses include/uapi/{socket,in,un}.h when they exist and fills in only what is missing,
 * so this header and the uapi ones never disagree. Read next: net/sock.h. */
#pragma once
#include "kernel/types.h"

#if __has_include("uapi/socket.h")
#include "uapi/socket.h"
#define NET_HAVE_UAPI_SOCKET 1
#endif
#if __has_include("uapi/in.h")
#include "uapi/in.h"
#define NET_HAVE_UAPI_IN 1
#endif
#if __has_include("uapi/un.h")
#include "uapi/un.h"
#define NET_HAVE_UAPI_UN 1
#endif
#if __has_include("uapi/net.h")
#include "uapi/net.h"
#endif

#ifndef NET_HAVE_UAPI_SOCKET
typedef unsigned int socklen_t;
typedef unsigned short sa_family_t;
struct sockaddr {
    sa_family_t sa_family;
    char sa_data[14];
};
struct iovec {
    void __user *iov_base;
    size_t iov_len;
};
struct msghdr {
    void __user *msg_name;
    socklen_t msg_namelen;
    iovec __user *msg_iov;
    size_t msg_iovlen;
    void __user *msg_control;
    size_t msg_controllen;
    unsigned int msg_flags;
};
struct linger {
    int l_onoff;
    int l_linger;
};
#endif

#ifndef NET_HAVE_UAPI_IN
typedef u16 in_port_t;
typedef u32 in_addr_t;
struct in_addr {
    in_addr_t s_addr;
};
struct sockaddr_in {
    sa_family_t sin_family;
    in_port_t sin_port;
    in_addr sin_addr;
    unsigned char sin_zero[8];
};
#endif

#ifndef NET_HAVE_UAPI_UN
struct sockaddr_un {
    sa_family_t sun_family;
    char sun_path[108];
};
#endif

/* Layouts shared with user space and Linux binaries. */
static_assert(sizeof(sockaddr) == 16);
static_assert(sizeof(sockaddr_in) == 16 && offsetof(sockaddr_in, sin_addr) == 4);
static_assert(sizeof(sockaddr_un) == 110);
static_assert(sizeof(msghdr) == 28);

#ifndef AF_UNSPEC
#define AF_UNSPEC 0
#endif
#ifndef AF_UNIX
#define AF_UNIX 1
#endif
#ifndef AF_LOCAL
#define AF_LOCAL AF_UNIX
#endif
#ifndef AF_INET
#define AF_INET 2
#endif
#ifndef AF_INET6
#define AF_INET6 10
#endif
#ifndef AF_MAX
#define AF_MAX 46
#endif
#ifndef PF_UNIX
#define PF_UNIX AF_UNIX
#endif
#ifndef PF_INET
#define PF_INET AF_INET
#endif
#ifndef SOCK_STREAM
#define SOCK_STREAM 1
#endif
#ifndef SOCK_DGRAM
#define SOCK_DGRAM 2
#endif
#ifndef SOCK_RAW
#define SOCK_RAW 3
#endif
#ifndef SOCK_SEQPACKET
#define SOCK_SEQPACKET 5
#endif
#ifndef SOCK_MAX
#define SOCK_MAX 11
#endif
#ifndef SOCK_TYPE_MASK
#define SOCK_TYPE_MASK 0xf
#endif
#ifndef SOCK_NONBLOCK
#define SOCK_NONBLOCK 00004000
#endif
#ifndef SOCK_CLOEXEC
#define SOCK_CLOEXEC 02000000
#endif

#ifndef SOL_SOCKET
#define SOL_SOCKET 1
#endif
#ifndef SO_DEBUG
#define SO_DEBUG 1
#endif
#ifndef SO_REUSEADDR
#define SO_REUSEADDR 2
#endif
#ifndef SO_TYPE
#define SO_TYPE 3
#endif
#ifndef SO_ERROR
#define SO_ERROR 4
#endif
#ifndef SO_BROADCAST
#define SO_BROADCAST 6
#endif
#ifndef SO_SNDBUF
#define SO_SNDBUF 7
#endif
#ifndef SO_RCVBUF
#define SO_RCVBUF 8
#endif
#ifndef SO_KEEPALIVE
#define SO_KEEPALIVE 9
#endif
#ifndef SO_LINGER
#define SO_LINGER 13
#endif
#ifndef SO_REUSEPORT
#define SO_REUSEPORT 15
#endif
#ifndef SO_RCVTIMEO
#define SO_RCVTIMEO 20
#endif
#ifndef SO_SNDTIMEO
#define SO_SNDTIMEO 21
#endif
#ifndef SO_ACCEPTCONN
#define SO_ACCEPTCONN 30
#endif
#ifndef SO_PROTOCOL
#define SO_PROTOCOL 38
#endif
#ifndef SO_DOMAIN
#define SO_DOMAIN 39
#endif

#ifndef MSG_OOB
#define MSG_OOB 0x01
#endif
#ifndef MSG_PEEK
#define MSG_PEEK 0x02
#endif
#ifndef MSG_TRUNC
#define MSG_TRUNC 0x20
#endif
#ifndef MSG_DONTWAIT
#define MSG_DONTWAIT 0x40
#endif
#ifndef MSG_WAITALL
#define MSG_WAITALL 0x100
#endif
#ifndef MSG_NOSIGNAL
#define MSG_NOSIGNAL 0x4000
#endif

#ifndef SHUT_RD
#define SHUT_RD 0
#endif
#ifndef SHUT_WR
#define SHUT_WR 1
#endif
#ifndef SHUT_RDWR
#define SHUT_RDWR 2
#endif

#ifndef IPPROTO_IP
#define IPPROTO_IP 0
#endif
#ifndef IPPROTO_ICMP
#define IPPROTO_ICMP 1
#endif
#ifndef IPPROTO_TCP
#define IPPROTO_TCP 6
#endif
#ifndef IPPROTO_UDP
#define IPPROTO_UDP 17
#endif
#ifndef IPPROTO_RAW
#define IPPROTO_RAW 255
#endif
#ifndef TCP_NODELAY
#define TCP_NODELAY 1
#endif
#ifndef TCP_MAXSEG
#define TCP_MAXSEG 2
#endif
#ifndef SOL_TCP
#define SOL_TCP 6
#endif
#ifndef IP_TTL
#define IP_TTL 2
#endif

#ifndef INADDR_ANY
#define INADDR_ANY ((in_addr_t)0x00000000)
#endif
#ifndef INADDR_LOOPBACK
#define INADDR_LOOPBACK ((in_addr_t)0x7f000001)
#endif
#ifndef INADDR_BROADCAST
#define INADDR_BROADCAST ((in_addr_t)0xffffffff)
#endif

/* socketcall(2) call numbers (include/uapi/linux/net.h). */
#ifndef SYS_SOCKET
#define SYS_SOCKET 1
#define SYS_BIND 2
#define SYS_CONNECT 3
#define SYS_LISTEN 4
#define SYS_ACCEPT 5
#define SYS_GETSOCKNAME 6
#define SYS_GETPEERNAME 7
#define SYS_SOCKETPAIR 8
#define SYS_SEND 9
#define SYS_RECV 10
#define SYS_SENDTO 11
#define SYS_RECVFROM 12
#define SYS_SHUTDOWN 13
#define SYS_SETSOCKOPT 14
#define SYS_GETSOCKOPT 15
#define SYS_SENDMSG 16
#define SYS_RECVMSG 17
#define SYS_ACCEPT4 18
#define SYS_RECVMMSG 19
#define SYS_SENDMMSG 20
#endif

#ifndef SOMAXCONN
#define SOMAXCONN 4096
#endif

/* Byte order: i386 is little-endian; the wire is big-endian. */
static inline constexpr u16 net_htons(u16 x) { return (u16)((x << 8) | (x >> 8)); }
static inline constexpr u32 net_htonl(u32 x) { return __builtin_bswap32(x); }
#define htons(x) net_htons(x)
#define ntohs(x) net_htons(x)
#define htonl(x) net_htonl(x)
#define ntohl(x) net_htonl(x)
