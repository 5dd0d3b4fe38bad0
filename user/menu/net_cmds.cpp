/* replyhi and hello: the lab's TCP server and client. Each socket call is a plain libc call,
 * so a breakpoint on __sys_socket, __sys_bind, ... in the kernel fires in the seed's order:
 * server socket, bind, listen, accept, recv, send, close; client socket, connect, send, recv,
 * close. Unlike the original, the server child never returns into the menu loop. */
#include "shell.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef MSG_NOSIGNAL
#define MSG_NOSIGNAL 0
#endif

#define LAB_ADDR "127.0.0.1"
#define LAB_PORT 5001
#define LAB_BUF_LEN 1024
#define LAB_BACKLOG 1024

static pid_t server_pid; /* the running replyhi child, 0 if none */

void replyhi_reaped(pid_t pid, int status)
{
	if (pid != server_pid)
		return;
	server_pid = 0;
	/* A server that failed has said why itself; only a death by signal needs a word. */
	if (WIFSIGNALED(status))
		report_status("replyhi", status);
}

/* Parses a port in 1..65535; returns 0 if the text is not one. */
static unsigned short parse_port(const char *s)
{
	char *end;
	long v = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || v < 1 || v > 65535)
		return 0;
	return (unsigned short)v;
}

/* "IP:PORT" of an IPv4 socket address, into buf. */
static const char *addr_text(const struct sockaddr_in *a, char *buf, size_t size)
{
	char ip[INET_ADDRSTRLEN];
	if (!inet_ntop(AF_INET, &a->sin_addr, ip, sizeof(ip)))
		snprintf(ip, sizeof(ip), "?");
	snprintf(buf, size, "%s:%u", ip, (unsigned)ntohs(a->sin_port));
	return buf;
}

/* Prints received bytes as text, escaping what a terminal would act on. */
static void print_message(const char *msg, int len)
{
	for (int i = 0; i < len; i++) {
		unsigned char c = (unsigned char)msg[i];
		if (c < 0x20 || c == 0x7f || c == '"' || c == '\\')
			printf(c == '"' || c == '\\' ? "\\%c" : "\\x%02x", c);
		else
			putchar(c);
	}
}

/* The server's way out: the error, then exit. Never return into the menu. */
[[noreturn]] static void server_fail(const char *what)
{
	print_errno(what);
	fflush(stdout);
	_exit(1);
}

/* ready_fd: the write end of a pipe to the shell; one byte on it says "listening". */
[[noreturn]] static void replyhi_serve(unsigned short port, int ready_fd)
{
	int sfd = socket(AF_INET, SOCK_STREAM, 0);
	if (sfd < 0)
		server_fail("replyhi: socket");

	/* A port whose last connection sits in TIME_WAIT can be bound again at once. */
	int one = 1;
	if (setsockopt(sfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) < 0)
		server_fail("replyhi: setsockopt SO_REUSEADDR");

	struct sockaddr_in addr;
	memset(&addr, 0, sizeof(addr));
	addr.sin_family = AF_INET;
	addr.sin_port = htons(port);
	inet_pton(AF_INET, LAB_ADDR, &addr.sin_addr);
	if (bind(sfd, (struct sockaddr *)&addr, sizeof(addr)) < 0) {
		char what[64];
		snprintf(what, sizeof(what), "replyhi: bind %s:%u", LAB_ADDR, (unsigned)port);
		server_fail(what);
	}
	if (listen(sfd, LAB_BACKLOG) < 0)
		server_fail("replyhi: listen");
	/* Now a client can connect: let the shell print its prompt. */
	write(ready_fd, "L", 1);
	close(ready_fd);

	for (;;) {
		struct sockaddr_in peer;
		socklen_t peer_len = sizeof(peer);
		int cfd = accept(sfd, (struct sockaddr *)&peer, &peer_len);
		if (cfd < 0) {
			if (errno == EINTR)
				continue;
			server_fail("replyhi: accept");
		}
		char who[32];
		addr_text(&peer, who, sizeof(who));

		char buf[LAB_BUF_LEN];
		int n = recv(cfd, buf, sizeof(buf), 0);
		/* A client that resets or hangs up hurts only its own connection, not the server. */
		if (n < 0) {
			print_errno("replyhi: recv");
		} else if (n == 0) {
			printf("replyhi: %s closed without sending\n", who);
		} else {
			printf("recv \"");
			print_message(buf, n);
			printf("\" from %s\n", who);
			fflush(stdout); /* before the reply, so this line precedes the client's */
			if (send(cfd, "hi", 2, MSG_NOSIGNAL) < 0)
				print_errno("replyhi: send");
		}
		fflush(stdout);
		close(cfd);
	}
}

int cmd_replyhi(int argc, char *argv[])
{
	unsigned short port = LAB_PORT;
	if (argc > 1 && !(port = parse_port(argv[1]))) {
		printf("usage: replyhi [PORT]   (PORT 1-65535, default %d)\n", LAB_PORT);
		return 1;
	}
	reap_children(); /* a server that died since the last prompt is not running */
	if (server_pid > 0) {
		printf("replyhi: already running (pid %d)\n", server_pid);
		return 1;
	}
	/* The prompt comes back once the server listens, so a `hello` typed at once is never
	 * refused. The pipe tells: a byte when it listens, end of file if it failed first. */
	int ready[2];
	if (pipe(ready) < 0) {
		print_errno("replyhi: pipe");
		return 1;
	}
	fflush(stdout);
	pid_t pid = fork();
	if (pid < 0) {
		print_errno("replyhi: fork");
		close(ready[0]);
		close(ready[1]);
		return 1;
	}
	if (pid == 0) {
		setpgid(0, 0); /* a background job: Ctrl-C at the prompt must not stop the server */
		close(ready[0]);
		replyhi_serve(port, ready[1]);
	}
	close(ready[1]);
	char c;
	ssize_t n;
	while ((n = read(ready[0], &c, 1)) < 0 && errno == EINTR)
		;
	close(ready[0]);
	server_pid = pid;
	if (n != 1)
		return 1; /* the server said why it stopped; reap_children collects it */
	printf("Please input hello...\n");
	return 0;
}

int cmd_hello(int argc, char *argv[])
{
	const char *host = argc > 1 ? argv[1] : LAB_ADDR;
	unsigned short port = LAB_PORT;
	if (argc > 2 && !(port = parse_port(argv[2]))) {
		printf("usage: hello [HOST [PORT [MESSAGE...]]]\n");
		return 1;
	}
	/* The rest of the line is the message, so it may contain spaces. */
	char msg[LAB_BUF_LEN];
	snprintf(msg, sizeof(msg), "hello");
	if (argc > 3) {
		size_t used = 0;
		msg[0] = '\0';
		for (int i = 3; i < argc && used < sizeof(msg) - 1; i++)
			used += snprintf(msg + used, sizeof(msg) - used, "%s%s", i > 3 ? " " : "",
					 argv[i]);
		if (used >= sizeof(msg))
			used = sizeof(msg) - 1;
	}

	struct sockaddr_in addr;
	memset(&addr, 0, sizeof(addr));
	addr.sin_family = AF_INET;
	addr.sin_port = htons(port);
	if (strcmp(host, "localhost") == 0)
		host = LAB_ADDR; /* no resolver: the one name everybody expects */
	if (inet_pton(AF_INET, host, &addr.sin_addr) != 1) {
		printf("hello: '%s' is not an IPv4 address (a.b.c.d)\n", host);
		return 1;
	}

	int fd = socket(AF_INET, SOCK_STREAM, 0);
	if (fd < 0) {
		print_errno("hello: socket");
		return 1;
	}
	int ret = 1;
	struct sockaddr_in peer;
	socklen_t peer_len = sizeof(peer);
	char who[32], buf[LAB_BUF_LEN];
	int n;
	if (connect(fd, (struct sockaddr *)&addr, sizeof(addr)) < 0) {
		print_errno("hello: connect");
		goto out;
	}
	/* Report the address the kernel says we are connected to, not the one we asked for. */
	if (getpeername(fd, (struct sockaddr *)&peer, &peer_len) < 0) {
		print_errno("hello: getpeername");
		goto out;
	}
	addr_text(&peer, who, sizeof(who));

	/* Said before sending, so the server's "recv" line cannot come first. */
	printf("send \"");
	print_message(msg, (int)strlen(msg));
	printf("\" to %s\n", who);
	fflush(stdout);
	if (send(fd, msg, strlen(msg), MSG_NOSIGNAL) < 0) {
		print_errno("hello: send");
		goto out;
	}
	n = recv(fd, buf, sizeof(buf), 0);
	if (n < 0) {
		print_errno("hello: recv");
		goto out;
	}
	if (n == 0) {
		printf("hello: %s closed the connection without a reply\n", who);
		goto out;
	}
	printf("recv \"");
	print_message(buf, n);
	printf("\" from %s\n", who);
	ret = 0;
out:
	close(fd);
	return ret;
}
