/* File system calls (fs/read_write.c, fs/open.c, fs/stat.c, fs/readdir.c, fs/ioctl.c).
 * Each looks up the fd, checks the user pointers through the uaccess helpers, and calls the
 * file's operations: the console, ramfs files and sockets all come through here. */
#include "kernel/fs/ramfs.h"
#include "kernel/sched.h"
#include "kernel/slab.h"
#include "kernel/string.h"
#include "kernel/tty.h"
#include "kernel/uaccess.h"
#include "uapi/errno.h"

#define PATH_MAX 256
extern "C" long sys_dup2(long oldfd, long newfd);

/* RAII reference to an fd's file: `fd_ref f(fd); if (!f) return -EBADF;`. */
struct fd_ref {
    file *f;
    explicit fd_ref(long fd) : f(fget((int)fd)) {}
    ~fd_ref()
    {
        if (f)
            fput(f);
    }
    fd_ref(const fd_ref &) = delete;
    fd_ref &operator=(const fd_ref &) = delete;
    explicit operator bool() const { return f != nullptr; }
    file *operator->() const { return f; }
};

/* Linux: fs/read_write.c ksys_read() */
extern "C" long sys_read(long fd, long ubuf, long count)
{
    fd_ref f(fd);
    if (!f || (f->f_flags & O_ACCMODE) == O_WRONLY)
        return -EBADF;
    if (count < 0)
        return -EINVAL;
    if (!access_ok((void __user *)ubuf, (unsigned long)count))
        return -EFAULT;
    if (!f->f_op->read)
        return f->f_op->iterate ? -EISDIR : -EINVAL;
    return f->f_op->read(f.f, (char __user *)ubuf, (size_t)count, &f->f_pos);
}

/* Linux: fs/read_write.c ksys_write() */
extern "C" long sys_write(long fd, long ubuf, long count)
{
    fd_ref f(fd);
    if (!f || (f->f_flags & O_ACCMODE) == O_RDONLY)
        return -EBADF;
    if (count < 0)
        return -EINVAL;
    if (!access_ok((const void __user *)ubuf, (unsigned long)count))
        return -EFAULT;
    if (!f->f_op->write)
        return -EINVAL;
    return f->f_op->write(f.f, (const char __user *)ubuf, (size_t)count, &f->f_pos);
}

extern "C" long sys_lseek(long fd, long offset, long whence)
{
    fd_ref f(fd);
    if (!f)
        return -EBADF;
    if (!f->f_op->llseek)
        return -ESPIPE;
    if (whence < 0 || whence > 2)
        return -EINVAL;
    loff_t r = f->f_op->llseek(f.f, offset, (int)whence);
    return (long)r;
}

/* Opens an inode as a file (Linux: fs/open.c do_dentry_open()). */
static long open_inode(inode *ino, unsigned flags)
{
    if (S_ISSOCK(ino->i_mode))
        return -ENXIO;
    if (S_ISDIR(ino->i_mode) && (flags & O_ACCMODE) != O_RDONLY)
        return -EISDIR;
    if ((flags & O_DIRECTORY) && !S_ISDIR(ino->i_mode))
        return -ENOTDIR;
    int fd = get_unused_fd_flags(flags);
    if (fd < 0)
        return fd;
    file *f = alloc_file(ino->i_fop, flags, nullptr);
    if (!f) {
        put_unused_fd(fd);
        return -ENOMEM;
    }
    ino->i_count++;
    f->f_inode = ino;
    if ((flags & O_TRUNC) && S_ISREG(ino->i_mode) && (flags & O_ACCMODE) != O_RDONLY)
        ramfs_truncate(ino);
    fd_install(fd, f);
    return fd;
}

static long get_path(char *path, long upath)
{
    long n = strncpy_from_user(path, (const char __user *)upath, PATH_MAX);
    if (n < 0)
        return n;
    return n == 0 ? -ENOENT : 0;
}

/* Linux: fs/open.c do_sys_open() */
extern "C" long sys_open(long upath, long flags, long mode)
{
    char path[PATH_MAX];
    long err = get_path(path, upath);
    if (err)
        return err;
    inode *ino;
    err = vfs_lookup(path, &ino);
    if (err == -ENOENT && (flags & O_CREAT))
        err = ramfs_create(path, (umode_t)(S_IFREG | (mode & 0777)), &ino);
    else if (!err && (flags & O_CREAT) && (flags & O_EXCL))
        err = -EEXIST;
    if (err)
        return err;
    return open_inode(ino, (unsigned)flags);
}

/* The i386 `struct stat` of stat(106)/fstat(108) (arch/x86/include/uapi/asm/stat.h). */
struct stat32 {
    unsigned long st_dev, st_ino;
    unsigned short st_mode, st_nlink, st_uid, st_gid;
    unsigned long st_rdev, st_size, st_blksize, st_blocks;
    unsigned long st_atime, st_atime_nsec, st_mtime, st_mtime_nsec, st_ctime, st_ctime_nsec;
    unsigned long __unused4, __unused5;
};
static_assert(sizeof(stat32) == 64);

static long put_stat(inode *ino, long ubuf)
{
    stat32 st = {};
    st.st_dev = 1;
    st.st_ino = ino->i_ino;
    st.st_mode = ino->i_mode;
    st.st_nlink = (unsigned short)ino->i_nlink;
    st.st_size = (unsigned long)ino->i_size;
    st.st_blksize = 4096;
    st.st_blocks = (st.st_size + 511) / 512;
    if (S_ISCHR(ino->i_mode))
        st.st_rdev = (5 << 8) | 1; /* /dev/console is 5:1 */
    return copy_to_user((void __user *)ubuf, &st, sizeof(st)) ? -EFAULT : 0;
}

extern "C" long sys_newstat(long upath, long ubuf)
{
    char path[PATH_MAX];
    long err = get_path(path, upath);
    if (err)
        return err;
    inode *ino;
    err = vfs_lookup(path, &ino);
    return err ? err : put_stat(ino, ubuf);
}

extern "C" long sys_newfstat(long fd, long ubuf)
{
    fd_ref f(fd);
    if (!f)
        return -EBADF;
    if (f->f_inode)
        return put_stat(f->f_inode, ubuf);
    /* Sockets and other inode-less files. */
    inode tmp = {};
    tmp.i_mode = f->private_data ? S_IFSOCK | 0777 : S_IFCHR | 0600;
    tmp.i_nlink = 1;
    return put_stat(&tmp, ubuf);
}

extern "C" long sys_getdents(long fd, long ubuf, long count)
{
    fd_ref f(fd);
    if (!f)
        return -EBADF;
    if (!f->f_op->iterate)
        return -ENOTDIR;
    if (!access_ok((void __user *)ubuf, (unsigned long)count))
        return -EFAULT;
    return f->f_op->iterate(f.f, (char __user *)ubuf, (unsigned)count);
}

extern "C" long sys_ioctl(long fd, long cmd, long arg)
{
    fd_ref f(fd);
    if (!f)
        return -EBADF;
    if (cmd == 0x5421 /* FIONBIO */) {
        int on;
        if (get_user(on, (const int __user *)arg))
            return -EFAULT;
        f->f_flags = on ? f->f_flags | O_NONBLOCK : f->f_flags & ~O_NONBLOCK;
        return 0;
    }
    if (!f->f_op->unlocked_ioctl)
        return -ENOTTY;
    return f->f_op->unlocked_ioctl(f.f, (unsigned)cmd, (unsigned long)arg);
}

extern "C" long sys_unlink(long upath)
{
    char path[PATH_MAX];
    long err = get_path(path, upath);
    return err ? err : vfs_unlink(path);
}

extern "C" long sys_mkdir(long upath, long mode)
{
    char path[PATH_MAX];
    long err = get_path(path, upath);
    if (err)
        return err;
    inode *ino;
    return ramfs_create(path, (umode_t)(S_IFDIR | (mode & 0777)), &ino);
}

/* /dev/console and fds 0, 1, 2 of init (Linux: init/main.c console_on_rootfs()). */
extern "C" int open_console_fds(void)
{
    inode *dev;
    if (vfs_lookup("/dev", &dev) == -ENOENT)
        ramfs_create("/dev", S_IFDIR | 0755, &dev);
    inode *con;
    int err = vfs_lookup("/dev/console", &con);
    if (err == -ENOENT) {
        err = ramfs_create("/dev/console", S_IFCHR | 0600, &con);
        if (!err)
            con->i_fop = &tty_fops;
    }
    if (err)
        return err;
    con->i_fop = &tty_fops;
    long fd = open_inode(con, O_RDWR);
    if (fd < 0)
        return (int)fd;
    sys_dup2(fd, 1);
    sys_dup2(fd, 2);
    return 0;
}
