/* Commands that make processes: exec (fork + execve + waitpid, as a shell does) and fork (the
 * bare fork demonstration), plus the reaping every shell owes its children.
 * Next: net_cmds.cpp, whose server is such a child. */
#include "shell.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern "C" char **environ;

/* Linux i386 signal numbers (arch/x86/include/uapi/asm/signal.h). */
static const char *const signal_names[32] = {
	nullptr,   "SIGHUP",  "SIGINT",    "SIGQUIT", "SIGILL",    "SIGTRAP", "SIGABRT",  "SIGBUS",
	"SIGFPE",  "SIGKILL", "SIGUSR1",   "SIGSEGV", "SIGUSR2",   "SIGPIPE", "SIGALRM",  "SIGTERM",
	"SIGSTKFLT", "SIGCHLD", "SIGCONT", "SIGSTOP", "SIGTSTP",   "SIGTTIN", "SIGTTOU",  "SIGURG",
	"SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH",  "SIGIO",   "SIGPWR",   "SIGSYS",
};

const char *signal_name(int sig)
{
	if (sig > 0 && sig < 32)
		return signal_names[sig];
	return "unknown";
}

void report_status(const char *who, int status)
{
	if (WIFEXITED(status)) {
		if (WEXITSTATUS(status) != 0)
			printf("%s: exited with status %d\n", who, WEXITSTATUS(status));
	} else if (WIFSIGNALED(status)) {
		printf("%s: killed by signal %d (%s)\n", who, WTERMSIG(status),
		       signal_name(WTERMSIG(status)));
	} else {
		printf("%s: stopped (status 0x%x)\n", who, status);
	}
}

void reap_children(void)
{
	int status;
	pid_t pid;
	while ((pid = waitpid(-1, &status, WNOHANG)) > 0)
		replyhi_reaped(pid, status);
}

/* Waits for one child, retrying if a signal interrupts the wait. */
static int wait_child(pid_t pid, int *status)
{
	pid_t r;
	do {
		r = waitpid(pid, status, 0);
	} while (r < 0 && errno == EINTR);
	return r < 0 ? -1 : 0;
}

int cmd_exec(int argc, char *argv[])
{
	if (argc < 2) {
		printf("usage: exec PROGRAM [ARGS...]   (PROGRAM without '/' is looked up in /bin)\n");
		return 1;
	}
	char path[256];
	if (strchr(argv[1], '/'))
		snprintf(path, sizeof(path), "%s", argv[1]);
	else
		snprintf(path, sizeof(path), "/bin/%s", argv[1]);

	/* Catch the common mistakes before forking, so the message is the only output. */
	struct stat st;
	if (stat(path, &st) < 0) {
		printf("exec: %s: %s\n", path, strerror(errno));
		return 1;
	}
	if (S_ISDIR(st.st_mode)) {
		printf("exec: %s: %s\n", path, strerror(EACCES)); /* what execve says for a directory */
		return 1;
	}

	fflush(stdout); /* or the child inherits our unwritten output and prints it twice */
	pid_t pid = fork();
	if (pid < 0) {
		print_errno("exec: fork");
		return 1;
	}
	if (pid == 0) {
		/* Its own process group, which the shell makes the terminal's foreground group:
		 * Ctrl-C then interrupts the program and its children, never the shell. */
		setpgid(0, 0);
		execve(path, &argv[1], environ);
		printf("exec: %s: %s\n", path, strerror(errno));
		fflush(stdout);
		_exit(127);
	}
	setpgid(pid, pid); /* also here: whichever of the two runs first wins the race */
	tcsetpgrp(STDIN_FILENO, pid);
	int status;
	int r = wait_child(pid, &status);
	tcsetpgrp(STDIN_FILENO, getpgrp());
	if (r < 0) {
		print_errno("exec: waitpid");
		return 1;
	}
	report_status(argv[1], status);
	return status == 0 ? 0 : 1;
}

int run_program(const char *name, int argc, char *argv[])
{
	char *args[MENU_MAX_ARGS + 2];
	args[0] = (char *)"exec";
	args[1] = (char *)name;
	int n = 2;
	for (int i = 1; i < argc && n < MENU_MAX_ARGS + 1; i++)
		args[n++] = argv[i];
	args[n] = nullptr;
	return cmd_exec(n, args);
}

int cmd_fork(int, char *[])
{
	fflush(stdout);
	pid_t parent = getpid();
	pid_t pid = fork();
	if (pid < 0) {
		print_errno("fork");
		return 1;
	}
	if (pid == 0) {
		/* fork() returned 0: this is the copy. */
		printf("This is the child process: pid %d, parent %d\n", getpid(), getppid());
		fflush(stdout);
		_exit(0);
	}
	/* Waiting first keeps the two lines in a fixed order. */
	int status;
	if (wait_child(pid, &status) < 0) {
		print_errno("fork: waitpid");
		return 1;
	}
	printf("This is the parent process: pid %d, fork returned %d, child ", parent, pid);
	if (WIFEXITED(status))
		printf("exited with status %d\n", WEXITSTATUS(status));
	else
		printf("killed by signal %d (%s)\n", WTERMSIG(status), signal_name(WTERMSIG(status)));
	return 0;
}
