/* Unpacks the initramfs (init/initramfs.c populate_rootfs): QEMU's -initrd arrives as a
 * multiboot module holding a cpio newc archive; every directory and regular file in it is
 * created in ramfs. A damaged archive stops the unpacking with a message, never a crash. */
#include "kernel/fs/ramfs.h"
#include "kernel/lib/cpio.h"
#include "kernel/mm/page_alloc.h"
#include "kernel/multiboot.h"
#include "kernel/printk.h"
#include "kernel/string.h"
#include "uapi/errno.h"

extern "C" void populate_rootfs(void)
{
    if (boot_params.initrd_end <= boot_params.initrd_start) {
        pr_notice("initramfs: none given\n");
        return;
    }
    const u8 *buf = (const u8 *)__va(boot_params.initrd_start);
    size_t len = boot_params.initrd_end - boot_params.initrd_start;
    size_t off = 0;
    int files = 0, dirs = 0;
    for (;;) {
        cpio_entry e;
        cpio_status st = cpio_next(buf, len, &off, &e);
        if (st == CPIO_END)
            break;
        if (st == CPIO_ERROR) {
            pr_err("initramfs: bad cpio archive at offset %zu: unpacking stopped\n", off);
            break;
        }
        char path[256];
        if (e.name_len == 0 || e.name_len >= sizeof(path))
            continue;
        memcpy(path, e.name, e.name_len);
        path[e.name_len] = '\0';
        if (!strcmp(path, "."))
            continue;
        inode *ino = nullptr;
        int err = 0;
        if (S_ISDIR(e.mode)) {
            err = ramfs_create(path, (umode_t)e.mode, &ino);
            if (err == -EEXIST)
                err = 0;
            else if (!err)
                dirs++;
        } else if (S_ISREG(e.mode)) {
            err = ramfs_create(path, (umode_t)e.mode, &ino);
            if (err == -EEXIST)
                err = vfs_lookup(path, &ino);
            if (!err)
                err = ramfs_set_data(ino, e.data, e.size);
            if (!err)
                files++;
        } /* symlinks, devices and the rest are skipped */
        if (err)
            pr_warn("initramfs: %s: error %d\n", path, err);
    }
    pr_info("initramfs: unpacked %d files, %d directories (%zu bytes)\n", files, dirs, len);
}
