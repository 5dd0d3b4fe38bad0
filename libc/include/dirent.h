#ifndef _DIRENT_H
#define _DIRENT_H
#include <sys/cdefs.h>
#include <sys/types.h>
#define DT_UNKNOWN 0
#define DT_CHR 2
#define DT_DIR 4
#define DT_REG 8
#define DT_SOCK 12
struct dirent {
    ino_t d_ino;
    off_t d_off;
    unsigned short d_reclen;
    unsigned char d_type;
    char d_name[256];
};
typedef struct __dirstream DIR;
__BEGIN_DECLS
DIR *opendir(const char *path);
struct dirent *readdir(DIR *d);
int closedir(DIR *d);
__END_DECLS
#endif
