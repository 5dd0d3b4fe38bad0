#ifndef _ARPA_INET_H
#define _ARPA_INET_H
#include <sys/cdefs.h>
#include <netinet/in.h>
__BEGIN_DECLS
in_addr_t inet_addr(const char *cp);
int inet_aton(const char *cp, struct in_addr *inp);
char *inet_ntoa(struct in_addr in);
int inet_pton(int af, const char *__restrict src, void *__restrict dst);
const char *inet_ntop(int af, const void *__restrict src, char *__restrict dst, socklen_t size);
__END_DECLS
#endif
