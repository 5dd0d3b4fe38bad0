#ifndef _SYS_UN_H
#define _SYS_UN_H
#include <sys/socket.h>
#include "uapi/un.h"
#endif
