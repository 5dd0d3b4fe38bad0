/* setup_arch (arch/x86/kernel/setup.c): reads what the boot loader handed over through the
 * multiboot info: the memory map (e820 in Linux), the command line and the initrd module.
 * Everything is copied out before mm_init() reuses the memory it sat in. */
#include "kernel/cmdline.h"
#include "kernel/mm/page_alloc.h"
#include "kernel/multiboot.h"
#include "kernel/printk.h"
#include "kernel/setup.h"

extern "C" {
struct boot_params boot_params;
char boot_command_line[COMMAND_LINE_SIZE];
}
static cmdline parsed_cmdline;

extern "C" const char *cmdline_get(const char *key) { return cmdline_find(&parsed_cmdline, key); }

extern "C" void cmdline_init(const char *text)
{
    strlcpy(boot_command_line, text, sizeof(boot_command_line));
    cmdline_parse(&parsed_cmdline, boot_command_line);
}

/* True when the first word of s contains w. */
static bool strstr_simple(const char *s, const char *w)
{
    size_t n = strlen(w);
    for (; *s && *s != ' '; s++)
        if (!strncmp(s, w, n))
            return true;
    return false;
}

/* Physical RAM ranges, kept for mm_init. */
static mem_range ram_ranges[16];
static int nr_ram_ranges;

const mem_range *setup_ram_ranges(int *count)
{
    *count = nr_ram_ranges;
    return ram_ranges;
}

/* Linux: arch/x86/kernel/setup.c setup_arch() */
extern "C" __attribute__((noinline)) void setup_arch(unsigned long magic, multiboot_info *mbi)
{
    if (magic != MULTIBOOT_BOOTLOADER_MAGIC)
        panic("not started by a multiboot loader (magic %#lx)", magic);

    const char *text = "";
    if (mbi->flags & MB_INFO_CMDLINE)
        text = (const char *)__va(mbi->cmdline);
    /* QEMU and GRUB put the kernel's path first, as a shell puts argv[0]: skip it. */
    if (text[0] == '/' || !strncmp(text, "build/", 6) || strstr_simple(text, "vmlinux")) {
        while (*text && *text != ' ')
            text++;
        while (*text == ' ')
            text++;
    }
    cmdline_init(text);
    const char *v = cmdline_get("loglevel");
    extern int console_loglevel;
    if (cmdline_get("quiet"))
        console_loglevel = 4;
    if (v && *v >= '0' && *v <= '9')
        console_loglevel = *v - '0'; /* as Linux: levels below N reach the console */
    printk(KERN_INFO "Command line: %s\n", boot_command_line);

    if (mbi->flags & MB_INFO_MEM_MAP) {
        printk(KERN_INFO "BIOS-provided physical RAM map:\n");
        unsigned long p = mbi->mmap_addr;
        while (p < mbi->mmap_addr + mbi->mmap_length) {
            auto *e = (multiboot_mmap_entry *)__va(p);
            printk(KERN_INFO "BIOS-e820: [mem 0x%016llx-0x%016llx] %s\n", e->addr,
                   e->addr + e->len - 1, e->type == 1 ? "usable" : "reserved");
            if (e->type == 1 && e->addr < 0x100000000ULL && nr_ram_ranges < 16) {
                u64 end = e->addr + e->len;
                if (end > 0x100000000ULL)
                    end = 0x100000000ULL;
                ram_ranges[nr_ram_ranges++] = {(unsigned long)e->addr, (unsigned long)(end - e->addr)};
            }
            p += e->size + 4;
        }
    } else if (mbi->flags & MB_INFO_MEMORY) {
        ram_ranges[nr_ram_ranges++] = {0x100000, mbi->mem_upper * 1024UL};
    }
    for (int i = 0; i < nr_ram_ranges; i++) {
        unsigned long end = ram_ranges[i].start + ram_ranges[i].len;
        if (end > boot_params.ram_end)
            boot_params.ram_end = end;
    }

    if ((mbi->flags & MB_INFO_MODS) && mbi->mods_count > 0) {
        auto *mod = (multiboot_module *)__va(mbi->mods_addr);
        boot_params.initrd_start = mod->mod_start;
        boot_params.initrd_end = mod->mod_end;
        printk(KERN_INFO "RAMDISK: [mem %#010lx-%#010lx]\n", boot_params.initrd_start,
               boot_params.initrd_end - 1);
    }
}
