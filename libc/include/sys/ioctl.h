#ifndef _SYS_IOCTL_H
#define _SYS_IOCTL_H
#include <sys/cdefs.h>
#define TCGETS 0x5401
#define TCSETS 0x5402
#define TIOCGPGRP 0x540F
#define TIOCSPGRP 0x5410
#define TIOCGWINSZ 0x5413
#define FIONREAD 0x541B
#define FIONBIO 0x5421
struct winsize {
    unsigned short ws_row, ws_col, ws_xpixel, ws_ypixel;
};
__BEGIN_DECLS
int ioctl(int fd, unsigned long request, ...);
__END_DECLS
#endif
