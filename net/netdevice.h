/* Network devices (include/linux/netdevice.h), reduced to the one MenuOS has: `lo`.
 *
 * dev_queue_xmit() never calls the receiver: the loopback driver queues the packet on its
 * backlog and raises NET_RX_SOFTIRQ; net_rx_action() later feeds it to ip_rcv() on a clean
 * stack (between system calls), as Linux's process_backlog does. Read next: net/ip.cpp. */
#pragma once
#include "kernel/types.h"
#include "net/skbuff.h"
#include "uapi/if.h" /* IFF_UP, struct ifreq: the flags user space sees */

struct net_device_stats {
    u32 rx_packets, tx_packets;
    u64 rx_bytes, tx_bytes;
    u32 rx_dropped, tx_dropped, rx_errors;
};

struct net_device {
    char name[16];
    unsigned int mtu;
    __be32 ip_addr;  /* network order */
    __be32 netmask;
    unsigned int flags;
    net_device_stats stats;
    sk_buff_head backlog; /* packets sent, not yet received */
    /* Test hook: the next `drop_next` packets are dropped on transmit (counted in
     * tx_dropped), so the retransmission timer can be seen at work. Set through
     * /proc/net/drop or directly by the host tests. */
    unsigned int drop_next;
};
#define LOOPBACK_MTU 65536
#define ENOIOCTLCMD 515 /* kernel-internal, as Linux's: "not mine", never seen by user space */

extern "C" {
extern net_device loopback_dev;
/* Linux: net/core/dev.c dev_queue_xmit(): consumes skb. Returns 0 or -errno. */
int dev_queue_xmit(sk_buff *skb);
/* Linux: net/core/dev.c net_rx_action(): drains the backlog into ip_rcv. */
void net_rx_action(void);
void net_dev_init(void);
/* Linux: net/core/dev_ioctl.c dev_ioctl(): the SIOC*IF* ioctls of any socket (net/dev_ioctl.cpp).
 * -ENOIOCTLCMD when cmd is none of them. */
int dev_ioctl(unsigned int cmd, void __user *arg);
/* True while lo is up: routes to 127.0.0.0/8 exist only then (ip_route_output). */
static inline bool netif_running(const net_device *dev) { return dev->flags & IFF_UP; }
/* pcap capture of everything that crosses lo (net/capture.cpp). */
void net_capture_enable(bool on);
bool net_capture_enabled(void);
void net_capture_packet(const sk_buff *skb);
/* Host tests and the pcap writer: how capture bytes leave (serial2_write in the kernel). */
extern void (*net_capture_sink)(const void *buf, size_t len);
}
