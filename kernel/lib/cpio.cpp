/* cpio newc parser (init/initramfs.c in spirit). Every length is checked against the buffer
 * before use: a truncated or hostile archive gives CPIO_ERROR, never a read past the end. */
#include "kernel/lib/cpio.h"

static constexpr size_t HDR_LEN = 110;

static bool parse_hex8(const u8 *p, unsigned long *out)
{
    unsigned long v = 0;
    for (int i = 0; i < 8; i++) {
        u8 c = p[i];
        unsigned d;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if (c >= 'a' && c <= 'f')
            d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            d = c - 'A' + 10;
        else
            return false;
        v = (v << 4) | d;
    }
    *out = v;
    return true;
}

static size_t align4(size_t x) { return (x + 3) & ~(size_t)3; }

cpio_status cpio_next(const u8 *buf, size_t len, size_t *offset, cpio_entry *e)
{
    size_t off = *offset;
    if (off > len || len - off < HDR_LEN)
        return CPIO_ERROR;
    const u8 *h = buf + off;
    static const char magic[] = "070701";
    for (int i = 0; i < 6; i++)
        if (h[i] != (u8)magic[i] && !(i == 5 && h[i] == '2')) /* 070702: newc with CRC */
            return CPIO_ERROR;
    unsigned long f[13];
    for (int i = 0; i < 13; i++)
        if (!parse_hex8(h + 6 + 8 * i, &f[i]))
            return CPIO_ERROR;
    unsigned long mode = f[1], filesize = f[6], namesize = f[11];
    if (namesize == 0 || namesize > 4096)
        return CPIO_ERROR;
    size_t name_off = off + HDR_LEN;
    if (len - name_off < namesize)
        return CPIO_ERROR;
    const char *name = (const char *)buf + name_off;
    if (name[namesize - 1] != '\0')
        return CPIO_ERROR;
    size_t data_off = align4(name_off + namesize);
    if (data_off > len || len - data_off < filesize)
        return CPIO_ERROR;
    e->name = name;
    e->name_len = namesize - 1;
    e->mode = (unsigned)mode;
    e->data = buf + data_off;
    e->size = filesize;
    *offset = align4(data_off + filesize);
    static const char trailer[] = "TRAILER!!!";
    if (e->name_len == 10) {
        bool t = true;
        for (int i = 0; i < 10; i++)
            t = t && name[i] == trailer[i];
        if (t)
            return CPIO_END;
    }
    return CPIO_OK;
}
