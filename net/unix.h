/* AF_UNIX sockets (include/net/af_unix.h). A stream connection is a pair of socks, each the
 * other's peer; a writer puts skbs straight on its peer's receive queue. */
#pragma once
#include "net/sock.h"

struct unix_sock {
    struct sock sk;
    sockaddr_un addr;     /* bound name (addr_len 0: unbound) */
    int addr_len;
    inode *path_inode;    /* the ramfs node of a path name (holds a reference) */
    unix_sock *peer;      /* connected peer (holds a reference) */
    list_head accept_queue; /* listener: connected socks waiting for accept() */
    list_head accept_node;
    list_head abstract_node; /* bound to an abstract name */
};
static inline unix_sock *unix_sk(const sock *sk) { return (unix_sock *)sk; }

extern "C" {
void af_unix_init(void);
/* The bound name for /proc/net ("-" when unbound, "@name" for abstract names). */
void unix_sock_name(const sock *sk, char *buf, size_t len);
extern const proto_ops unix_stream_ops, unix_dgram_ops;
}
