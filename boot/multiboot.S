/* Multiboot v1 entry: the header QEMU (-kernel) and GRUB look for, and _start.
 *
 * _start runs at physical addresses with paging off. It builds an early page directory that
 * maps the first 16 MiB twice, at 0 (so the next instruction still runs) and at PAGE_OFFSET
 * (where the kernel is linked), turns paging on, jumps high and calls start_kernel(magic, info).
 * mm_init() later drops the identity map. Read next: kernel/main.cpp (start_kernel). */

#define MULTIBOOT_MAGIC     0x1BADB002
#define MULTIBOOT_FLAGS     0x00000003 /* bit 0: page-align modules, bit 1: memory map */
#define PAGE_OFFSET         0xC0000000
#define EARLY_MAP_MB        16
#define CR0_PG              0x80000000
#define CR0_WP              0x00010000
#define CR4_PSE             0x00000010
#define PDE_4M              0x083 /* present, writable, 4 MiB page */

    .section .multiboot, "a"
    .balign 4
    .long MULTIBOOT_MAGIC
    .long MULTIBOOT_FLAGS
    .long -(MULTIBOOT_MAGIC + MULTIBOOT_FLAGS)

    .section .boot.bss, "aw", @nobits
    .balign 4096
    .globl early_page_dir
early_page_dir:
    .skip 4096

    .section .boot.text, "ax"
    .code32
    .globl _start
    .type _start, @function
_start:
    cli
    cld
    /* eax = multiboot magic, ebx = physical address of the multiboot info: keep them. */
    movl %eax, %esi
    movl %ebx, %edi

    /* Early page directory: 4 MiB pages for the first EARLY_MAP_MB at 0 and at PAGE_OFFSET. */
    movl $early_page_dir, %edx
    xorl %ecx, %ecx
1:  movl %ecx, %eax
    shll $22, %eax
    orl $PDE_4M, %eax
    movl %eax, (%edx, %ecx, 4)
    movl %eax, (PAGE_OFFSET >> 22) * 4(%edx, %ecx, 4)
    incl %ecx
    cmpl $(EARLY_MAP_MB / 4), %ecx
    jne 1b

    movl %cr4, %eax
    orl $CR4_PSE, %eax
    movl %eax, %cr4
    movl %edx, %cr3
    movl %cr0, %eax
    orl $(CR0_PG | CR0_WP), %eax
    movl %eax, %cr0

    /* Jump to the high half: from here on, addresses are the linked (virtual) ones. */
    movl $startup_32_high, %eax
    jmp *%eax

    .text
startup_32_high:
    movl $init_thread_stack_top, %esp
    xorl %ebp, %ebp            /* the backtrace stops here */
    pushl $0                   /* fake return address: a clean end for gdb's bt */
    pushl %ebp
    movl %esp, %ebp
    addl $PAGE_OFFSET, %edi    /* the multiboot info, seen through the high mapping */
    pushl %edi
    pushl %esi
    call start_kernel
    /* start_kernel never returns; if it did, stop here rather than run into garbage. */
2:  cli
    hlt
    jmp 2b

    .bss
    .balign 8192
    .globl init_thread_stack
init_thread_stack:
    .skip 8192
    .globl init_thread_stack_top
init_thread_stack_top:

    .section .note.GNU-stack, "", @progbits
