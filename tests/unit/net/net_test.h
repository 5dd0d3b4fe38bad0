/* Shared helpers of the network unit tests: boot the stack once, open sockets through the
 * same __sys_* entry points user programs reach. */
#pragma once
#include "tests/unit/net/fakes.h"
#include "net/socketcall.h"
#include "net/netdevice.h"
#include "net/unix.h"
#include "net/stats.h"

extern "C" {
void sock_init(void);
void inet_init(void);
int net_fake_close(int fd);
file *net_fake_file(int fd);
int dev_change_flags(net_device *dev, unsigned int flags);
}

inline void net_test_init()
{
    static bool done;
    if (!done) {
        net_dev_init();
        sock_init();
        inet_init();
        af_unix_init();
        dev_change_flags(&loopback_dev, IFF_UP); /* what the shell does at start */
        done = true;
    }
    net_fake_settle();
}

inline sockaddr_in lo_addr(u16 port)
{
    sockaddr_in a = {};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return a;
}
