/* A tiny procfs (fs/proc): files whose contents a kernel function writes at open time.
 * /proc/ps (the task list, for the `ps` command), /proc/kmsg (the printk log, for `dmesg`),
 * /proc/meminfo, /proc/interrupts; the network code adds /proc/net/... */
#include "kernel/fs/ramfs.h"
#include "kernel/io.h"
#include "kernel/mm.h"
#include "kernel/mm/page_alloc.h"
#include "kernel/mm/slab.h"
#include "kernel/printk.h"
#include "kernel/sched.h"
#include "kernel/slab.h"
#include "kernel/string.h"
#include "kernel/timer.h"
#include "kernel/uaccess.h"
#include "uapi/errno.h"

#define PROC_BUF_SIZE (64 * 1024)

struct proc_entry {
    proc_show_t show;
    proc_write_t write;
};

struct proc_snapshot {
    char *text;
    size_t len;
};

/* The show function runs at open: the reader sees one consistent snapshot. */
static int proc_open_snapshot(file *f, proc_show_t show)
{
    proc_snapshot *s = (proc_snapshot *)kmalloc(sizeof(proc_snapshot), GFP_KERNEL);
    char *buf = (char *)kmalloc(PROC_BUF_SIZE, GFP_KERNEL);
    if (!s || !buf) {
        kfree(s);
        kfree(buf);
        return -ENOMEM;
    }
    int n = show(buf, PROC_BUF_SIZE);
    s->text = buf;
    s->len = n < 0 ? 0 : min<size_t>((size_t)n, PROC_BUF_SIZE);
    f->private_data = s;
    return 0;
}

static ssize_t proc_read(file *f, char __user *buf, size_t count, loff_t *pos)
{
    proc_snapshot *s = (proc_snapshot *)f->private_data;
    if (!s) {
        int err = proc_open_snapshot(f, ((proc_entry *)f->f_inode->i_private)->show);
        if (err)
            return err;
        s = (proc_snapshot *)f->private_data;
    }
    if (*pos >= (loff_t)s->len)
        return 0;
    size_t n = min<size_t>(count, s->len - (size_t)*pos);
    if (copy_to_user(buf, s->text + *pos, n))
        return -EFAULT;
    *pos += n;
    return (ssize_t)n;
}

static int proc_release(inode *, file *f)
{
    proc_snapshot *s = (proc_snapshot *)f->private_data;
    if (s) {
        kfree(s->text);
        kfree(s);
    }
    return 0;
}

static ssize_t proc_write(file *f, const char __user *buf, size_t count, loff_t *)
{
    proc_entry *e = (proc_entry *)f->f_inode->i_private;
    if (!e->write)
        return -EACCES;
    char tmp[257];
    size_t n = min<size_t>(count, 256);
    if (copy_from_user(tmp, buf, n))
        return -EFAULT;
    tmp[n] = '\0';
    int err = e->write(tmp, n);
    return err ? err : (ssize_t)count;
}

static const file_operations proc_file_operations = {
    .read = proc_read,
    .write = proc_write,
    .llseek = nullptr,
    .poll = nullptr,
    .unlocked_ioctl = nullptr,
    .release = proc_release,
    .iterate = nullptr,
};

static void mkdirs_for(const char *path)
{
    char tmp[128];
    strlcpy(tmp, path, sizeof(tmp));
    for (char *p = tmp + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        inode *ino;
        if (vfs_lookup(tmp, &ino) == -ENOENT)
            ramfs_create(tmp, S_IFDIR | 0555, &ino);
        *p = '/';
    }
}

extern "C" int proc_create_rw(const char *path, proc_show_t show, proc_write_t write)
{
    mkdirs_for(path);
    proc_entry *e = (proc_entry *)kmalloc(sizeof(proc_entry), GFP_KERNEL);
    if (!e)
        return -ENOMEM;
    *e = {show, write};
    inode *ino;
    int err = ramfs_create(path, (umode_t)(S_IFREG | (write ? 0644 : 0444)), &ino);
    if (err) {
        kfree(e);
        return err;
    }
    ino->i_fop = &proc_file_operations;
    ino->i_private = e; /* not a ramfs_data: proc inodes are never unlinked */
    return 0;
}

extern "C" int proc_create(const char *path, proc_show_t show) { return proc_create_rw(path, show, nullptr); }

static const char *state_name(const task_struct *t)
{
    switch (t->state) {
    case TASK_RUNNING: return "R";
    case TASK_INTERRUPTIBLE: return "S";
    case TASK_UNINTERRUPTIBLE: return "D";
    case TASK_ZOMBIE: return "Z";
    default: return "X";
    }
}

static int show_ps(char *buf, size_t size)
{
    int n = snprintf(buf, size, "  PID  PPID  PGID S     TIME  PAGES COMMAND\n");
    list_head *pos;
    irq_guard guard;
    list_for_each(pos, &task_list) {
        task_struct *t = list_entry(pos, task_struct, tasks);
        unsigned long secs = (jiffies - t->start_time) / HZ;
        n += snprintf(buf + n, size > (size_t)n ? size - n : 0, "%5d %5d %5d %s %5lu:%02lu %6lu %s\n",
                      t->pid, t->parent ? t->parent->pid : 0, t->pgid, state_name(t), secs / 60,
                      secs % 60, t->mm ? t->mm->nr_pages : 0, t->comm);
    }
    return n;
}

extern "C" int log_buf_read(char *buf, size_t size);
static int show_kmsg(char *buf, size_t size) { return log_buf_read(buf, size); }

static int show_meminfo(char *buf, size_t size)
{
    kmem_stats st;
    kmem_get_stats(&st);
    return snprintf(buf, size,
                    "MemTotal:       %8lu kB\nMemFree:        %8lu kB\nSlab:           %8lu kB\n"
                    "SlabObjects:    %8lu\nTasks:          %8d\n",
                    totalram_pages() * 4, nr_free_pages() * 4, st.pages * 4, st.objects, nr_tasks);
}

extern "C" int show_interrupts(char *buf, size_t size);

static int show_uptime(char *buf, size_t size)
{
    unsigned long j = jiffies;
    return snprintf(buf, size, "%lu.%02lu\n", j / HZ, (j % HZ) / 10);
}

extern "C" void proc_init(void)
{
    proc_create("/proc/ps", show_ps);
    proc_create("/proc/kmsg", show_kmsg);
    proc_create("/proc/meminfo", show_meminfo);
    proc_create("/proc/interrupts", show_interrupts);
    proc_create("/proc/uptime", show_uptime);
}
