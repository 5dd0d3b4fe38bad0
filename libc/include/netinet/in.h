#ifndef _NETINET_IN_H
#define _NETINET_IN_H
#include <sys/cdefs.h>
#include <stdint.h>
#include <sys/socket.h>
#include "uapi/in.h"
__BEGIN_DECLS
uint32_t htonl(uint32_t x);
uint16_t htons(uint16_t x);
uint32_t ntohl(uint32_t x);
uint16_t ntohs(uint16_t x);
__END_DECLS
#endif
