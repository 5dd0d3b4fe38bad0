/* ELF32 header and segment checks (fs/binfmt_elf.c load_elf_binary's checks). Pure. Every
 * offset and size is checked for overflow against the file and against user space. */
#include "kernel/lib/elf.h"
#include "kernel/string.h"
#include "uapi/errno.h"

int elf_parse(const u8 *buf, size_t len, u32 limit, elf_image *img)
{
    if (len < sizeof(elf32_hdr))
        return -ENOEXEC;
    elf32_hdr h;
    memcpy(&h, buf, sizeof(h));
    if (h.e_ident[0] != 0x7f || h.e_ident[1] != 'E' || h.e_ident[2] != 'L' || h.e_ident[3] != 'F')
        return -ENOEXEC;
    if (h.e_ident[4] != 1 /* ELFCLASS32 */ || h.e_ident[5] != 1 /* little endian */)
        return -ENOEXEC;
    if (h.e_type != ET_EXEC || h.e_machine != EM_386 || h.e_phentsize != sizeof(elf32_phdr))
        return -ENOEXEC;
    if (h.e_phnum == 0 || h.e_phnum > 64)
        return -ENOEXEC;
    if (h.e_phoff > len || (len - h.e_phoff) / sizeof(elf32_phdr) < h.e_phnum)
        return -ENOEXEC;

    memset(img, 0, sizeof(*img));
    img->entry = h.e_entry;
    img->phnum = h.e_phnum;
    bool entry_ok = false;
    for (unsigned i = 0; i < h.e_phnum; i++) {
        elf32_phdr ph;
        memcpy(&ph, buf + h.e_phoff + i * sizeof(ph), sizeof(ph));
        if (ph.p_type != PT_LOAD || ph.p_memsz == 0)
            continue;
        if (img->nseg == ELF_MAX_SEGMENTS)
            return -ENOEXEC;
        if (ph.p_filesz > ph.p_memsz)
            return -ENOEXEC;
        if (ph.p_offset > len || len - ph.p_offset < ph.p_filesz)
            return -ENOEXEC;
        if (ph.p_vaddr < 4096 || ph.p_vaddr > limit || limit - ph.p_vaddr < ph.p_memsz)
            return -ENOEXEC;
        /* The page offsets of file and memory must agree, as mmap would require. */
        if ((ph.p_vaddr & 4095) != (ph.p_offset & 4095))
            return -ENOEXEC;
        elf_segment &s = img->seg[img->nseg++];
        s.vaddr = ph.p_vaddr;
        s.memsz = ph.p_memsz;
        s.offset = ph.p_offset;
        s.filesz = ph.p_filesz;
        s.writable = ph.p_flags & PF_W;
        if (h.e_entry >= ph.p_vaddr && h.e_entry - ph.p_vaddr < ph.p_memsz && (ph.p_flags & PF_X))
            entry_ok = true;
        if (h.e_phoff >= ph.p_offset && h.e_phoff - ph.p_offset < ph.p_filesz)
            img->phdr_vaddr = ph.p_vaddr + (h.e_phoff - ph.p_offset);
        if (ph.p_vaddr + ph.p_memsz > img->end)
            img->end = ph.p_vaddr + ph.p_memsz;
    }
    if (img->nseg == 0 || !entry_ok)
        return -ENOEXEC;
    return 0;
}
