/* bindlab: the lab's AF_UNIX example. Binds a stream socket to the path /somepath, listens
 * with a backlog of 50, then connects to itself once and accepts, so the whole path
 * socket -> bind -> listen -> connect -> accept can be followed in gdb (break __sys_bind). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#define LAB_PATH "/somepath"
#define LAB_BACKLOG 50

static void fail(const char *what)
{
	perror(what);
	exit(1);
}

int main(void)
{
	struct sockaddr_un addr;
	int server = socket(AF_UNIX, SOCK_STREAM, 0);
	if (server < 0)
		fail("socket");

	memset(&addr, 0, sizeof(addr));
	addr.sun_family = AF_UNIX;
	strncpy(addr.sun_path, LAB_PATH, sizeof(addr.sun_path) - 1);
	unlink(LAB_PATH); /* a name left by an earlier run would make bind fail with EADDRINUSE */
	if (bind(server, (struct sockaddr *)&addr, sizeof(addr)) < 0)
		fail("bind");
	if (listen(server, LAB_BACKLOG) < 0)
		fail("listen");

	int client = socket(AF_UNIX, SOCK_STREAM, 0);
	if (client < 0)
		fail("socket");
	if (connect(client, (struct sockaddr *)&addr, sizeof(addr)) < 0)
		fail("connect");

	struct sockaddr_un peer;
	socklen_t peer_len = sizeof(peer);
	int conn = accept(server, (struct sockaddr *)&peer, &peer_len);
	if (conn < 0)
		fail("accept");

	char buf[16] = {0};
	if (write(client, "hello", 5) != 5 || read(conn, buf, sizeof(buf) - 1) != 5)
		fail("echo");
	printf("bindlab: bound %s, backlog %d, got \"%s\" over the connection\n", LAB_PATH, LAB_BACKLOG, buf);
	close(conn);
	close(client);
	close(server);
	unlink(LAB_PATH);
	return 0;
}
