/* ramfs: the in-memory file system the initramfs is unpacked into (fs/ramfs, fs/namei.c,
 * fs/libfs.c in spirit). A tree of inodes; a regular file's bytes live in one kmalloc'd buffer
 * that grows by doubling. Names of AF_UNIX sockets are S_IFSOCK inodes in the same tree. */
#include "kernel/fs.h"
#include "kernel/fs/ramfs.h"
#include "kernel/printk.h"
#include "kernel/slab.h"
#include "kernel/string.h"
#include "kernel/uaccess.h"
#include "uapi/errno.h"

static inode *root_inode;
static unsigned long next_ino = 1;

struct ramfs_data {
    char *data;
    size_t cap;
};

inode *ramfs_root(void) { return root_inode; }

inode *ramfs_new_inode(umode_t mode)
{
    inode *ino = (inode *)kzalloc(sizeof(inode), GFP_KERNEL);
    if (!ino)
        return nullptr;
    ino->i_mode = mode;
    ino->i_ino = next_ino++;
    ino->i_nlink = 1;
    ino->i_count = 1; /* the tree's reference */
    INIT_LIST_HEAD(&ino->i_children);
    INIT_LIST_HEAD(&ino->i_sibling);
    if (S_ISREG(mode))
        ino->i_fop = &ramfs_file_operations;
    else if (S_ISDIR(mode))
        ino->i_fop = &ramfs_dir_operations;
    return ino;
}

extern "C" void iput(inode *ino)
{
    if (--ino->i_count > 0)
        return;
    if (S_ISREG(ino->i_mode) && ino->i_private) {
        ramfs_data *d = (ramfs_data *)ino->i_private;
        kfree(d->data);
        kfree(d);
    }
    kfree(ino);
}

static inode *find_child(inode *dir, const char *name, size_t len)
{
    list_head *pos;
    list_for_each(pos, &dir->i_children) {
        inode *c = list_entry(pos, inode, i_sibling);
        if (strlen(c->i_name) == len && !strncmp(c->i_name, name, len))
            return c;
    }
    return nullptr;
}

/* Walks `path` to its parent directory; *last points at the final component (may be "").
 * Linux: fs/namei.c path_parentat(). */
int ramfs_walk_parent(const char *path, inode **parent, const char **last)
{
    inode *dir = root_inode;
    const char *p = path;
    for (;;) {
        while (*p == '/')
            p++;
        const char *end = p;
        while (*end && *end != '/')
            end++;
        const char *next = end;
        while (*next == '/')
            next++;
        if (!*next) { /* p..end is the last component */
            *parent = dir;
            *last = p;
            return 0;
        }
        size_t len = (size_t)(end - p);
        if (len >= sizeof(dir->i_name))
            return -ENAMETOOLONG;
        inode *c;
        if (len == 1 && p[0] == '.')
            c = dir;
        else if (len == 2 && p[0] == '.' && p[1] == '.')
            c = dir->i_parent ? dir->i_parent : dir;
        else
            c = find_child(dir, p, len);
        if (!c)
            return -ENOENT;
        if (!S_ISDIR(c->i_mode))
            return -ENOTDIR;
        dir = c;
        p = next;
    }
}

static size_t last_len(const char *last)
{
    size_t n = 0;
    while (last[n] && last[n] != '/')
        n++;
    return n;
}

extern "C" int vfs_lookup(const char *path, inode **res)
{
    inode *dir;
    const char *last;
    int err = ramfs_walk_parent(path, &dir, &last);
    if (err)
        return err;
    size_t len = last_len(last);
    inode *c;
    if (len == 0 || (len == 1 && last[0] == '.'))
        c = dir;
    else if (len == 2 && last[0] == '.' && last[1] == '.')
        c = dir->i_parent ? dir->i_parent : dir;
    else
        c = find_child(dir, last, len);
    if (!c)
        return -ENOENT;
    if (last[len] == '/' && !S_ISDIR(c->i_mode))
        return -ENOTDIR;
    *res = c;
    return 0;
}

int ramfs_create(const char *path, umode_t mode, inode **res)
{
    inode *dir;
    const char *last;
    int err = ramfs_walk_parent(path, &dir, &last);
    if (err)
        return err;
    size_t len = last_len(last);
    if (len == 0 || (len == 1 && last[0] == '.') || (len == 2 && last[0] == '.' && last[1] == '.'))
        return -EEXIST;
    if (len >= sizeof(dir->i_name))
        return -ENAMETOOLONG;
    if (find_child(dir, last, len))
        return -EEXIST;
    inode *ino = ramfs_new_inode(mode);
    if (!ino)
        return -ENOMEM;
    memcpy(ino->i_name, last, len);
    ino->i_name[len] = '\0';
    ino->i_parent = dir;
    list_add_tail(&ino->i_sibling, &dir->i_children);
    if (S_ISDIR(mode))
        dir->i_nlink++;
    *res = ino;
    return 0;
}

extern "C" int vfs_mksock(const char *path, void *private_data, inode **res)
{
    inode *ino;
    int err = ramfs_create(path, S_IFSOCK | 0777, &ino);
    if (err)
        return err;
    ino->i_private = private_data;
    if (res)
        *res = ino;
    return 0;
}

extern "C" int vfs_unlink(const char *path)
{
    inode *ino;
    int err = vfs_lookup(path, &ino);
    if (err)
        return err;
    if (S_ISDIR(ino->i_mode))
        return ino == root_inode || !list_empty(&ino->i_children) ? -ENOTEMPTY : -EISDIR;
    list_del_init(&ino->i_sibling);
    ino->i_parent = nullptr;
    iput(ino);
    return 0;
}

/* Replaces a regular file's contents (used by the initramfs unpacker). */
int ramfs_set_data(inode *ino, const void *data, size_t len)
{
    ramfs_data *d = (ramfs_data *)ino->i_private;
    if (!d) {
        d = (ramfs_data *)kzalloc(sizeof(ramfs_data), GFP_KERNEL);
        if (!d)
            return -ENOMEM;
        ino->i_private = d;
    }
    char *buf = len ? (char *)kmalloc(len, GFP_KERNEL) : nullptr;
    if (len && !buf)
        return -ENOMEM;
    if (len)
        memcpy(buf, data, len);
    kfree(d->data);
    d->data = buf;
    d->cap = len;
    ino->i_size = (loff_t)len;
    return 0;
}

const char *ramfs_data_of(inode *ino)
{
    ramfs_data *d = (ramfs_data *)ino->i_private;
    return d ? d->data : nullptr;
}

static int ramfs_reserve(inode *ino, size_t need)
{
    ramfs_data *d = (ramfs_data *)ino->i_private;
    if (!d) {
        d = (ramfs_data *)kzalloc(sizeof(ramfs_data), GFP_KERNEL);
        if (!d)
            return -ENOMEM;
        ino->i_private = d;
    }
    if (need <= d->cap)
        return 0;
    if (need > 16 * 1024 * 1024)
        return -EFBIG;
    size_t cap = d->cap ? d->cap : 256;
    while (cap < need)
        cap *= 2;
    char *buf = (char *)kmalloc(cap, GFP_KERNEL);
    if (!buf)
        return -ENOSPC;
    if (ino->i_size)
        memcpy(buf, d->data, (size_t)ino->i_size);
    kfree(d->data);
    d->data = buf;
    d->cap = cap;
    return 0;
}

void ramfs_truncate(inode *ino) { ino->i_size = 0; }

static ssize_t ramfs_read(file *f, char __user *buf, size_t count, loff_t *pos)
{
    inode *ino = f->f_inode;
    if (*pos >= ino->i_size)
        return 0;
    size_t n = (size_t)min<loff_t>((loff_t)count, ino->i_size - *pos);
    if (copy_to_user(buf, ramfs_data_of(ino) + *pos, n))
        return -EFAULT;
    *pos += n;
    return (ssize_t)n;
}

static ssize_t ramfs_write(file *f, const char __user *buf, size_t count, loff_t *pos)
{
    inode *ino = f->f_inode;
    if (f->f_flags & O_APPEND)
        *pos = ino->i_size;
    int err = ramfs_reserve(ino, (size_t)*pos + count);
    if (err)
        return err;
    ramfs_data *d = (ramfs_data *)ino->i_private;
    if (*pos > ino->i_size)
        memset(d->data + ino->i_size, 0, (size_t)(*pos - ino->i_size));
    if (copy_from_user(d->data + *pos, buf, count))
        return -EFAULT;
    *pos += count;
    if (*pos > ino->i_size)
        ino->i_size = *pos;
    return (ssize_t)count;
}

static loff_t ramfs_llseek(file *f, loff_t offset, int whence)
{
    loff_t base = whence == 0 ? 0 : whence == 1 ? f->f_pos : whence == 2 ? f->f_inode->i_size : -1;
    if (base < 0 || base + offset < 0)
        return -EINVAL;
    f->f_pos = base + offset;
    return f->f_pos;
}

/* struct linux_dirent (fs/readdir.c): ino, off, reclen, name, NUL, pad, type in the last byte. */
static int ramfs_iterate(file *f, char __user *buf, unsigned int count)
{
    inode *dir = f->f_inode;
    unsigned int used = 0;
    loff_t index = 0;
    auto emit = [&](const char *name, inode *ino) -> int {
        if (index++ < f->f_pos)
            return 0;
        size_t nlen = strlen(name);
        unsigned reclen = (unsigned)ALIGN(4 + 4 + 2 + nlen + 2, 4);
        if (used + reclen > count)
            return 1;
        char rec[96] = {};
        *(unsigned long *)rec = ino->i_ino;
        *(unsigned long *)(rec + 4) = (unsigned long)index;
        *(unsigned short *)(rec + 8) = (unsigned short)reclen;
        memcpy(rec + 10, name, nlen);
        unsigned t = S_ISDIR(ino->i_mode) ? 4 : S_ISREG(ino->i_mode) ? 8 : S_ISSOCK(ino->i_mode) ? 12 : S_ISCHR(ino->i_mode) ? 2 : 0;
        rec[reclen - 1] = (char)t;
        if (copy_to_user(buf + used, rec, reclen))
            return -EFAULT;
        used += reclen;
        f->f_pos = index;
        return 0;
    };
    int r = emit(".", dir);
    if (!r)
        r = emit("..", dir->i_parent ? dir->i_parent : dir);
    list_head *pos;
    if (!r) {
        list_for_each(pos, &dir->i_children) {
            r = emit(list_entry(pos, inode, i_sibling)->i_name, list_entry(pos, inode, i_sibling));
            if (r)
                break;
        }
    }
    if (r < 0)
        return r;
    if (r > 0 && used == 0)
        return -EINVAL; /* buffer too small for one entry */
    return (int)used;
}

const file_operations ramfs_file_operations = {
    .read = ramfs_read,
    .write = ramfs_write,
    .llseek = ramfs_llseek,
    .poll = nullptr,
    .unlocked_ioctl = nullptr,
    .release = nullptr,
    .iterate = nullptr,
};

const file_operations ramfs_dir_operations = {
    .read = nullptr,
    .write = nullptr,
    .llseek = ramfs_llseek,
    .poll = nullptr,
    .unlocked_ioctl = nullptr,
    .release = nullptr,
    .iterate = ramfs_iterate,
};

/* Linux: fs/dcache.c vfs_caches_init() -> the root of the tree. */
extern "C" void vfs_caches_init(void)
{
    root_inode = ramfs_new_inode(S_IFDIR | 0755);
    if (!root_inode)
        panic("no memory for the root inode");
    root_inode->i_name[0] = '/';
}
