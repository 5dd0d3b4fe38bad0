/* poll, select and directory reading. */
#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <unistd.h>
#include "syscall.h"

struct __dirstream {
    int fd;
    int pos, len;
    char buf[2048];
    struct dirent ent;
};

extern "C" {

int poll(struct pollfd *fds, nfds_t n, int timeout) { return (int)SYSCALL(__NR_poll, (long)fds, (long)n, timeout); }

int select(int nfds, fd_set *r, fd_set *w, fd_set *e, struct timeval *tv)
{
    return (int)SYSCALL(__NR__newselect, nfds, (long)r, (long)w, (long)e, (long)tv);
}

DIR *opendir(const char *path)
{
    int fd = open(path, O_RDONLY | O_DIRECTORY);
    if (fd < 0)
        return nullptr;
    DIR *d = (DIR *)malloc(sizeof(DIR));
    if (!d) {
        close(fd);
        errno = ENOMEM;
        return nullptr;
    }
    d->fd = fd;
    d->pos = d->len = 0;
    return d;
}

/* struct linux_dirent: ino, off, reclen, name..., then the type in the record's last byte. */
struct dirent *readdir(DIR *d)
{
    if (d->pos >= d->len) {
        long n = SYSCALL(__NR_getdents, d->fd, (long)d->buf, (long)sizeof(d->buf));
        if (n <= 0)
            return nullptr;
        d->len = (int)n;
        d->pos = 0;
    }
    char *rec = d->buf + d->pos;
    unsigned short reclen;
    memcpy(&reclen, rec + 8, 2);
    memcpy(&d->ent.d_ino, rec, 4);
    memcpy(&d->ent.d_off, rec + 4, 4);
    d->ent.d_reclen = reclen;
    d->ent.d_type = (unsigned char)rec[reclen - 1];
    size_t namelen = strnlen(rec + 10, reclen - 10);
    if (namelen >= sizeof(d->ent.d_name))
        namelen = sizeof(d->ent.d_name) - 1;
    memcpy(d->ent.d_name, rec + 10, namelen);
    d->ent.d_name[namelen] = '\0';
    d->pos += reclen;
    return &d->ent;
}

int closedir(DIR *d)
{
    int r = close(d->fd);
    free(d);
    return r;
}

} // extern "C"
