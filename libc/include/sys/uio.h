#ifndef _SYS_UIO_H
#define _SYS_UIO_H
#include "uapi/socket.h"
#endif
