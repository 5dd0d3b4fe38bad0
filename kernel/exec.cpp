/* execve (fs/exec.c, fs/binfmt_elf.c): replaces the current program with a static ELF32
 * executable from ramfs. Everything that can fail (lookup, ELF checks, arguments, memory) is
 * done into a new address space before the old one is touched, so a failed execve returns an
 * error to a program that is still intact. */
#include "kernel/fs/ramfs.h"
#include "kernel/lib/elf.h"
#include "kernel/mm.h"
#include "kernel/printk.h"
#include "kernel/sched.h"
#include "kernel/slab.h"
#include "kernel/string.h"
#include "kernel/timer.h"
#include "kernel/uaccess.h"
#include "uapi/errno.h"

extern "C" void do_close_on_exec(files_struct *files);
extern "C" void fpu_reset_state(task_struct *t);

#define MAX_ARG_STRLEN (128 * 1024) /* all argv and envp bytes together: -E2BIG beyond */
#define MAX_ARG_STRINGS 1024
#define PATH_MAX 256

/* Arguments collected in kernel memory: strings back to back, NUL-separated. */
struct linux_binprm {
    char *buf;
    size_t used;
    int argc, envc;
};

static int bprm_add(linux_binprm *b, const char *s, size_t len)
{
    if (b->used + len + 1 > MAX_ARG_STRLEN)
        return -E2BIG;
    memcpy(b->buf + b->used, s, len);
    b->buf[b->used + len] = '\0';
    b->used += len + 1;
    return 0;
}

/* Copies a user argv/envp array (Linux: fs/exec.c copy_strings()). */
static int copy_strings_user(linux_binprm *b, const char __user *const __user *argv, int *count)
{
    *count = 0;
    if (!argv)
        return 0;
    for (;;) {
        const char __user *p;
        if (get_user(p, argv + *count))
            return -EFAULT;
        if (!p)
            return 0;
        if (*count >= MAX_ARG_STRINGS)
            return -E2BIG;
        long room = (long)(MAX_ARG_STRLEN - b->used);
        if (room <= 0)
            return -E2BIG;
        long n = strncpy_from_user(b->buf + b->used, p, room);
        if (n == -ENAMETOOLONG)
            return -E2BIG;
        if (n < 0)
            return (int)n;
        b->used += (size_t)n + 1;
        (*count)++;
    }
}

static int copy_strings_kernel(linux_binprm *b, const char *const *argv, int *count)
{
    *count = 0;
    for (; argv && argv[*count]; (*count)++) {
        int err = bprm_add(b, argv[*count], strlen(argv[*count]));
        if (err)
            return err;
    }
    return 0;
}

/* Writes the initial user stack as the i386 SysV ABI lays it out:
 * argc, argv[0..argc-1], NULL, envp[...], NULL, auxv pairs, AT_NULL; the strings above them. */
static int setup_user_stack(mm_struct *mm, linux_binprm *b, const elf_image &img, unsigned long *sp_out)
{
    unsigned long top = USER_STACK_TOP;
    unsigned long strings = (top - 16 - b->used) & ~3UL;
    unsigned long random_bytes = strings - 16;
    const unsigned nauxv = 9;
    unsigned long nwords = 1 + (b->argc + 1) + (b->envc + 1) + 2 * nauxv;
    unsigned long sp = (random_bytes - nwords * 4) & ~15UL;
    if (sp < top - USER_STACK_SIZE + 4096)
        return -E2BIG;

    /* The stack is mapped but not current: write through the kernel's view of its pages. */
    auto poke = [&](unsigned long uaddr, const void *src, size_t n) {
        const u8 *s = (const u8 *)src;
        while (n) {
            u8 *page = (u8 *)mm_user_page(mm, uaddr);
            size_t off = uaddr & (PAGE_SIZE - 1);
            size_t chunk = min<size_t>(n, PAGE_SIZE - off);
            memcpy(page + off, s, chunk);
            uaddr += chunk;
            s += chunk;
            n -= chunk;
        }
    };
    auto poke_word = [&](unsigned long &at, unsigned long v) {
        poke(at, &v, 4);
        at += 4;
    };

    poke(strings, b->buf, b->used);
    u32 rnd[4] = {0x4d656e75, (u32)jiffies, 0x4f532121, (u32)current->pid};
    poke(random_bytes, rnd, sizeof(rnd));

    unsigned long at = sp;
    poke_word(at, (unsigned long)b->argc);
    unsigned long s = strings;
    for (int i = 0; i < b->argc + b->envc; i++) {
        poke_word(at, s);
        s += strlen(b->buf + (s - strings)) + 1;
        if (i == b->argc - 1)
            poke_word(at, 0); /* end of argv */
    }
    if (b->argc == 0)
        poke_word(at, 0);
    poke_word(at, 0); /* end of envp */
    const unsigned long auxv[nauxv][2] = {
        {3, img.phdr_vaddr}, /* AT_PHDR */
        {4, 32},             /* AT_PHENT */
        {5, img.phnum},      /* AT_PHNUM */
        {6, PAGE_SIZE},      /* AT_PAGESZ */
        {9, img.entry},      /* AT_ENTRY */
        {11, 0},             /* AT_UID */
        {16, 0},             /* AT_HWCAP */
        {25, random_bytes},  /* AT_RANDOM */
        {0, 0},              /* AT_NULL */
    };
    for (unsigned i = 0; i < nauxv; i++) {
        poke_word(at, auxv[i][0]);
        poke_word(at, auxv[i][1]);
    }
    *sp_out = sp;
    return 0;
}

/* Builds the new address space from the file. */
static int load_elf_binary(inode *ino, linux_binprm *b, mm_struct **mm_out, unsigned long *entry,
                           unsigned long *sp)
{
    const u8 *data = (const u8 *)ramfs_data_of(ino);
    elf_image img;
    int err = elf_parse(data, (size_t)ino->i_size, USER_STACK_TOP - USER_STACK_SIZE, &img);
    if (err)
        return err;
    mm_struct *mm = mm_alloc();
    if (!mm)
        return -ENOMEM;
    for (int i = 0; i < img.nseg && !err; i++) {
        const elf_segment &s = img.seg[i];
        err = mm_map_range(mm, s.vaddr, s.vaddr + s.memsz, s.writable);
        for (u32 off = 0; !err && off < s.filesz;) {
            u32 va = s.vaddr + off;
            u8 *page = (u8 *)mm_user_page(mm, va);
            u32 chunk = min<u32>(s.filesz - off, (u32)(PAGE_SIZE - (va & (PAGE_SIZE - 1))));
            memcpy(page + (va & (PAGE_SIZE - 1)), data + s.offset + off, chunk);
            off += chunk;
        }
    }
    if (!err)
        err = mm_map_range(mm, USER_STACK_TOP - USER_STACK_SIZE, USER_STACK_TOP, true);
    if (!err)
        err = setup_user_stack(mm, b, img, sp);
    if (err) {
        mmput(mm);
        return err;
    }
    mm->start_code = img.seg[0].vaddr;
    mm->end_code = img.end;
    mm->start_brk = mm->brk = ALIGN(img.end, (u32)PAGE_SIZE);
    mm->start_stack = *sp;
    *mm_out = mm;
    *entry = img.entry;
    return 0;
}

/* Linux: fs/exec.c do_execve() with the arguments already in kernel memory. */
static int exec_binprm(const char *path, linux_binprm *b)
{
    inode *ino;
    int err = vfs_lookup(path, &ino);
    if (err)
        return err;
    if (S_ISDIR(ino->i_mode))
        return -EACCES;
    if (!S_ISREG(ino->i_mode) || !(ino->i_mode & 0111))
        return -EACCES;
    mm_struct *mm;
    unsigned long entry, sp;
    err = load_elf_binary(ino, b, &mm, &entry, &sp);
    if (err)
        return err;

    /* Point of no return: the old program is gone. */
    mm_struct *old = current->mm;
    current->mm = mm;
    current->kernel_thread = false;
    switch_mm(mm);
    mmput(old);
    do_close_on_exec(current->files);
    fpu_reset_state(current);
    asm volatile("frstor %0" ::"m"(current->thread.fpu_state));
    current->thread.tls = 0;
    const char *base = path;
    for (const char *p = path; *p; p++)
        if (*p == '/' && p[1])
            base = p + 1;
    strlcpy(current->comm, base, sizeof(current->comm));

    pt_regs *regs = current_pt_regs();
    memset(regs, 0, sizeof(*regs));
    regs->ip = entry;
    regs->sp = sp;
    regs->cs = __USER_CS;
    regs->ss = regs->ds = regs->es = regs->fs = regs->gs = __USER_DS;
    regs->flags = 0x202; /* IF */
    return 0;
}

static int alloc_bprm(linux_binprm *b)
{
    b->buf = (char *)kmalloc(MAX_ARG_STRLEN, GFP_KERNEL);
    b->used = 0;
    b->argc = b->envc = 0;
    return b->buf ? 0 : -ENOMEM;
}

/* Linux: fs/exec.c sys_execve() */
extern "C" long sys_execve(long upath, long uargv, long uenvp)
{
    char path[PATH_MAX];
    long n = strncpy_from_user(path, (const char __user *)upath, sizeof(path));
    if (n < 0)
        return n;
    if (n == 0)
        return -ENOENT;
    linux_binprm b;
    if (alloc_bprm(&b))
        return -ENOMEM;
    int err = copy_strings_user(&b, (const char __user *const __user *)uargv, &b.argc);
    if (!err)
        err = copy_strings_user(&b, (const char __user *const __user *)uenvp, &b.envc);
    if (!err)
        err = exec_binprm(path, &b);
    kfree(b.buf);
    return err;
}

/* Linux: init/main.c run_init_process() */
extern "C" int run_init_process(const char *path)
{
    static const char *const envp[] = {"HOME=/", "TERM=linux", "PATH=/bin", nullptr};
    const char *argv[] = {path, nullptr};
    linux_binprm b;
    if (alloc_bprm(&b))
        return -ENOMEM;
    int err = copy_strings_kernel(&b, argv, &b.argc);
    if (!err)
        err = copy_strings_kernel(&b, envp, &b.envc);
    if (!err) {
        pr_info("Run %s as init process\n", path);
        err = exec_binprm(path, &b);
    }
    kfree(b.buf);
    return err;
}
