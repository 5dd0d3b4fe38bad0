/* The socket system calls (net/socket.c): socketcall's dispatch, the direct syscalls, socket
 * creation and the socket-as-a-file glue. Each __sys_* looks up the fd, copies arguments in
 * and calls through sock->ops; the protocols never touch user memory themselves.
 * Read next: net/af_inet.cpp and net/af_unix.cpp (the proto_ops tables). */
#include "net/socketcall.h"
#include "net/sock.h"
#include "net/netdevice.h"
#include "kernel/printk.h"
#include "kernel/slab.h"
#include "kernel/string.h"
#include "kernel/uaccess.h"
#include "uapi/errno.h"

#define NPROTO AF_MAX
#define UIO_MAXIOV 1024
#define SOCKOPT_MAX 64

static constinit const net_proto_family *net_families[NPROTO] = {};

extern "C" ssize_t sock_read(file *f, char __user *buf, size_t count, loff_t *pos);
extern "C" ssize_t sock_write(file *f, const char __user *buf, size_t count, loff_t *pos);
extern "C" unsigned int sock_poll(file *f, poll_table *pt);
extern "C" int sock_close(inode *ino, file *f);
extern "C" long sock_ioctl(file *f, unsigned int cmd, unsigned long arg);

/* Linux: net/socket.c socket_file_ops */
static constinit const file_operations socket_file_ops = {
    .read = sock_read,
    .write = sock_write,
    .llseek = nullptr,
    .poll = sock_poll,
    .unlocked_ioctl = sock_ioctl,
    .release = sock_close,
    .iterate = nullptr,
};

#define SIOCINQ 0x541B /* FIONREAD */

/* Linux: net/socket.c sock_ioctl() -> sock_do_ioctl(). FIONREAD tells how many bytes a read
 * would get now (a stream's whole receive queue, a datagram socket's next datagram); the
 * interface ioctls (SIOCGIFFLAGS, SIOCSIFADDR...) work on a socket of any family, as on
 * Linux, and go to dev_ioctl(). */
extern "C" long sock_ioctl(file *f, unsigned int cmd, unsigned long arg)
{
    socket *sock = (socket *)f->private_data;
    if (cmd != SIOCINQ) {
        int err = dev_ioctl(cmd, (void __user *)arg);
        return err == -ENOIOCTLCMD ? -ENOTTY : err;
    }
    int n = 0;
    if (sock->sk) {
        sk_buff_head *q = &sock->sk->sk_receive_queue;
        if (sock->type == SOCK_STREAM)
            n = (int)q->bytes;
        else if (q->qlen)
            n = (int)q->next->len;
    }
    return put_user(n, (int __user *)arg);
}

/* Linux: net/socket.c sock_register() */
extern "C" int sock_register(const net_proto_family *ops)
{
    if (ops->family < 0 || ops->family >= NPROTO)
        return -ENOBUFS;
    if (net_families[ops->family])
        return -EEXIST;
    net_families[ops->family] = ops;
    pr_info("NET: Registered protocol family %d\n", ops->family);
    return 0;
}

/* Linux: net/socket.c sock_init() */
extern "C" void sock_init(void)
{
    pr_info("NET: socket layer ready (socketcall and direct socket syscalls)\n");
}

/* Linux: net/socket.c sock_alloc() */
extern "C" socket *sock_alloc(void)
{
    socket *sock = (socket *)kzalloc(sizeof(socket), GFP_KERNEL);
    if (sock)
        sock->state = SS_UNCONNECTED;
    return sock;
}

/* Linux: net/socket.c sock_release() */
extern "C" void sock_release(socket *sock)
{
    if (sock->ops) {
        sock->ops->release(sock);
        sock->ops = nullptr;
    }
    kfree(sock);
}

/* Linux: net/socket.c __sock_create() */
extern "C" int __sock_create(net *net, int family, int type, int protocol, socket **res, int kern)
{
    if (family < 0 || family >= NPROTO)
        return -EAFNOSUPPORT;
    if (type < 0 || type >= SOCK_MAX)
        return -EINVAL;
    const net_proto_family *pf = net_families[family];
    if (!pf)
        return -EAFNOSUPPORT;
    socket *sock = sock_alloc();
    if (!sock)
        return -ENFILE;
    sock->type = (short)type;
    int err = pf->create(net, sock, protocol, kern);
    if (err < 0)
        goto out_release;
    *res = sock;
    return 0;
out_release:
    sock->ops = nullptr; /* create failed: nothing for release to undo */
    sock_release(sock);
    return err;
}

/* Linux: net/socket.c sock_create() */
extern "C" int sock_create(int family, int type, int protocol, socket **res)
{
    return __sock_create(&init_net, family, type, protocol, res, 0);
}

/* Linux: net/socket.c sock_alloc_file() */
extern "C" file *sock_alloc_file(socket *sock, int flags)
{
    file *f = alloc_file(&socket_file_ops, O_RDWR | (flags & O_NONBLOCK), sock);
    if (!f)
        return (file *)ERR_PTR(-ENFILE);
    sock->file = f;
    return f;
}

/* Linux: net/socket.c sock_map_fd() */
extern "C" int sock_map_fd(socket *sock, int flags)
{
    int fd = get_unused_fd_flags(flags);
    if (unlikely(fd < 0)) {
        sock_release(sock);
        return fd;
    }
    file *newfile = sock_alloc_file(sock, flags);
    if (IS_ERR(newfile)) {
        put_unused_fd(fd);
        sock_release(sock);
        return (int)PTR_ERR(newfile);
    }
    fd_install(fd, newfile);
    return fd;
}

/* Linux: net/socket.c sockfd_lookup() (returns the socket with a file reference held) */
extern "C" socket *sockfd_lookup(int fd, int *err)
{
    file *f = fget(fd);
    if (!f) {
        *err = -EBADF;
        return nullptr;
    }
    if (f->f_op != &socket_file_ops) {
        fput(f);
        *err = -ENOTSOCK;
        return nullptr;
    }
    return (socket *)f->private_data;
}
static inline void sockfd_put(socket *sock) { fput(sock->file); }

/* Linux: net/socket.c move_addr_to_kernel() */
static int move_addr_to_kernel(const void __user *uaddr, int ulen, void *kaddr)
{
    if (ulen < 0 || ulen > SOCKADDR_STORAGE_SIZE)
        return -EINVAL;
    if (ulen == 0)
        return 0;
    if (copy_from_user(kaddr, uaddr, (unsigned long)ulen))
        return -EFAULT;
    return 0;
}

/* Linux: net/socket.c move_addr_to_user() */
extern "C" int move_addr_to_user(const void *kaddr, int klen, void __user *uaddr, int __user *ulen)
{
    int len;
    if (get_user(len, ulen))
        return -EFAULT;
    if (len < 0)
        return -EINVAL;
    if (len > klen)
        len = klen;
    if (len && copy_to_user(uaddr, kaddr, (unsigned long)len))
        return -EFAULT;
    return put_user(klen, ulen);
}

/* Linux: net/socket.c sock_sendmsg() */
static int sock_sendmsg(socket *sock, kmsghdr *m)
{
    return sock->ops->sendmsg(sock, m, m->msg_iter.count);
}

/* Linux: net/socket.c sock_recvmsg() */
static int sock_recvmsg(socket *sock, kmsghdr *m, int flags)
{
    return sock->ops->recvmsg(sock, m, m->msg_iter.count, flags);
}

extern "C" ssize_t sock_read(file *f, char __user *buf, size_t count, loff_t *)
{
    socket *sock = (socket *)f->private_data;
    iovec iov = {buf, count};
    kmsghdr m = {};
    iov_iter_init(&m.msg_iter, &iov, 1, count);
    int flags = (f->f_flags & O_NONBLOCK) ? MSG_DONTWAIT : 0;
    return sock_recvmsg(sock, &m, flags);
}

extern "C" ssize_t sock_write(file *f, const char __user *buf, size_t count, loff_t *)
{
    socket *sock = (socket *)f->private_data;
    iovec iov = {(void __user *)buf, count};
    kmsghdr m = {};
    iov_iter_init(&m.msg_iter, &iov, 1, count);
    m.msg_flags = (f->f_flags & O_NONBLOCK) ? MSG_DONTWAIT : 0;
    return sock_sendmsg(sock, &m);
}

extern "C" unsigned int sock_poll(file *f, poll_table *pt)
{
    socket *sock = (socket *)f->private_data;
    return sock->ops->poll(f, sock, pt);
}

/* Linux: net/socket.c sock_close(): the last close of the last fd */
extern "C" int sock_close(inode *, file *f)
{
    socket *sock = (socket *)f->private_data;
    if (sock) {
        sock->file = nullptr;
        sock_release(sock);
    }
    return 0;
}

static int check_sock_flags(int flags)
{
    return (flags & ~(SOCK_CLOEXEC | SOCK_NONBLOCK)) ? -EINVAL : 0;
}

/* Linux: net/socket.c __sys_socket() */
extern "C" int __sys_socket(int family, int type, int protocol)
{
    int flags = type & ~SOCK_TYPE_MASK;
    if (check_sock_flags(flags))
        return -EINVAL;
    type &= SOCK_TYPE_MASK;
    socket *sock;
    int retval = sock_create(family, type, protocol, &sock);
    if (retval < 0)
        return retval;
    return sock_map_fd(sock, flags & (O_CLOEXEC | O_NONBLOCK));
}

/* Linux: net/socket.c __sys_socketpair() */
extern "C" int __sys_socketpair(int family, int type, int protocol, int __user *usockvec)
{
    int flags = type & ~SOCK_TYPE_MASK;
    if (check_sock_flags(flags))
        return -EINVAL;
    type &= SOCK_TYPE_MASK;
    socket *sock1, *sock2;
    int fd1, fd2, err;
    file *f1, *f2;
    if (!access_ok(usockvec, 2 * sizeof(int)))
        return -EFAULT;
    err = sock_create(family, type, protocol, &sock1);
    if (err < 0)
        return err;
    err = sock_create(family, type, protocol, &sock2);
    if (err < 0)
        goto out_release_1;
    if (!sock1->ops->socketpair) {
        err = -EOPNOTSUPP;
        goto out_release_both;
    }
    err = sock1->ops->socketpair(sock1, sock2);
    if (err < 0)
        goto out_release_both;
    fd1 = get_unused_fd_flags(flags & O_CLOEXEC);
    if (fd1 < 0) {
        err = fd1;
        goto out_release_both;
    }
    fd2 = get_unused_fd_flags(flags & O_CLOEXEC);
    if (fd2 < 0) {
        err = fd2;
        put_unused_fd(fd1);
        goto out_release_both;
    }
    f1 = sock_alloc_file(sock1, flags);
    f2 = IS_ERR(f1) ? f1 : sock_alloc_file(sock2, flags);
    if (IS_ERR(f2)) {
        if (!IS_ERR(f1)) {
            sock1->file = nullptr;
            f1->private_data = nullptr;
            fput(f1);
        }
        put_unused_fd(fd1);
        put_unused_fd(fd2);
        err = (int)PTR_ERR(f2);
        goto out_release_both;
    }
    {
        int fds[2] = {fd1, fd2};
        if (copy_to_user(usockvec, fds, sizeof(fds))) {
            put_unused_fd(fd1);
            put_unused_fd(fd2);
            fput(f1); /* releases the sockets through sock_close */
            fput(f2);
            return -EFAULT;
        }
    }
    fd_install(fd1, f1);
    fd_install(fd2, f2);
    return 0;
out_release_both:
    sock_release(sock2);
out_release_1:
    sock_release(sock1);
    return err;
}

/* Linux: net/socket.c __sys_bind() */
extern "C" int __sys_bind(int fd, sockaddr __user *umyaddr, int addrlen)
{
    int err = 0;
    socket *sock = sockfd_lookup(fd, &err);
    if (!sock)
        return err;
    alignas(8) u8 address[SOCKADDR_STORAGE_SIZE];
    err = move_addr_to_kernel(umyaddr, addrlen, address);
    if (!err)
        err = sock->ops->bind(sock, (sockaddr *)address, addrlen);
    sockfd_put(sock);
    return err;
}

/* Linux: net/socket.c __sys_listen() */
extern "C" int __sys_listen(int fd, int backlog)
{
    int err = 0;
    socket *sock = sockfd_lookup(fd, &err);
    if (!sock)
        return err;
    if ((unsigned int)backlog > SOMAXCONN)
        backlog = SOMAXCONN;
    err = sock->ops->listen(sock, backlog);
    sockfd_put(sock);
    return err;
}

/* Linux: net/socket.c __sys_accept4() */
extern "C" int __sys_accept4(int fd, sockaddr __user *upeer_sockaddr, int __user *upeer_addrlen, int flags)
{
    int err = 0, newfd;
    socket *newsock;
    file *newfile;
    if (check_sock_flags(flags))
        return -EINVAL;
    socket *sock = sockfd_lookup(fd, &err);
    if (!sock)
        return err;
    newsock = sock_alloc();
    if (!newsock) {
        err = -ENFILE;
        goto out_put;
    }
    newsock->type = sock->type;
    newsock->ops = sock->ops;
    newfd = get_unused_fd_flags(flags & O_CLOEXEC);
    if (newfd < 0) {
        err = newfd;
        newsock->ops = nullptr;
        sock_release(newsock);
        goto out_put;
    }
    newfile = sock_alloc_file(newsock, flags);
    if (IS_ERR(newfile)) {
        err = (int)PTR_ERR(newfile);
        put_unused_fd(newfd);
        newsock->ops = nullptr;
        sock_release(newsock);
        goto out_put;
    }
    err = sock->ops->accept(sock, newsock, (int)sock->file->f_flags);
    if (err < 0)
        goto out_fd;
    if (upeer_sockaddr) {
        alignas(8) u8 address[SOCKADDR_STORAGE_SIZE];
        int len = newsock->ops->getname(newsock, (sockaddr *)address, 2);
        if (len < 0) {
            err = -ECONNABORTED;
            goto out_fd;
        }
        err = move_addr_to_user(address, len, upeer_sockaddr, upeer_addrlen);
        if (err < 0)
            goto out_fd;
    }
    fd_install(newfd, newfile);
    err = newfd;
out_put:
    sockfd_put(sock);
    return err;
out_fd:
    if (!newsock->sk)
        newsock->ops = nullptr; /* accept failed before attaching a sock */
    fput(newfile);
    put_unused_fd(newfd);
    goto out_put;
}

/* Linux: net/socket.c __sys_connect() */
extern "C" int __sys_connect(int fd, sockaddr __user *uservaddr, int addrlen)
{
    int err = 0;
    socket *sock = sockfd_lookup(fd, &err);
    if (!sock)
        return err;
    alignas(8) u8 address[SOCKADDR_STORAGE_SIZE];
    err = move_addr_to_kernel(uservaddr, addrlen, address);
    if (!err)
        err = sock->ops->connect(sock, (sockaddr *)address, addrlen, (int)sock->file->f_flags);
    sockfd_put(sock);
    return err;
}

static int getname_common(int fd, sockaddr __user *usockaddr, int __user *usockaddr_len, int peer)
{
    int err = 0;
    socket *sock = sockfd_lookup(fd, &err);
    if (!sock)
        return err;
    alignas(8) u8 address[SOCKADDR_STORAGE_SIZE];
    err = sock->ops->getname(sock, (sockaddr *)address, peer);
    if (err >= 0)
        err = move_addr_to_user(address, err, usockaddr, usockaddr_len);
    sockfd_put(sock);
    return err;
}

/* Linux: net/socket.c __sys_getsockname() */
extern "C" int __sys_getsockname(int fd, sockaddr __user *usockaddr, int __user *usockaddr_len)
{
    return getname_common(fd, usockaddr, usockaddr_len, 0);
}

/* Linux: net/socket.c __sys_getpeername() */
extern "C" int __sys_getpeername(int fd, sockaddr __user *usockaddr, int __user *usockaddr_len)
{
    return getname_common(fd, usockaddr, usockaddr_len, 1);
}

/* Linux: net/socket.c __sys_sendto() */
extern "C" int __sys_sendto(int fd, void __user *buff, size_t len, unsigned int flags, sockaddr __user *addr,
                            int addr_len)
{
    int err = 0;
    if ((ssize_t)len < 0)
        return -EINVAL;
    socket *sock = sockfd_lookup(fd, &err);
    if (!sock)
        return err;
    alignas(8) u8 address[SOCKADDR_STORAGE_SIZE];
    iovec iov = {buff, len};
    kmsghdr m = {};
    iov_iter_init(&m.msg_iter, &iov, 1, len);
    if (addr) {
        err = move_addr_to_kernel(addr, addr_len, address);
        if (err < 0)
            goto out_put;
        m.msg_name = address;
        m.msg_namelen = addr_len;
    }
    if (sock->file->f_flags & O_NONBLOCK)
        flags |= MSG_DONTWAIT;
    m.msg_flags = flags;
    err = sock_sendmsg(sock, &m);
out_put:
    sockfd_put(sock);
    return err;
}

/* Linux: net/socket.c __sys_recvfrom() */
extern "C" int __sys_recvfrom(int fd, void __user *ubuf, size_t size, unsigned int flags, sockaddr __user *addr,
                              int __user *addr_len)
{
    int err = 0;
    if ((ssize_t)size < 0)
        return -EINVAL;
    socket *sock = sockfd_lookup(fd, &err);
    if (!sock)
        return err;
    alignas(8) u8 address[SOCKADDR_STORAGE_SIZE];
    iovec iov = {ubuf, size};
    kmsghdr m = {};
    iov_iter_init(&m.msg_iter, &iov, 1, size);
    m.msg_name = addr ? address : nullptr;
    m.msg_namelen = 0;
    if (sock->file->f_flags & O_NONBLOCK)
        flags |= MSG_DONTWAIT;
    err = sock_recvmsg(sock, &m, (int)flags);
    if (err >= 0 && addr && m.msg_namelen) {
        int err2 = move_addr_to_user(address, m.msg_namelen, addr, addr_len);
        if (err2 < 0)
            err = err2;
    }
    sockfd_put(sock);
    return err;
}

/* Linux: net/socket.c __sys_setsockopt() */
extern "C" int __sys_setsockopt(int fd, int level, int optname, char __user *optval, int optlen)
{
    int err = 0;
    if (optlen < 0)
        return -EINVAL;
    socket *sock = sockfd_lookup(fd, &err);
    if (!sock)
        return err;
    alignas(8) u8 kopt[SOCKOPT_MAX];
    unsigned int n = min((unsigned int)optlen, (unsigned int)SOCKOPT_MAX);
    if (n && copy_from_user(kopt, optval, n))
        err = -EFAULT;
    else if (level == SOL_SOCKET)
        err = sock_setsockopt(sock, level, optname, kopt, n);
    else if (sock->ops->setsockopt)
        err = sock->ops->setsockopt(sock, level, optname, kopt, n);
    else
        err = -ENOPROTOOPT;
    sockfd_put(sock);
    return err;
}

/* Linux: net/socket.c __sys_getsockopt() */
extern "C" int __sys_getsockopt(int fd, int level, int optname, char __user *optval, int __user *optlen)
{
    int err = 0, len;
    socket *sock = sockfd_lookup(fd, &err);
    if (!sock)
        return err;
    alignas(8) u8 kopt[SOCKOPT_MAX];
    if (get_user(len, optlen)) {
        err = -EFAULT;
        goto out_put;
    }
    if (len < 0) {
        err = -EINVAL;
        goto out_put;
    }
    len = min(len, SOCKOPT_MAX);
    if (level == SOL_SOCKET)
        err = sock_getsockopt(sock, level, optname, kopt, &len);
    else if (sock->ops->getsockopt)
        err = sock->ops->getsockopt(sock, level, optname, kopt, &len);
    else
        err = -ENOPROTOOPT;
    if (!err && (copy_to_user(optval, kopt, (unsigned long)len) || put_user(len, optlen)))
        err = -EFAULT;
out_put:
    sockfd_put(sock);
    return err;
}

/* Linux: net/socket.c __sys_shutdown() */
extern "C" int __sys_shutdown(int fd, int how)
{
    int err = 0;
    socket *sock = sockfd_lookup(fd, &err);
    if (!sock)
        return err;
    err = (how < SHUT_RD || how > SHUT_RDWR) ? -EINVAL : sock->ops->shutdown(sock, how);
    sockfd_put(sock);
    return err;
}

/* A user msghdr and its iovec array, copied in (net/socket.c copy_msghdr_from_user()). */
struct msg_copy {
    msghdr umsg;
    iovec fast_iov[8];
    iovec *iov;
    alignas(8) u8 address[SOCKADDR_STORAGE_SIZE];
};

extern "C" int copy_msghdr_from_user(msg_copy *c, kmsghdr *m, msghdr __user *umsg, bool recv)
{
    if (copy_from_user(&c->umsg, umsg, sizeof(msghdr)))
        return -EFAULT;
    if (c->umsg.msg_iovlen > UIO_MAXIOV)
        return -EMSGSIZE;
    c->iov = c->fast_iov;
    if (c->umsg.msg_iovlen > ARRAY_SIZE(c->fast_iov)) {
        c->iov = (iovec *)kmalloc(c->umsg.msg_iovlen * sizeof(iovec), GFP_KERNEL);
        if (!c->iov)
            return -ENOMEM;
    }
    if (c->umsg.msg_iovlen && copy_from_user(c->iov, c->umsg.msg_iov, c->umsg.msg_iovlen * sizeof(iovec)))
        return -EFAULT;
    size_t total = 0;
    for (size_t i = 0; i < c->umsg.msg_iovlen; i++) {
        if ((ssize_t)c->iov[i].iov_len < 0 || total + c->iov[i].iov_len < total)
            return -EINVAL;
        total += c->iov[i].iov_len;
    }
    if ((ssize_t)total < 0)
        return -EINVAL;
    *m = {};
    iov_iter_init(&m->msg_iter, c->iov, c->umsg.msg_iovlen, total);
    if (c->umsg.msg_name) {
        if (recv) {
            m->msg_name = c->address;
        } else {
            int err = move_addr_to_kernel(c->umsg.msg_name, (int)c->umsg.msg_namelen, c->address);
            if (err)
                return err;
            m->msg_name = c->address;
            m->msg_namelen = (int)c->umsg.msg_namelen;
        }
    }
    return 0;
}

static void free_msg_copy(msg_copy *c)
{
    if (c->iov != c->fast_iov)
        kfree(c->iov);
}

/* Linux: net/socket.c __sys_sendmsg() (control messages are ignored) */
extern "C" long __sys_sendmsg(int fd, msghdr __user *msg, unsigned int flags)
{
    int err = 0;
    socket *sock = sockfd_lookup(fd, &err);
    if (!sock)
        return err;
    msg_copy *c = (msg_copy *)kmalloc(sizeof(msg_copy), GFP_KERNEL);
    kmsghdr m;
    if (!c) {
        err = -ENOMEM;
        goto out_put;
    }
    c->iov = c->fast_iov;
    err = copy_msghdr_from_user(c, &m, msg, false);
    if (!err) {
        if (sock->file->f_flags & O_NONBLOCK)
            flags |= MSG_DONTWAIT;
        m.msg_flags = flags;
        err = sock_sendmsg(sock, &m);
    }
    free_msg_copy(c);
    kfree(c);
out_put:
    sockfd_put(sock);
    return err;
}

/* Linux: net/socket.c __sys_recvmsg() */
extern "C" long __sys_recvmsg(int fd, msghdr __user *msg, unsigned int flags)
{
    int err = 0;
    socket *sock = sockfd_lookup(fd, &err);
    if (!sock)
        return err;
    msg_copy *c = (msg_copy *)kmalloc(sizeof(msg_copy), GFP_KERNEL);
    kmsghdr m;
    if (!c) {
        err = -ENOMEM;
        goto out_put;
    }
    c->iov = c->fast_iov;
    err = copy_msghdr_from_user(c, &m, msg, true);
    if (!err) {
        if (sock->file->f_flags & O_NONBLOCK)
            flags |= MSG_DONTWAIT;
        err = sock_recvmsg(sock, &m, (int)flags);
    }
    if (err >= 0) {
        msghdr *u = &c->umsg;
        socklen_t namelen = 0;
        if (u->msg_name && m.msg_namelen) {
            namelen = min((socklen_t)m.msg_namelen, u->msg_namelen);
            if (copy_to_user(u->msg_name, c->address, namelen))
                err = -EFAULT;
            namelen = (socklen_t)m.msg_namelen;
        }
        size_t zero = 0;
        if (err >= 0 &&
            (put_user(namelen, &msg->msg_namelen) || put_user(m.msg_flags, &msg->msg_flags) ||
             put_user(zero, &msg->msg_controllen)))
            err = -EFAULT;
    }
    free_msg_copy(c);
    kfree(c);
out_put:
    sockfd_put(sock);
    return err;
}

/* Linux: net/socket.c sys_socketcall() */
extern "C" long sys_socketcall(int call, unsigned long __user *args)
{
    unsigned long a[6];
    if (call < 1 || call > SYS_SENDMMSG)
        return -EINVAL;
    unsigned int len = socketcall_nargs[call];
    if (len > sizeof(a))
        return -EINVAL;
    if (copy_from_user(a, args, len))
        return -EFAULT;
    unsigned long a0 = a[0], a1 = a[1];
    switch (call) {
    case SYS_SOCKET:
        return __sys_socket((int)a0, (int)a1, (int)a[2]);
    case SYS_BIND:
        return __sys_bind((int)a0, (sockaddr __user *)a1, (int)a[2]);
    case SYS_CONNECT:
        return __sys_connect((int)a0, (sockaddr __user *)a1, (int)a[2]);
    case SYS_LISTEN:
        return __sys_listen((int)a0, (int)a1);
    case SYS_ACCEPT:
        return __sys_accept4((int)a0, (sockaddr __user *)a1, (int __user *)a[2], 0);
    case SYS_GETSOCKNAME:
        return __sys_getsockname((int)a0, (sockaddr __user *)a1, (int __user *)a[2]);
    case SYS_GETPEERNAME:
        return __sys_getpeername((int)a0, (sockaddr __user *)a1, (int __user *)a[2]);
    case SYS_SOCKETPAIR:
        return __sys_socketpair((int)a0, (int)a1, (int)a[2], (int __user *)a[3]);
    case SYS_SEND:
        return __sys_sendto((int)a0, (void __user *)a1, a[2], (unsigned)a[3], nullptr, 0);
    case SYS_SENDTO:
        return __sys_sendto((int)a0, (void __user *)a1, a[2], (unsigned)a[3], (sockaddr __user *)a[4], (int)a[5]);
    case SYS_RECV:
        return __sys_recvfrom((int)a0, (void __user *)a1, a[2], (unsigned)a[3], nullptr, nullptr);
    case SYS_RECVFROM:
        return __sys_recvfrom((int)a0, (void __user *)a1, a[2], (unsigned)a[3], (sockaddr __user *)a[4],
                              (int __user *)a[5]);
    case SYS_SHUTDOWN:
        return __sys_shutdown((int)a0, (int)a1);
    case SYS_SETSOCKOPT:
        return __sys_setsockopt((int)a0, (int)a1, (int)a[2], (char __user *)a[3], (int)a[4]);
    case SYS_GETSOCKOPT:
        return __sys_getsockopt((int)a0, (int)a1, (int)a[2], (char __user *)a[3], (int __user *)a[4]);
    case SYS_SENDMSG:
        return __sys_sendmsg((int)a0, (msghdr __user *)a1, (unsigned)a[2]);
    case SYS_RECVMSG:
        return __sys_recvmsg((int)a0, (msghdr __user *)a1, (unsigned)a[2]);
    case SYS_ACCEPT4:
        return __sys_accept4((int)a0, (sockaddr __user *)a1, (int __user *)a[2], (int)a[3]);
    case SYS_RECVMMSG:
    case SYS_SENDMMSG:
        return -ENOSYS;
    }
    return -EINVAL;
}

/* The direct socket system calls (359-373): register arguments as plain longs. */
extern "C" long sys_socket(long family, long type, long protocol) { return __sys_socket((int)family, (int)type, (int)protocol); }
extern "C" long sys_socketpair(long family, long type, long protocol, long usockvec)
{
    return __sys_socketpair((int)family, (int)type, (int)protocol, (int __user *)usockvec);
}
extern "C" long sys_bind(long fd, long addr, long len) { return __sys_bind((int)fd, (sockaddr __user *)addr, (int)len); }
extern "C" long sys_connect(long fd, long addr, long len) { return __sys_connect((int)fd, (sockaddr __user *)addr, (int)len); }
extern "C" long sys_listen(long fd, long backlog) { return __sys_listen((int)fd, (int)backlog); }
extern "C" long sys_accept4(long fd, long addr, long lenp, long flags)
{
    return __sys_accept4((int)fd, (sockaddr __user *)addr, (int __user *)lenp, (int)flags);
}
extern "C" long sys_getsockopt(long fd, long level, long name, long val, long lenp)
{
    return __sys_getsockopt((int)fd, (int)level, (int)name, (char __user *)val, (int __user *)lenp);
}
extern "C" long sys_setsockopt(long fd, long level, long name, long val, long len)
{
    return __sys_setsockopt((int)fd, (int)level, (int)name, (char __user *)val, (int)len);
}
extern "C" long sys_getsockname(long fd, long addr, long lenp)
{
    return __sys_getsockname((int)fd, (sockaddr __user *)addr, (int __user *)lenp);
}
extern "C" long sys_getpeername(long fd, long addr, long lenp)
{
    return __sys_getpeername((int)fd, (sockaddr __user *)addr, (int __user *)lenp);
}
extern "C" long sys_sendto(long fd, long buf, long len, long flags, long addr, long alen)
{
    return __sys_sendto((int)fd, (void __user *)buf, (size_t)len, (unsigned)flags, (sockaddr __user *)addr, (int)alen);
}
extern "C" long sys_sendmsg(long fd, long msg, long flags) { return __sys_sendmsg((int)fd, (msghdr __user *)msg, (unsigned)flags); }
extern "C" long sys_recvfrom(long fd, long buf, long len, long flags, long addr, long alenp)
{
    return __sys_recvfrom((int)fd, (void __user *)buf, (size_t)len, (unsigned)flags, (sockaddr __user *)addr,
                          (int __user *)alenp);
}
extern "C" long sys_recvmsg(long fd, long msg, long flags) { return __sys_recvmsg((int)fd, (msghdr __user *)msg, (unsigned)flags); }
extern "C" long sys_shutdown(long fd, long how) { return __sys_shutdown((int)fd, (int)how); }
