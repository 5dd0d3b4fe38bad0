#ifndef _NET_IF_H
#define _NET_IF_H
#include <sys/socket.h>
#include "uapi/if.h"
#endif
