/* Open files and the per-process fd table (fs/file_table.c, fs/file.c, fs/open.c close/dup2).
 * A file is shared by every fd and every forked copy that refers to it (f_count); the last
 * fput() releases it through f_op->release. */
#include "kernel/fs.h"
#include "kernel/io.h"
#include "kernel/sched.h"
#include "kernel/slab.h"
#include "kernel/string.h"
#include "uapi/errno.h"

extern "C" file *alloc_file(const file_operations *fop, unsigned int flags, void *private_data)
{
    file *f = (file *)kzalloc(sizeof(file), GFP_KERNEL);
    if (!f)
        return nullptr;
    f->f_op = fop;
    f->f_flags = flags;
    f->f_count = 1;
    f->private_data = private_data;
    return f;
}

extern "C" void get_file(file *f) { f->f_count++; }

extern "C" void iput(inode *ino);

extern "C" void fput(file *f)
{
    if (--f->f_count > 0)
        return;
    if (f->f_op && f->f_op->release)
        f->f_op->release(f->f_inode, f);
    if (f->f_inode)
        iput(f->f_inode);
    kfree(f);
}

extern "C" files_struct *dup_files(files_struct *old)
{
    files_struct *nf = (files_struct *)kzalloc(sizeof(files_struct), GFP_KERNEL);
    if (!nf || !old)
        return nf;
    for (int i = 0; i < NR_OPEN; i++) {
        nf->fd[i] = old->fd[i];
        if (nf->fd[i])
            get_file(nf->fd[i]);
    }
    nf->close_on_exec = old->close_on_exec;
    return nf;
}

extern "C" void put_files(files_struct *files)
{
    if (!files)
        return;
    for (int i = 0; i < NR_OPEN; i++)
        if (files->fd[i])
            fput(files->fd[i]);
    kfree(files);
}

/* execve: close the fds marked close-on-exec (fs/file.c do_close_on_exec). */
extern "C" void do_close_on_exec(files_struct *files)
{
    for (int i = 0; i < NR_OPEN; i++) {
        if ((files->close_on_exec >> i) & 1) {
            if (files->fd[i])
                fput(files->fd[i]);
            files->fd[i] = nullptr;
        }
    }
    files->close_on_exec = 0;
}

static void set_cloexec(files_struct *files, int fd, bool on)
{
    if (on)
        files->close_on_exec |= 1ULL << fd;
    else
        files->close_on_exec &= ~(1ULL << fd);
}

/* Linux: fs/file.c __alloc_fd(): the lowest free slot. */
extern "C" int get_unused_fd_flags(unsigned int flags)
{
    files_struct *files = current->files;
    for (int fd = 0; fd < NR_OPEN; fd++) {
        if (!files->fd[fd] && !((files->reserved >> fd) & 1)) {
            files->reserved |= 1ULL << fd;
            set_cloexec(files, fd, flags & O_CLOEXEC);
            return fd;
        }
    }
    return -EMFILE;
}

extern "C" void put_unused_fd(int fd) { current->files->reserved &= ~(1ULL << fd); }

extern "C" void fd_install(int fd, file *f)
{
    files_struct *files = current->files;
    files->reserved &= ~(1ULL << fd);
    files->fd[fd] = f;
}

extern "C" file *fget(int fd)
{
    files_struct *files = current->files;
    if (fd < 0 || fd >= NR_OPEN || !files || !files->fd[fd])
        return nullptr;
    get_file(files->fd[fd]);
    return files->fd[fd];
}

/* Linux: fs/open.c close() -> __close_fd() */
extern "C" long sys_close(long fd)
{
    files_struct *files = current->files;
    if (fd < 0 || fd >= NR_OPEN || !files->fd[fd])
        return -EBADF;
    file *f = files->fd[fd];
    files->fd[fd] = nullptr;
    set_cloexec(files, (int)fd, false);
    fput(f);
    return 0;
}

/* Linux: fs/file.c dup2() */
extern "C" long sys_dup2(long oldfd, long newfd)
{
    files_struct *files = current->files;
    if (oldfd < 0 || oldfd >= NR_OPEN || !files->fd[oldfd])
        return -EBADF;
    if (newfd < 0 || newfd >= NR_OPEN)
        return -EBADF;
    if (oldfd == newfd)
        return newfd;
    if ((files->reserved >> newfd) & 1)
        return -EBUSY;
    file *f = files->fd[oldfd];
    get_file(f);
    if (files->fd[newfd])
        fput(files->fd[newfd]);
    files->fd[newfd] = f;
    set_cloexec(files, (int)newfd, false);
    return newfd;
}

/* Linux: fs/fcntl.c do_fcntl(), the commands programs use to switch O_NONBLOCK. */
extern "C" long sys_fcntl(long fd, long cmd, long arg)
{
    files_struct *files = current->files;
    if (fd < 0 || fd >= NR_OPEN || !files->fd[fd])
        return -EBADF;
    file *f = files->fd[fd];
    switch (cmd) {
    case F_DUPFD:
        for (long n = arg < 0 ? 0 : arg; n < NR_OPEN; n++)
            if (!files->fd[n] && !((files->reserved >> n) & 1))
                return sys_dup2(fd, n);
        return -EMFILE;
    case F_GETFD:
        return (files->close_on_exec >> fd) & 1 ? FD_CLOEXEC : 0;
    case F_SETFD:
        set_cloexec(files, (int)fd, arg & FD_CLOEXEC);
        return 0;
    case F_GETFL:
        return f->f_flags & ~O_CLOEXEC;
    case F_SETFL:
        f->f_flags = (f->f_flags & ~(unsigned)(O_NONBLOCK | O_APPEND)) | ((unsigned)arg & (O_NONBLOCK | O_APPEND));
        return 0;
    default:
        return -EINVAL;
    }
}
