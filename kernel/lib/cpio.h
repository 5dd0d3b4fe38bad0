/* The cpio "newc" format of initramfs images (Documentation/driver-api/early-userspace/
 * buffer-format.rst). Pure: host tests feed it malformed archives. */
#pragma once
#include "kernel/types.h"

struct cpio_entry {
    const char *name;     /* NOT NUL-terminated in the archive: use name_len */
    size_t name_len;      /* without the trailing NUL */
    unsigned mode;
    const u8 *data;
    size_t size;
};

enum cpio_status {
    CPIO_OK = 0,     /* *entry filled, *offset advanced */
    CPIO_END = 1,    /* TRAILER!!! reached */
    CPIO_ERROR = -1, /* bad magic, bad hex, or a field running past the end */
};

/* Parses the entry at *offset of buf[0..len). */
cpio_status cpio_next(const u8 *buf, size_t len, size_t *offset, cpio_entry *entry);
