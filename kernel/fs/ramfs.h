/* ramfs internals shared by open(), the initramfs unpacker and /proc (see ramfs.cpp). */
#pragma once
#include "kernel/fs.h"

extern const file_operations ramfs_file_operations;
extern const file_operations ramfs_dir_operations;

inode *ramfs_root(void);
inode *ramfs_new_inode(umode_t mode);
int ramfs_walk_parent(const char *path, inode **parent, const char **last);
int ramfs_create(const char *path, umode_t mode, inode **res);
int ramfs_set_data(inode *ino, const void *data, size_t len);
const char *ramfs_data_of(inode *ino);
void ramfs_truncate(inode *ino);
extern "C" void iput(inode *ino);
