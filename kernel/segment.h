/* GDT layout and segment selectors, the same as Linux i386 (arch/x86/include/asm/segment.h),
 * so that the cs/ss values a student reads in pt_regs are the ones Linux shows. */
#pragma once

#define GDT_ENTRY_TLS_MIN 6
#define GDT_ENTRY_KERNEL_CS 12
#define GDT_ENTRY_KERNEL_DS 13
#define GDT_ENTRY_DEFAULT_USER_CS 14
#define GDT_ENTRY_DEFAULT_USER_DS 15
#define GDT_ENTRY_TSS 16
#define GDT_ENTRIES 32

#define __KERNEL_CS (GDT_ENTRY_KERNEL_CS * 8)            /* 0x60 */
#define __KERNEL_DS (GDT_ENTRY_KERNEL_DS * 8)            /* 0x68 */
#define __USER_CS (GDT_ENTRY_DEFAULT_USER_CS * 8 + 3)    /* 0x73 */
#define __USER_DS (GDT_ENTRY_DEFAULT_USER_DS * 8 + 3)    /* 0x7b */
#define GDT_ENTRY_TSS_SEL (GDT_ENTRY_TSS * 8)            /* 0x80 */

#define PAGE_OFFSET 0xC0000000UL
#define PAGE_SIZE 4096UL
#define PAGE_SHIFT 12
#define THREAD_SIZE 8192UL
