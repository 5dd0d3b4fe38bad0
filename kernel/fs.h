/* Files, inodes and file descriptors (include/linux/fs.h, fdtable.h, file.h).
 *
 * A `file` is an open object with a `file_operations` table; an fd is an index into the
 * current task's table of file pointers. Sockets, the console and ramfs files are all files. */
#pragma once
#include "kernel/types.h"
#include "kernel/list.h"
#include "kernel/wait.h"

struct file;
struct inode;
struct poll_table_struct;
typedef poll_table_struct poll_table;
struct socket;

struct file_operations {
    /* buf is a user pointer: copy with copy_to_user()/copy_from_user(). */
    ssize_t (*read)(file *f, char __user *buf, size_t count, loff_t *pos);
    ssize_t (*write)(file *f, const char __user *buf, size_t count, loff_t *pos);
    loff_t (*llseek)(file *f, loff_t offset, int whence);
    /* Returns the POLL* bits ready now and registers with poll_wait() what may change them. */
    unsigned int (*poll)(file *f, poll_table *pt);
    long (*unlocked_ioctl)(file *f, unsigned int cmd, unsigned long arg);
    /* Last reference gone (the last close of every fd and fork copy). */
    int (*release)(inode *ino, file *f);
    /* Directory listing for getdents: fills at most count bytes of linux_dirent records. */
    int (*iterate)(file *f, char __user *buf, unsigned int count);
};

/* S_IF* file types (include/uapi/linux/stat.h). */
#define S_IFMT 0170000
#define S_IFSOCK 0140000
#define S_IFREG 0100000
#define S_IFDIR 0040000
#define S_IFCHR 0020000
#define S_ISDIR(m) (((m)&S_IFMT) == S_IFDIR)
#define S_ISREG(m) (((m)&S_IFMT) == S_IFREG)
#define S_ISSOCK(m) (((m)&S_IFMT) == S_IFSOCK)
#define S_ISCHR(m) (((m)&S_IFMT) == S_IFCHR)

struct inode {
    umode_t i_mode;
    unsigned long i_ino;
    loff_t i_size;
    unsigned int i_nlink;
    int i_count; /* references: the tree's link and open files */
    const file_operations *i_fop;
    void *i_private; /* ramfs data, or the AF_UNIX socket bound to this name */
    /* ramfs tree */
    inode *i_parent;
    list_head i_children;
    list_head i_sibling;
    char i_name[64];
};

struct file {
    const file_operations *f_op;
    inode *f_inode;
    unsigned int f_flags; /* O_* flags: O_NONBLOCK matters to sockets and the tty */
    loff_t f_pos;
    int f_count;          /* fds and tasks sharing this open file */
    void *private_data;   /* a struct socket * for socket files */
};

/* O_* and fd flags the kernel itself tests (Linux i386 values). */
#include "uapi/fcntl.h"

extern "C" {
/* A new open file with one reference, or NULL when memory is exhausted. */
file *alloc_file(const file_operations *fop, unsigned int flags, void *private_data);
/* Takes/drops a reference; the last fput() calls f_op->release and frees the file. */
void get_file(file *f);
void fput(file *f);

/* The current task's fd table (fs/file.c). */
int get_unused_fd_flags(unsigned int flags); /* lowest free fd, reserved; -EMFILE when full */
void put_unused_fd(int fd);                  /* gives back a reserved fd never installed */
void fd_install(int fd, file *f);            /* the fd now holds f (takes over its reference) */
file *fget(int fd);                          /* +1 reference, or NULL for a bad fd; fput() it */

/* ramfs names for AF_UNIX sockets (fs/namei.c: vfs_mknod, kern_path).
 * Paths are absolute or relative to /. */
int vfs_mksock(const char *path, void *private_data, inode **res); /* -EEXIST, -ENOENT, -ENOTDIR */
int vfs_lookup(const char *path, inode **res);                    /* -ENOENT, -ENOTDIR */
int vfs_unlink(const char *path);
}

/* poll support (include/linux/poll.h). */
#include "uapi/poll.h"

extern "C" {
/* Registers wq so a wake_up on it wakes the task polling through pt (NULL pt: no-op). */
void poll_wait(file *f, wait_queue_head *wq, poll_table *pt);
}

/* Generated files (a tiny procfs): reading `path` returns what `show` writes at open time.
 * `show` fills at most size bytes of buf and returns the length (snprintf-style truncation).
 * Used for /proc/ps, /proc/net/tcp, /proc/net/dev, /proc/kmsg. */
typedef int (*proc_show_t)(char *buf, size_t size);
extern "C" int proc_create(const char *path, proc_show_t show);
/* A writable generated file: `write` receives what a program writes (a kernel copy, at most
 * 256 bytes) and returns 0 or -errno. Used for /proc/trace and /proc/net/capture. */
typedef int (*proc_write_t)(const char *buf, size_t len);
extern "C" int proc_create_rw(const char *path, proc_show_t show, proc_write_t write);
