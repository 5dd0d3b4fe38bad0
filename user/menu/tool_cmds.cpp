/* Commands that switch kernel features through their /proc files (the system-call tracer, the
 * packet capture), show the kernel log, and run the network tools of /bin.
 * Next: proc_cmds.cpp (run_program). */
#include "shell.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Writes `value` to a /proc control file; prints the error if the kernel refuses it. */
static int write_proc(const char *path, const char *value)
{
	int fd = open(path, O_WRONLY);
	if (fd < 0) {
		printf("%s: %s\n", path, strerror(errno));
		return 1;
	}
	ssize_t n = write(fd, value, strlen(value));
	int err = errno;
	close(fd);
	if (n < 0) {
		printf("%s: %s\n", path, strerror(err));
		return 1;
	}
	return 0;
}

static int print_file(const char *path)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0) {
		printf("%s: %s\n", path, strerror(errno));
		return 1;
	}
	char buf[1024];
	ssize_t n;
	fflush(stdout);
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		write(STDOUT_FILENO, buf, (size_t)n);
	close(fd);
	return 0;
}

int cmd_trace(int argc, char *argv[])
{
	if (argc < 2) {
		printf("trace is ");
		return print_file("/proc/trace");
	}
	const char *mode = argv[1];
	if (!strcmp(mode, "on"))
		mode = "all";
	if (strcmp(mode, "off") && strcmp(mode, "socket") && strcmp(mode, "all")) {
		printf("usage: trace on|off|socket|all\n");
		return 1;
	}
	return write_proc("/proc/trace", mode);
}

int cmd_capture(int argc, char *argv[])
{
	if (argc < 2 || (strcmp(argv[1], "on") && strcmp(argv[1], "off"))) {
		printf("usage: capture on|off   (packets on lo go to the second serial port; make capture)\n");
		return 1;
	}
	return write_proc("/proc/net/capture", strcmp(argv[1], "on") ? "0" : "1");
}

int cmd_dmesg(int, char *[]) { return print_file("/proc/kmsg"); }

int cmd_kill(int argc, char *argv[])
{
	char *end;
	long pid = argc > 1 ? strtol(argv[1], &end, 10) : 0;
	long sig = argc > 2 ? strtol(argv[2], nullptr, 10) : SIGTERM;
	if (argc < 2 || *end || pid <= 0 || sig < 0 || sig >= NSIG) {
		printf("usage: kill PID [SIGNAL]\n");
		return 1;
	}
	if (kill((pid_t)pid, (int)sig) < 0) {
		printf("kill %ld: %s\n", pid, strerror(errno));
		return 1;
	}
	return 0;
}
int cmd_ping(int argc, char *argv[]) { return run_program("ping", argc, argv); }
int cmd_netstat(int argc, char *argv[]) { return run_program("netstat", argc, argv); }
int cmd_ifconfig(int argc, char *argv[]) { return run_program("ifconfig", argc, argv); }
