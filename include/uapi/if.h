/* Network interfaces as user space configures them (include/uapi/linux/if.h,
 * include/uapi/linux/sockios.h): struct ifreq, struct ifconf, the IFF_ flags and the SIOC
 * ioctl numbers, with Linux i386's values and layouts. Shared by the kernel and libc. Plain C. */
#ifndef _UAPI_IF_H
#define _UAPI_IF_H
#include "uapi/socket.h"

#define IFNAMSIZ 16

#define IFF_UP 0x1
#define IFF_BROADCAST 0x2
#define IFF_LOOPBACK 0x8
#define IFF_RUNNING 0x40

/* Socket ioctls on interfaces (any socket will do, as on Linux). */
#define SIOCGIFCONF 0x8912    /* list the interfaces and their addresses */
#define SIOCGIFFLAGS 0x8913
#define SIOCSIFFLAGS 0x8914
#define SIOCGIFADDR 0x8915
#define SIOCSIFADDR 0x8916
#define SIOCGIFNETMASK 0x891b
#define SIOCSIFNETMASK 0x891c
#define SIOCGIFMTU 0x8921
#define SIOCSIFMTU 0x8922
#define SIOCGIFINDEX 0x8933

struct ifreq {
    char ifr_name[IFNAMSIZ];
    union {
        struct sockaddr ifru_addr;
        struct sockaddr ifru_netmask;
        short ifru_flags;
        int ifru_ivalue;
        int ifru_mtu;
        char ifru_slave[IFNAMSIZ];
    } ifr_ifru;
};
#define ifr_addr ifr_ifru.ifru_addr
#define ifr_netmask ifr_ifru.ifru_netmask
#define ifr_flags ifr_ifru.ifru_flags
#define ifr_ifindex ifr_ifru.ifru_ivalue
#define ifr_mtu ifr_ifru.ifru_mtu

struct ifconf {
    int ifc_len; /* in: the buffer's size; out: the bytes filled */
    union {
        char *ifcu_buf;
        struct ifreq *ifcu_req;
    } ifc_ifcu;
};
#define ifc_buf ifc_ifcu.ifcu_buf
#define ifc_req ifc_ifcu.ifcu_req

#endif
