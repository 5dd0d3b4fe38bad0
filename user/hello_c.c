/* hello_c: a plain C11 program against MenuOS libc, to show the headers serve C students:
 * it prints a greeting, then tries a TCP connection to 127.0.0.1:5001 (replyhi's port) and
 * reports what happened with the real errno text. */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char *argv[])
{
    printf("hello from C (%s, %d argument%s)\n", argv[0], argc - 1, argc == 2 ? "" : "s");
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) {
        printf("socket: %s\n", strerror(errno));
        return 1;
    }
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof(addr));
    addr.sin_family = AF_INET;
    addr.sin_port = htons(5001);
    addr.sin_addr.s_addr = inet_addr("127.0.0.1");
    if (connect(fd, (struct sockaddr *)&addr, sizeof(addr)) < 0)
        printf("connect to 127.0.0.1:5001: %s\n", strerror(errno));
    else
        printf("connected to 127.0.0.1:5001\n");
    close(fd);
    return 0;
}
