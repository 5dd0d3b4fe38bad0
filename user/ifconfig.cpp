// ifconfig: shows and configures an interface through socket ioctls (SIOCGIFFLAGS,
// SIOCSIFADDR...), as Linux's net-tools do; the packet counters come from /proc/net/dev.
//   ifconfig [lo]                  show lo
//   ifconfig lo up|down            bring it up or down (down: no route, connect gets ENETUNREACH)
//   ifconfig lo ADDR [netmask M]   set the address (127.0.0.0/8) and the netmask
//   ifconfig lo netmask M | mtu N  set the netmask or the MTU
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

static int sock_fd;

static int ifr_call(unsigned long req, const char *name, struct ifreq *ifr)
{
	if (ifr->ifr_name[0] == '\0')
		strncpy(ifr->ifr_name, name, IFNAMSIZ - 1);
	return ioctl(sock_fd, req, ifr);
}

static const char *addr_of(const struct sockaddr *sa, char *buf)
{
	return inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr, buf, INET_ADDRSTRLEN);
}

/* The eight counters of NAME's line in /proc/net/dev; 0 when it cannot be read. */
static int read_counters(const char *name, unsigned long long v[8])
{
	char text[2048];
	int fd = open("/proc/net/dev", O_RDONLY);
	if (fd < 0)
		return -1;
	ssize_t n = read(fd, text, sizeof(text) - 1);
	close(fd);
	if (n <= 0)
		return -1;
	text[n] = '\0';
	char key[IFNAMSIZ + 2];
	snprintf(key, sizeof(key), "%s:", name);
	char *p = strstr(text, key);
	if (!p)
		return -1;
	p += strlen(key);
	for (int i = 0; i < 8; i++)
		v[i] = strtoull(p, &p, 10);
	return 0;
}

static int show(const char *name)
{
	struct ifreq ifr;
	char a[INET_ADDRSTRLEN], m[INET_ADDRSTRLEN];
	memset(&ifr, 0, sizeof(ifr));
	if (ifr_call(SIOCGIFFLAGS, name, &ifr) < 0) {
		fprintf(stderr, "ifconfig: %s: %s\n", name, strerror(errno));
		return 1;
	}
	int flags = ifr.ifr_flags;
	ifr_call(SIOCGIFMTU, name, &ifr);
	int mtu = ifr.ifr_mtu;
	ifr_call(SIOCGIFADDR, name, &ifr);
	addr_of(&ifr.ifr_addr, a);
	ifr_call(SIOCGIFNETMASK, name, &ifr);
	addr_of(&ifr.ifr_netmask, m);
	printf("%s: flags=%d<%s%s%s>  mtu %d\n", name, flags, (flags & IFF_UP) ? "UP," : "",
	       (flags & IFF_LOOPBACK) ? "LOOPBACK" : "", (flags & IFF_RUNNING) ? ",RUNNING" : "", mtu);
	printf("        inet %s  netmask %s\n", a, m);
	unsigned long long v[8] = {0};
	read_counters(name, v);
	printf("        RX packets %llu  bytes %llu\n", v[1], v[0]);
	printf("        RX errors %llu  dropped %llu\n", v[2], v[3]);
	printf("        TX packets %llu  bytes %llu\n", v[5], v[4]);
	printf("        TX errors %llu  dropped %llu\n", v[6], v[7]);
	return 0;
}

static int set_addr(const char *name, unsigned long req, const char *text)
{
	struct ifreq ifr;
	memset(&ifr, 0, sizeof(ifr));
	struct sockaddr_in *sin = (struct sockaddr_in *)&ifr.ifr_addr;
	sin->sin_family = AF_INET;
	if (inet_pton(AF_INET, text, &sin->sin_addr) != 1) {
		fprintf(stderr, "ifconfig: %s: not an IPv4 address\n", text);
		return 1;
	}
	if (ifr_call(req, name, &ifr) < 0) {
		fprintf(stderr, "ifconfig: %s %s: %s\n", name, text, strerror(errno));
		return 1;
	}
	return 0;
}

static int set_flag_up(const char *name, int up)
{
	struct ifreq ifr;
	memset(&ifr, 0, sizeof(ifr));
	if (ifr_call(SIOCGIFFLAGS, name, &ifr) < 0 ||
	    (ifr.ifr_flags = (short)(up ? ifr.ifr_flags | IFF_UP : ifr.ifr_flags & ~IFF_UP),
	     ifr_call(SIOCSIFFLAGS, name, &ifr) < 0)) {
		fprintf(stderr, "ifconfig: %s: %s\n", name, strerror(errno));
		return 1;
	}
	return 0;
}

static int set_mtu(const char *name, const char *text)
{
	struct ifreq ifr;
	memset(&ifr, 0, sizeof(ifr));
	char *end;
	long v = strtol(text, &end, 10);
	if (*text == '\0' || *end != '\0') {
		fprintf(stderr, "ifconfig: mtu %s: not a number\n", text);
		return 1;
	}
	ifr.ifr_mtu = (int)v;
	if (ifr_call(SIOCSIFMTU, name, &ifr) < 0) {
		fprintf(stderr, "ifconfig: %s mtu %s: %s\n", name, text, strerror(errno));
		return 1;
	}
	return 0;
}

int main(int argc, char *argv[])
{
	sock_fd = socket(AF_INET, SOCK_DGRAM, 0);
	if (sock_fd < 0) {
		perror("ifconfig: socket");
		return 1;
	}
	const char *name = argc > 1 ? argv[1] : "lo";
	if (argc <= 2)
		return show(name);
	for (int i = 2; i < argc; i++) {
		const char *w = argv[i];
		int err;
		if (strcmp(w, "up") == 0 || strcmp(w, "down") == 0)
			err = set_flag_up(name, w[0] == 'u');
		else if (strcmp(w, "netmask") == 0 || strcmp(w, "mtu") == 0) {
			if (i + 1 >= argc) {
				fprintf(stderr, "ifconfig: %s needs a value\n", w);
				return 1;
			}
			err = w[0] == 'n' ? set_addr(name, SIOCSIFNETMASK, argv[++i]) : set_mtu(name, argv[++i]);
		} else
			err = set_addr(name, SIOCSIFADDR, w);
		if (err)
			return err;
	}
	return 0;
}
