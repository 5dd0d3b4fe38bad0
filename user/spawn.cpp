/* spawn [N [PROGRAM]]: forks and execs PROGRAM (default /bin/true) N times (default 200), one
 * after another, waiting for each. Shows that exec and exit give back every page and task:
 * a leak makes a later fork or exec fail. Prints "spawned N ok" or the first failure. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern "C" char **environ;

int main(int argc, char *argv[])
{
	long n = argc > 1 ? atol(argv[1]) : 200;
	const char *prog = argc > 2 ? argv[2] : "/bin/true";
	char *child_argv[] = { (char *)prog, nullptr };

	fflush(stdout);
	for (long i = 0; i < n; i++) {
		pid_t pid = fork();
		if (pid < 0) {
			printf("spawn: fork %ld: %s\n", i + 1, strerror(errno));
			return 1;
		}
		if (pid == 0) {
			execve(prog, child_argv, environ);
			printf("spawn: exec %s: %s\n", prog, strerror(errno));
			fflush(stdout);
			_exit(127);
		}
		int status;
		pid_t r;
		while ((r = waitpid(pid, &status, 0)) < 0 && errno == EINTR)
			;
		if (r < 0) {
			printf("spawn: waitpid %ld: %s\n", i + 1, strerror(errno));
			return 1;
		}
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
			printf("spawn: run %ld of %s ended with status 0x%x\n", i + 1, prog, status);
			return 1;
		}
	}
	printf("spawned %ld ok\n", n);
	return 0;
}
