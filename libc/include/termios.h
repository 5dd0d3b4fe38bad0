#ifndef _TERMIOS_H
#define _TERMIOS_H
#include <sys/cdefs.h>
#include <sys/ioctl.h>
typedef unsigned int tcflag_t;
typedef unsigned char cc_t;
#define NCCS 19
struct termios {
    tcflag_t c_iflag, c_oflag, c_cflag, c_lflag;
    cc_t c_line;
    cc_t c_cc[NCCS];
};
#define ISIG 0000001
#define ICANON 0000002
#define ECHO 0000010
#define ICRNL 0000400
#define TCSANOW 0
__BEGIN_DECLS
int tcgetattr(int fd, struct termios *t);
int tcsetattr(int fd, int action, const struct termios *t);
__END_DECLS
#endif
