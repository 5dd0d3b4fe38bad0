// udpecho server [PORT] | udpecho client [PORT] [MESSAGE] | udpecho demo: a UDP echo on
// 127.0.0.1. The server answers every datagram with the same bytes; the client sends one and
// prints the reply and who sent it; demo forks a server, runs the client, stops the server.
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char *argv[])
{
    if (argc >= 2 && !strcmp(argv[1], "demo")) {
        fflush(stdout);
        pid_t server = fork();
        if (server == 0) {
            char *args[] = {argv[0], (char *)"server", nullptr};
            return main(2, args);
        }
        usleep(100000); /* let the server bind */
        char *args[] = {argv[0], (char *)"client", (char *)"7007", (char *)"hello over udp", nullptr};
        int r = main(4, args);
        kill(server, SIGTERM);
        waitpid(server, nullptr, 0);
        return r;
    }
    if (argc < 2 || (strcmp(argv[1], "server") && strcmp(argv[1], "client"))) {
        printf("usage: udpecho server [PORT] | udpecho client [PORT] [MESSAGE] | udpecho demo\n");
        return 2;
    }
    unsigned short port = (unsigned short)(argc > 2 ? atoi(argv[2]) : 7007);
    struct sockaddr_in a;
    memset(&a, 0, sizeof(a));
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    if (fd < 0) {
        printf("udpecho: socket: %s\n", strerror(errno));
        return 1;
    }
    char buf[1500];
    if (!strcmp(argv[1], "server")) {
        if (bind(fd, (struct sockaddr *)&a, sizeof(a)) < 0) {
            printf("udpecho: bind: %s\n", strerror(errno));
            return 1;
        }
        printf("udpecho: serving on 127.0.0.1:%u\n", port);
        fflush(stdout);
        for (;;) {
            struct sockaddr_in from;
            socklen_t len = sizeof(from);
            ssize_t n = recvfrom(fd, buf, sizeof(buf), 0, (struct sockaddr *)&from, &len);
            if (n < 0)
                continue;
            sendto(fd, buf, (size_t)n, 0, (struct sockaddr *)&from, len);
        }
    }
    const char *msg = argc > 3 ? argv[3] : "echo me";
    if (sendto(fd, msg, strlen(msg), 0, (struct sockaddr *)&a, sizeof(a)) < 0) {
        printf("udpecho: sendto: %s\n", strerror(errno));
        return 1;
    }
    struct pollfd p = {fd, POLLIN, 0};
    if (poll(&p, 1, 2000) <= 0) {
        printf("udpecho: no reply within 2 s\n");
        return 1;
    }
    struct sockaddr_in from;
    socklen_t len = sizeof(from);
    ssize_t n = recvfrom(fd, buf, sizeof(buf) - 1, 0, (struct sockaddr *)&from, &len);
    if (n < 0) {
        printf("udpecho: recvfrom: %s\n", strerror(errno));
        return 1;
    }
    buf[n] = '\0';
    printf("reply \"%s\" from %s:%u\n", buf, inet_ntoa(from.sin_addr), ntohs(from.sin_port));
    return 0;
}
