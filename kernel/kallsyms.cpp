/* Symbol lookup (kernel/kallsyms.c): the table scripts/kallsyms.py puts in .kallsyms is
 * `count`, then `count` sorted {address, size, name offset} rows, then the names. */
#include "kernel/kallsyms.h"
#include "kernel/printk.h"
#include "kernel/string.h"

struct kallsyms_row {
    unsigned long addr, size, name;
};
extern "C" const unsigned long kallsyms_num;
extern "C" const kallsyms_row kallsyms_rows[];
extern "C" const char kallsyms_names[];

extern "C" const char *kallsyms_lookup(unsigned long addr, unsigned long *offset, unsigned long *size)
{
    /* The last row whose address is <= addr. */
    long lo = 0, hi = (long)kallsyms_num - 1, best = -1;
    while (lo <= hi) {
        long mid = (lo + hi) / 2;
        if (kallsyms_rows[mid].addr <= addr) {
            best = mid;
            lo = mid + 1;
        } else {
            hi = mid - 1;
        }
    }
    if (best < 0)
        return nullptr;
    const kallsyms_row &r = kallsyms_rows[best];
    if (r.size && addr >= r.addr + r.size)
        return nullptr;
    if (offset)
        *offset = addr - r.addr;
    if (size)
        *size = r.size;
    return kallsyms_names + r.name;
}

extern "C" int sprint_symbol(char *buf, size_t size, unsigned long addr, bool with_offset)
{
    unsigned long off, sz;
    const char *name = kallsyms_lookup(addr, &off, &sz);
    if (!name)
        return snprintf(buf, size, "%#lx", addr);
    if (!with_offset)
        return snprintf(buf, size, "%s", name);
    return snprintf(buf, size, "%s+%#lx/%#lx", name, off, sz);
}

extern "C" unsigned long kallsyms_lookup_name(const char *name)
{
    for (unsigned long i = 0; i < kallsyms_num; i++)
        if (!strcmp(kallsyms_names + kallsyms_rows[i].name, name))
            return kallsyms_rows[i].addr;
    return 0;
}
