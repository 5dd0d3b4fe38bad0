/* Bringing the network up at start, as the original MenuOS's init did before its first prompt:
 * the kernel boots with lo down (as Linux does) and the shell configures it through socket
 * ioctls. Three sockets, one per step, so a student with `break sys_socketcall` and
 * `break __sys_socket` sees three socket() calls (call = 1) before the prompt, as the lab
 * describes: set lo's address and netmask, bring lo up, list the interfaces. */
#include "shell.h"

#include <arpa/inet.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

/* An ifreq for NAME, address field set to ADDR when ADDR is not NULL. */
static void ifreq_init(struct ifreq *ifr, const char *name, const char *addr)
{
	memset(ifr, 0, sizeof(*ifr));
	strncpy(ifr->ifr_name, name, IFNAMSIZ - 1);
	if (addr) {
		struct sockaddr_in *sin = (struct sockaddr_in *)&ifr->ifr_addr;
		sin->sin_family = AF_INET;
		inet_pton(AF_INET, addr, &sin->sin_addr);
	}
}

/* One step on a socket of its own; prints what failed and returns -1 then. */
static int on_new_socket(const char *what, int (*step)(int fd))
{
	int fd = socket(AF_INET, SOCK_DGRAM, 0);
	if (fd < 0) {
		perror("netif: socket");
		return -1;
	}
	int err = step(fd);
	if (err < 0)
		perror(what);
	close(fd);
	return err;
}

static int set_lo_address(int fd)
{
	struct ifreq ifr;
	ifreq_init(&ifr, "lo", "127.0.0.1");
	if (ioctl(fd, SIOCSIFADDR, &ifr) < 0)
		return -1;
	ifreq_init(&ifr, "lo", "255.0.0.0");
	return ioctl(fd, SIOCSIFNETMASK, &ifr);
}

static int set_lo_up(int fd)
{
	struct ifreq ifr;
	ifreq_init(&ifr, "lo", NULL);
	if (ioctl(fd, SIOCGIFFLAGS, &ifr) < 0)
		return -1;
	ifr.ifr_flags |= IFF_UP | IFF_RUNNING;
	return ioctl(fd, SIOCSIFFLAGS, &ifr);
}

static int list_interfaces(int fd)
{
	struct ifreq reqs[4];
	struct ifconf ifc;
	ifc.ifc_len = sizeof(reqs);
	ifc.ifc_req = reqs;
	if (ioctl(fd, SIOCGIFCONF, &ifc) < 0)
		return -1;
	printf("Network interfaces:");
	for (unsigned i = 0; i < ifc.ifc_len / sizeof(struct ifreq); i++) {
		char addr[INET_ADDRSTRLEN];
		const struct sockaddr_in *sin = (const struct sockaddr_in *)&reqs[i].ifr_addr;
		inet_ntop(AF_INET, &sin->sin_addr, addr, sizeof(addr));
		printf(" %s %s", reqs[i].ifr_name, addr);
	}
	printf("\n");
	return 0;
}

int BringUpNetInterface(void)
{
	if (on_new_socket("netif: lo address", set_lo_address) < 0 ||
	    on_new_socket("netif: lo up", set_lo_up) < 0)
		return -1;
	return on_new_socket("netif: interfaces", list_interfaces);
}
