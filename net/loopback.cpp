/* The loopback device `lo` (drivers/net/loopback.c) and the receive softirq (net/core/dev.c).
 * 127.0.0.1/8, MTU 65536. Transmit queues; NET_RX_SOFTIRQ delivers. */
#include "net/netdevice.h"
#include "net/ip.h"
#include "net/stats.h"
#include "kernel/printk.h"
#include "kernel/softirq.h"
#include "kernel/string.h"
#include "kernel/timer.h"

extern "C" {
constinit net_device loopback_dev = {
    .name = "lo",
    .mtu = LOOPBACK_MTU,
    .ip_addr = 0x0100007f, /* 127.0.0.1 in network order */
    .netmask = 0x000000ff, /* 255.0.0.0 */
    .flags = IFF_LOOPBACK, /* down, as Linux boots it: init brings it up (SIOCSIFFLAGS) */
    .stats = {},
    .backlog = {}, /* net_dev_init() links it */
    .drop_next = 0,
};
constinit net_mib net_stats = {};
}

/* Linux: drivers/net/loopback.c loopback_xmit() */
static int loopback_xmit(sk_buff *skb, net_device *dev)
{
    skb->tstamp = jiffies;
    if (unlikely(dev->drop_next)) {
        dev->drop_next--;
        dev->stats.tx_dropped++;
        kfree_skb(skb);
        return 0;
    }
    if (unlikely(net_capture_enabled()))
        net_capture_packet(skb);
    dev->stats.tx_packets++;
    dev->stats.tx_bytes += skb->len;
    skb_queue_tail(&dev->backlog, skb);
    raise_softirq(NET_RX_SOFTIRQ);
    return 0;
}

/* Linux: net/core/dev.c dev_queue_xmit() */
extern "C" int dev_queue_xmit(sk_buff *skb)
{
    net_device *dev = skb->dev ? skb->dev : &loopback_dev;
    skb->dev = dev;
    skb->sk = nullptr; /* the packet no longer belongs to a socket */
    if (!(dev->flags & IFF_UP)) {
        dev->stats.tx_dropped++;
        kfree_skb(skb);
        return -100; /* -ENETDOWN */
    }
    return loopback_xmit(skb, dev);
}

/* Linux: net/core/dev.c net_rx_action() -> process_backlog() -> __netif_receive_skb().
 * At most NETDEV_BUDGET packets a round, as Linux's netdev_budget: a reply that a packet
 * causes joins the same backlog, so two ends answering each other would keep this loop
 * going forever. What is left waits for the next round (the softirq is raised again), and
 * processes run in between. */
#define NETDEV_BUDGET 300
extern "C" void net_rx_action(void)
{
    net_device *dev = &loopback_dev;
    sk_buff *skb;
    int budget = NETDEV_BUDGET;
    while ((skb = skb_dequeue(&dev->backlog)) != nullptr) {
        dev->stats.rx_packets++;
        dev->stats.rx_bytes += skb->len;
        ip_rcv(skb, dev);
        if (--budget == 0) {
            if (!skb_queue_empty(&dev->backlog))
                raise_softirq(NET_RX_SOFTIRQ);
            break;
        }
    }
}

/* Linux: net/core/dev.c net_dev_init() */
extern "C" void net_dev_init(void)
{
    skb_queue_head_init(&loopback_dev.backlog);
    open_softirq(NET_RX_SOFTIRQ, net_rx_action);
    pr_info("lo: loopback 127.0.0.1/8 mtu %u, down until init brings it up\n", loopback_dev.mtu);
}
