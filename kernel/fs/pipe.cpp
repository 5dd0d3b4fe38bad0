/* Pipes (fs/pipe.c): pipe(2) and pipe2(2). A pipe is a 4 KiB ring shared by a read end and a
 * write end, two files with one pipe_inode_info behind them. Readers sleep while it is empty
 * and see end of file once every writer has gone; writers sleep while it is full. Writes of
 * up to PIPE_BUF bytes are atomic (never interleaved with another writer's).
 * MenuOS has no SIGPIPE: a write with no reader left gets -EPIPE only (docs/syscalls.md). */
#include "kernel/fs.h"
#include "kernel/sched.h"
#include "kernel/slab.h"
#include "kernel/uaccess.h"
#include "kernel/wait.h"
#include "uapi/errno.h"

#define PIPE_SIZE 4096
#define PIPE_BUF 4096

struct pipe_inode_info {
    char buf[PIPE_SIZE];
    size_t head;   /* next byte to read */
    size_t len;    /* bytes in the ring */
    int readers, writers;
    wait_queue_head wait; /* readers and writers both wait here */
};

static pipe_inode_info *pipe_of(file *f) { return (pipe_inode_info *)f->private_data; }

/* Linux: fs/pipe.c pipe_read() */
static ssize_t pipe_read(file *f, char __user *ubuf, size_t count, loff_t *)
{
    pipe_inode_info *p = pipe_of(f);
    if (count == 0)
        return 0;
    if (p->len == 0) {
        if (!p->writers)
            return 0;
        if (f->f_flags & O_NONBLOCK)
            return -EAGAIN;
        if (wait_event_interruptible(p->wait, p->len || !p->writers))
            return -EINTR;
        if (p->len == 0)
            return 0;
    }
    size_t n = count < p->len ? count : p->len;
    size_t done = 0;
    while (done < n) { /* at most two pieces: up to the end of the ring, then from its start */
        size_t chunk = n - done;
        if (chunk > PIPE_SIZE - p->head)
            chunk = PIPE_SIZE - p->head;
        if (copy_to_user(ubuf + done, p->buf + p->head, chunk))
            return done ? (ssize_t)done : -EFAULT;
        p->head = (p->head + chunk) % PIPE_SIZE;
        p->len -= chunk;
        done += chunk;
    }
    wake_up_interruptible(&p->wait);
    return (ssize_t)done;
}

/* Linux: fs/pipe.c pipe_write() */
static ssize_t pipe_write(file *f, const char __user *ubuf, size_t count, loff_t *)
{
    pipe_inode_info *p = pipe_of(f);
    size_t done = 0;
    while (done < count) {
        if (!p->readers)
            return done ? (ssize_t)done : -EPIPE;
        size_t left = count - done;
        /* room for all of a small write, or for any of a large one */
        size_t need = left <= PIPE_BUF ? left : 1;
        if (PIPE_SIZE - p->len < need) {
            if (f->f_flags & O_NONBLOCK)
                return done ? (ssize_t)done : -EAGAIN;
            if (wait_event_interruptible(p->wait, PIPE_SIZE - p->len >= need || !p->readers))
                return done ? (ssize_t)done : -EINTR;
            continue;
        }
        size_t tail = (p->head + p->len) % PIPE_SIZE;
        size_t chunk = PIPE_SIZE - p->len;
        if (chunk > left)
            chunk = left;
        if (chunk > PIPE_SIZE - tail)
            chunk = PIPE_SIZE - tail;
        if (copy_from_user(p->buf + tail, ubuf + done, chunk))
            return done ? (ssize_t)done : -EFAULT;
        p->len += chunk;
        done += chunk;
        wake_up_interruptible(&p->wait);
    }
    return (ssize_t)done;
}

static unsigned int pipe_poll(file *f, poll_table *pt)
{
    pipe_inode_info *p = pipe_of(f);
    poll_wait(f, &p->wait, pt);
    unsigned int mask = 0;
    if ((f->f_flags & O_ACCMODE) == O_RDONLY) {
        if (p->len)
            mask |= POLLIN | POLLRDNORM;
        if (!p->writers)
            mask |= POLLHUP;
    } else {
        if (p->len < PIPE_SIZE)
            mask |= POLLOUT | POLLWRNORM;
        if (!p->readers)
            mask |= POLLERR;
    }
    return mask;
}

/* Linux: fs/pipe.c pipe_release(): the last close of one end. */
static int pipe_release(inode *, file *f)
{
    pipe_inode_info *p = pipe_of(f);
    if ((f->f_flags & O_ACCMODE) == O_RDONLY)
        p->readers--;
    else
        p->writers--;
    if (!p->readers && !p->writers)
        kfree(p);
    else
        wake_up_interruptible(&p->wait);
    return 0;
}

static constinit const file_operations pipefifo_fops = {
    .read = pipe_read,
    .write = pipe_write,
    .llseek = nullptr,
    .poll = pipe_poll,
    .unlocked_ioctl = nullptr,
    .release = pipe_release,
    .iterate = nullptr,
};

/* Linux: fs/pipe.c do_pipe2() */
extern "C" long sys_pipe2(long ufds, long flags)
{
    if (flags & ~(long)(O_CLOEXEC | O_NONBLOCK))
        return -EINVAL;
    if (!access_ok((void __user *)ufds, 2 * sizeof(int)))
        return -EFAULT;
    pipe_inode_info *p = (pipe_inode_info *)kzalloc(sizeof(*p), GFP_KERNEL);
    if (!p)
        return -ENOMEM;
    init_waitqueue_head(&p->wait);
    unsigned int nb = (unsigned int)flags & O_NONBLOCK;
    /* Each end counts once it exists, so dropping what exists on failure frees the pipe. */
    file *r = alloc_file(&pipefifo_fops, O_RDONLY | nb, p);
    if (!r) {
        kfree(p);
        return -ENOMEM;
    }
    p->readers = 1;
    file *w = alloc_file(&pipefifo_fops, O_WRONLY | nb, p);
    if (!w) {
        fput(r);
        return -ENOMEM;
    }
    p->writers = 1;
    int fds[2];
    fds[0] = get_unused_fd_flags((unsigned int)flags);
    fds[1] = fds[0] >= 0 ? get_unused_fd_flags((unsigned int)flags) : -1;
    long err = fds[0] < 0 ? fds[0] : fds[1] < 0 ? fds[1] : 0;
    if (!err && copy_to_user((void __user *)ufds, fds, sizeof(fds)))
        err = -EFAULT;
    if (!err) {
        fd_install(fds[0], r);
        fd_install(fds[1], w);
        return 0;
    }
    for (int fd : fds)
        if (fd >= 0)
            put_unused_fd(fd);
    fput(r);
    fput(w);
    return err;
}

/* Linux: fs/pipe.c sys_pipe() */
extern "C" long sys_pipe(long ufds) { return sys_pipe2(ufds, 0); }
