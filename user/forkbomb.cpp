/* forkbomb [MAX]: forks until fork fails (or MAX children exist), then lets every child go and
 * reaps them all. The kernel must refuse a fork cleanly (EAGAIN or ENOMEM), never crash, and
 * give back every task and page afterwards. Prints "fork failed: ERR after N forks", "reaped N".
 *
 * The children must stay alive while the parent keeps forking, or the kernel could reuse their
 * slots and the loop would never end. They wait for end-of-file on a socket pair whose other
 * end only the parent holds: when the parent closes it, all of them wake and exit. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char *argv[])
{
	long max = argc > 1 ? atol(argv[1]) : -1; /* a cap, for trying it on a host */
	int sv[2];
	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) < 0) {
		printf("forkbomb: socketpair: %s\n", strerror(errno));
		return 2;
	}
	fflush(stdout);

	long forks = 0;
	int fork_errno = 0;
	for (;;) {
		if (max >= 0 && forks == max)
			break;
		pid_t pid = fork();
		if (pid < 0) {
			fork_errno = errno;
			break;
		}
		if (pid == 0) {
			close(sv[0]);
			char c;
			while (read(sv[1], &c, 1) < 0 && errno == EINTR)
				;
			_exit(0);
		}
		forks++;
	}
	if (fork_errno)
		printf("fork failed: %s after %ld forks\n", strerror(fork_errno), forks);
	else
		printf("stopped at the limit after %ld forks\n", forks);
	fflush(stdout);

	close(sv[0]); /* the children's read returns 0 once no copy of this end is left */
	close(sv[1]);
	long reaped = 0, bad = 0;
	int status;
	pid_t pid;
	while ((pid = waitpid(-1, &status, 0)) > 0 || errno == EINTR) {
		if (pid < 0)
			continue;
		reaped++;
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
			bad++;
	}
	printf("reaped %ld\n", reaped);
	if (bad)
		printf("forkbomb: %ld children ended abnormally\n", bad);
	return reaped == forks && bad == 0 ? 0 : 1;
}
