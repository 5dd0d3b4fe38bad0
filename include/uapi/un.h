/* AF_UNIX addresses (include/uapi/linux/un.h). */
#ifndef _UAPI_UN_H
#define _UAPI_UN_H
#include "uapi/socket.h"

#define UNIX_PATH_MAX 108

struct sockaddr_un {
    sa_family_t sun_family;
    char sun_path[UNIX_PATH_MAX];
};

#ifdef __cplusplus
static_assert(sizeof(struct sockaddr_un) == 110, "sockaddr_un is 110 bytes");
#endif
#endif
