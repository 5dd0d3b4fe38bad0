// netstat [-t|-u|-x|-l]: the kernel's socket table (/proc/net/sockets), like `ss -tan`:
// protocol, state, local and remote address, receive and send queues.
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char *argv[])
{
    const char *only = nullptr; /* "tcp", "udp", "unix" */
    bool listening = false;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-t"))
            only = "tcp";
        else if (!strcmp(argv[i], "-u"))
            only = "udp";
        else if (!strcmp(argv[i], "-x"))
            only = "unix";
        else if (!strcmp(argv[i], "-l"))
            listening = true;
        else {
            printf("usage: netstat [-t|-u|-x] [-l]\n");
            return 2;
        }
    }
    int fd = open("/proc/net/sockets", O_RDONLY);
    if (fd < 0) {
        perror("netstat: /proc/net/sockets");
        return 1;
    }
    static char text[65536];
    ssize_t len = 0, n;
    while ((n = read(fd, text + len, sizeof(text) - 1 - (size_t)len)) > 0)
        len += n;
    close(fd);
    text[len] = '\0';
    char *save;
    bool header = true;
    for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(nullptr, "\n", &save)) {
        if (!header) {
            if (only && strncmp(line, only, strlen(only)))
                continue;
            if (listening && !strstr(line, "LISTEN"))
                continue;
        }
        header = false;
        puts(line);
    }
    return 0;
}
