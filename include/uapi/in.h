/* IPv4 addresses and protocols (include/uapi/linux/in.h). Plain C, shared by kernel and libc. */
#ifndef _UAPI_IN_H
#define _UAPI_IN_H
#include "uapi/socket.h"

typedef unsigned short in_port_t;
typedef unsigned int in_addr_t;

struct in_addr {
    in_addr_t s_addr; /* network byte order */
};

struct sockaddr_in {
    sa_family_t sin_family;
    in_port_t sin_port;      /* network byte order */
    struct in_addr sin_addr;
    unsigned char sin_zero[8];
};

#define IPPROTO_IP 0
#define IPPROTO_ICMP 1
#define IPPROTO_TCP 6
#define IPPROTO_UDP 17
#define IPPROTO_RAW 255

#define INADDR_ANY ((in_addr_t)0x00000000)
#define INADDR_BROADCAST ((in_addr_t)0xffffffff)
#define INADDR_NONE ((in_addr_t)0xffffffff)
#define INADDR_LOOPBACK ((in_addr_t)0x7f000001) /* host byte order, as in Linux */

#define INET_ADDRSTRLEN 16
#define INET6_ADDRSTRLEN 46

#define IP_TOS 1
#define IP_TTL 2
#define TCP_NODELAY 1
#define TCP_MAXSEG 2

#ifdef __cplusplus
static_assert(sizeof(struct sockaddr_in) == 16, "sockaddr_in is 16 bytes");
#endif
#endif
