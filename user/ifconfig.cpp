// ifconfig: the loopback device's address, flags and counters (from /proc/net/dev), laid out
// like Linux's ifconfig.
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
    int fd = open("/proc/net/dev", O_RDONLY);
    if (fd < 0) {
        perror("ifconfig: /proc/net/dev");
        return 1;
    }
    char text[2048];
    ssize_t n = read(fd, text, sizeof(text) - 1);
    close(fd);
    if (n <= 0)
        return 1;
    text[n] = '\0';
    /* "   lo: rxbytes rxpackets rxerrs rxdrop txbytes txpackets txerrs txdrop"
     * "# lo inet A netmask M mtu N flags UP LOOPBACK RUNNING" */
    char *stats = strstr(text, "lo:");
    char *info = strstr(text, "# lo ");
    if (!stats || !info) {
        printf("ifconfig: unexpected /proc/net/dev contents\n");
        return 1;
    }
    char *p = stats + 3;
    unsigned long long v[8];
    for (int i = 0; i < 8; i++)
        v[i] = strtoull(p, &p, 10);
    char *eol = strchr(info, '\n');
    if (eol)
        *eol = '\0';
    char *inet = strstr(info, "inet ");
    char *mask = strstr(info, "netmask ");
    char *mtu = strstr(info, "mtu ");
    char *flags = strstr(info, "flags");
    if (!inet || !mask || !mtu || !flags) {
        printf("ifconfig: unexpected /proc/net/dev contents\n");
        return 1;
    }
    inet[strcspn(inet + 5, " ") + 5] = '\0';
    mask[strcspn(mask + 8, " ") + 8] = '\0';
    mtu[strcspn(mtu + 4, " ") + 4] = '\0';
    printf("lo: flags=<%s>  mtu %s\n", flags + 6, mtu + 4);
    printf("        inet %s  netmask %s\n", inet + 5, mask + 8);
    printf("        RX packets %llu  bytes %llu\n", v[1], v[0]);
    printf("        RX errors %llu  dropped %llu\n", v[2], v[3]);
    printf("        TX packets %llu  bytes %llu\n", v[5], v[4]);
    printf("        TX errors %llu  dropped %llu\n", v[6], v[7]);
    return 0;
}
