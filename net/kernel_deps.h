/* Kernel services the network code uses beyond the contract headers (kernel/fs.h etc.).
 * Each is implemented by the kernel proper (and faked in tests/unit/net/fakes.cpp). */
#pragma once
#include "kernel/fs.h"

extern "C" {
/* fs/inode.c iput(): drops a reference taken by incrementing i_count (AF_UNIX keeps the
 * inode of a bound path while its socket lives). */
void iput(inode *ino);
}
