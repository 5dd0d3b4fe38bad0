/* Interface ioctls (net/core/dev_ioctl.c dev_ioctl(), dev_ifconf(); net/ipv4/devinet.c
 * devinet_ioctl()): how user space reads and configures `lo` through any socket. The menu
 * shell brings lo up this way at start, as the original MenuOS's init did; `ifconfig lo down`
 * takes it down again.
 *
 * lo's address stays in 127.0.0.0/8: MenuOS routes that whole block to lo (net/ip.h), so
 * another address would route nowhere (-EINVAL). While lo is down there is no route to it:
 * connect and sendto get -ENETUNREACH (ip_route_output). */
#include "net/netdevice.h"
#include "net/ip.h"
#include "kernel/uaccess.h"
#include "kernel/string.h"
#include "kernel/printk.h"
#include "uapi/errno.h"

static net_device *dev_get_by_name(const char *name)
{
    return strcmp(name, loopback_dev.name) == 0 ? &loopback_dev : nullptr;
}

static void set_sockaddr_in(sockaddr *sa, __be32 addr)
{
    sockaddr_in *sin = (sockaddr_in *)sa;
    memset(sin, 0, sizeof(*sin));
    sin->sin_family = AF_INET;
    sin->sin_addr.s_addr = addr;
}

/* A netmask is ones then zeroes (Linux: bad_mask()). */
static bool good_mask(__be32 mask)
{
    u32 m = ntohl(mask);
    return (m & (~m >> 1)) == 0 && m != 0;
}

/* Linux: net/ipv4/devinet.c devinet_ioctl(): the IPv4 address and netmask. */
extern "C" int devinet_ioctl(net_device *dev, unsigned int cmd, ifreq *ifr)
{
    const sockaddr_in *sin = (const sockaddr_in *)&ifr->ifr_addr;
    switch (cmd) {
    case SIOCGIFADDR:
        set_sockaddr_in(&ifr->ifr_addr, dev->ip_addr);
        return 0;
    case SIOCGIFNETMASK:
        set_sockaddr_in(&ifr->ifr_netmask, dev->netmask);
        return 0;
    case SIOCSIFADDR:
        if (sin->sin_family != AF_INET)
            return -EINVAL;
        if (!ipv4_is_loopback(sin->sin_addr.s_addr))
            return -EINVAL;
        dev->ip_addr = sin->sin_addr.s_addr;
        return 0;
    case SIOCSIFNETMASK:
        if (sin->sin_family != AF_INET || !good_mask(sin->sin_addr.s_addr))
            return -EINVAL;
        dev->netmask = sin->sin_addr.s_addr;
        return 0;
    }
    return -ENOIOCTLCMD;
}

/* Linux: net/core/dev.c dev_change_flags(): only IFF_UP is the user's to change; RUNNING
 * follows it (lo has no carrier to lose), LOOPBACK is what the device is. */
extern "C" int dev_change_flags(net_device *dev, unsigned int flags)
{
    bool up = flags & IFF_UP;
    if (up == netif_running(dev))
        return 0;
    if (up)
        dev->flags |= IFF_UP | IFF_RUNNING;
    else
        dev->flags &= ~(IFF_UP | IFF_RUNNING);
    pr_info("%s: link %s\n", dev->name, up ? "up" : "down");
    return 0;
}

/* Linux: net/core/dev_ioctl.c dev_ifsioc() and dev_ifsioc_locked(). */
static int dev_ifsioc(net_device *dev, unsigned int cmd, ifreq *ifr)
{
    switch (cmd) {
    case SIOCGIFFLAGS:
        ifr->ifr_flags = (short)dev->flags;
        return 0;
    case SIOCSIFFLAGS:
        return dev_change_flags(dev, (unsigned short)ifr->ifr_flags);
    case SIOCGIFMTU:
        ifr->ifr_mtu = (int)dev->mtu;
        return 0;
    case SIOCSIFMTU:
        /* 68: the smallest IPv4 MTU (RFC 791); new TCP sockets take their MSS from it */
        if (ifr->ifr_mtu < 68 || ifr->ifr_mtu > LOOPBACK_MTU)
            return -EINVAL;
        dev->mtu = (unsigned int)ifr->ifr_mtu;
        return 0;
    case SIOCGIFINDEX:
        ifr->ifr_ifindex = 1; /* lo is interface 1, as on Linux */
        return 0;
    }
    return devinet_ioctl(dev, cmd, ifr);
}

/* Linux: net/core/dev_ioctl.c dev_ifconf(): one ifreq (name and address) per interface
 * with an IPv4 address. With a NULL buffer, only the length needed. */
static int dev_ifconf(ifconf __user *uifc)
{
    ifconf ifc;
    if (copy_from_user(&ifc, uifc, sizeof(ifc)))
        return -EFAULT;
    if (ifc.ifc_len < 0)
        return -EINVAL;
    net_device *devs[] = {&loopback_dev};
    int total = 0;
    for (net_device *dev : devs) {
        if (!dev->ip_addr)
            continue;
        if (ifc.ifc_buf) {
            if (ifc.ifc_len - total < (int)sizeof(ifreq))
                break;
            ifreq r;
            memset(&r, 0, sizeof(r));
            strlcpy(r.ifr_name, dev->name, sizeof(r.ifr_name));
            set_sockaddr_in(&r.ifr_addr, dev->ip_addr);
            if (copy_to_user(ifc.ifc_buf + total, &r, sizeof(r)))
                return -EFAULT;
        }
        total += (int)sizeof(ifreq);
    }
    ifc.ifc_len = total;
    return put_user(total, &uifc->ifc_len);
}

static bool dev_ioctl_sets(unsigned int cmd)
{
    return cmd == SIOCSIFFLAGS || cmd == SIOCSIFADDR || cmd == SIOCSIFNETMASK || cmd == SIOCSIFMTU;
}

/* Linux: net/core/dev_ioctl.c dev_ioctl() */
extern "C" int dev_ioctl(unsigned int cmd, void __user *arg)
{
    switch (cmd) {
    case SIOCGIFCONF:
        return dev_ifconf((ifconf __user *)arg);
    case SIOCGIFFLAGS: case SIOCSIFFLAGS: case SIOCGIFADDR: case SIOCSIFADDR:
    case SIOCGIFNETMASK: case SIOCSIFNETMASK: case SIOCGIFMTU: case SIOCSIFMTU: case SIOCGIFINDEX:
        break;
    default:
        return -ENOIOCTLCMD;
    }
    ifreq ifr;
    if (copy_from_user(&ifr, arg, sizeof(ifr)))
        return -EFAULT;
    ifr.ifr_name[IFNAMSIZ - 1] = '\0';
    net_device *dev = dev_get_by_name(ifr.ifr_name);
    if (!dev)
        return -ENODEV;
    int err = dev_ifsioc(dev, cmd, &ifr);
    if (err || dev_ioctl_sets(cmd))
        return err; /* a set returns nothing; a get copies the answer back */
    return copy_to_user(arg, &ifr, sizeof(ifr)) ? -EFAULT : 0;
}
