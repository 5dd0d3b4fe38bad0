/* Commands that ask the kernel one thing and print the answer: version, quit, clear, time,
 * time-asm, uname, ps, ls, cat, echo. Each shows one system call a student can break on.
 * Next: proc_cmds.cpp (fork/exec), net_cmds.cpp (sockets). */
#include "shell.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#ifndef MENUOS_VERSION
#define MENUOS_VERSION "0.1.0"
#endif
#ifndef LINUX_REBOOT_CMD_POWER_OFF
#define LINUX_REBOOT_CMD_POWER_OFF 0x4321FEDC /* the same value as glibc's RB_POWER_OFF */
#endif

void print_errno(const char *what)
{
	int err = errno;
	printf("%s: %s\n", what, strerror(err));
}

int power_off(void)
{
	fflush(stdout);
#ifdef MENU_HOST_TEST
	/* A host test must never power the host off: behave like an unprivileged caller. */
	errno = EPERM;
	return -1;
#else
	return reboot(LINUX_REBOOT_CMD_POWER_OFF);
#endif
}

int cmd_version(int, char *[])
{
	printf("MenuOS menu " MENUOS_VERSION "\n");
	printf("built with g++ " __VERSION__ ", sockets via %s\n",
#ifdef MENUOS_DIRECT_SOCKETCALLS
	       "direct system calls 359-373"
#else
	       "socketcall (102)"
#endif
	);
	struct utsname u;
	if (uname(&u) == 0)
		printf("kernel: %s %s %s\n", u.sysname, u.release, u.version);
	return 0;
}

int cmd_quit(int, char *[])
{
	printf("Power down.\n");
	power_off();
	print_errno("quit: reboot");
	return 1;
}

int cmd_clear(int, char *[])
{
	fputs("\033[H\033[2J", stdout); /* cursor home, erase the screen */
	return 0;
}

/* Days since 1970-01-01 to a civil date (proleptic Gregorian), so time needs no libc tables. */
static void civil_from_days(long days, int *year, int *month, int *day)
{
	days += 719468; /* shift the epoch to 0000-03-01: leap days fall at the end of a year */
	long era = (days >= 0 ? days : days - 146096) / 146097;
	long doe = days - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	*day = (int)(doy - (153 * mp + 2) / 5 + 1);
	*month = (int)(mp < 10 ? mp + 3 : mp - 9);
	*year = (int)(yoe + era * 400 + (*month <= 2));
}

static void print_time(const char *how, long t)
{
	long days = t / 86400, secs = t % 86400;
	if (secs < 0) {
		secs += 86400;
		days--;
	}
	int y, mo, d;
	civil_from_days(days, &y, &mo, &d);
	printf("time: %04d-%02d-%02d %02ld:%02ld:%02ld UTC (%ld seconds since 1970, %s)\n", y, mo, d,
	       secs / 3600, secs / 60 % 60, secs % 60, t, how);
}

int cmd_time(int, char *[])
{
	time_t t = time(nullptr);
	if (t == (time_t)-1) {
		print_errno("time");
		return 1;
	}
	print_time("via libc time()", (long)t);
	return 0;
}

/* The same clock read without libc: the trap a student sees in gdb at system_call/entry_INT80_32,
 * with eax = 13 (__NR_time) and ebx = NULL (no result pointer). */
int cmd_time_asm(int, char *[])
{
#if defined(__i386__)
	long t;
	asm volatile("int $0x80" : "=a"(t) : "a"(13), "b"(0) : "memory");
	if (t < 0 && t > -4096) {
		errno = (int)-t;
		print_errno("time-asm");
		return 1;
	}
	print_time("via int $0x80, eax=13", t);
	return 0;
#else
	printf("time-asm: needs an i386 build\n");
	return 1;
#endif
}

int cmd_uname(int, char *[])
{
	struct utsname u;
	if (uname(&u) < 0) {
		print_errno("uname");
		return 1;
	}
	printf("%s %s %s %s %s\n", u.sysname, u.nodename, u.release, u.version, u.machine);
	return 0;
}

/* Copies a file to stdout; returns 0, or -1 with errno set. */
static int copy_file(const char *path)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	char buf[1024];
	int n;
	while ((n = read(fd, buf, sizeof(buf))) > 0) {
		fflush(stdout); /* keep our earlier printf output ahead of the raw write */
		if (write(1, buf, n) != n) {
			n = -1;
			break;
		}
	}
	int err = errno;
	close(fd);
	errno = err;
	return n < 0 ? -1 : 0;
}

/* There is no procfs: the kernel publishes its task list as the one file /proc/ps. */
int cmd_ps(int, char *[])
{
	if (copy_file("/proc/ps") < 0) {
		print_errno("ps: /proc/ps");
		return 1;
	}
	return 0;
}

int cmd_ls(int argc, char *argv[])
{
	const char *dir = argc > 1 ? argv[1] : "/";
	DIR *d = opendir(dir);
	if (!d) {
		char what[300];
		snprintf(what, sizeof(what), "ls: %s", dir);
		print_errno(what);
		return 1;
	}
	struct dirent *e;
	while ((e = readdir(d)) != nullptr) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		char path[512];
		struct stat st;
		size_t dl = strlen(dir);
		snprintf(path, sizeof(path), "%s%s%s", dir, (dl && dir[dl - 1] == '/') ? "" : "/",
			 e->d_name);
		bool is_dir = stat(path, &st) == 0 && S_ISDIR(st.st_mode);
		printf("%s%s\n", e->d_name, is_dir ? "/" : "");
	}
	closedir(d);
	return 0;
}

int cmd_cat(int argc, char *argv[])
{
	if (argc < 2) {
		printf("usage: cat FILE...\n");
		return 1;
	}
	int ret = 0;
	for (int i = 1; i < argc; i++) {
		if (copy_file(argv[i]) < 0) {
			char what[300];
			snprintf(what, sizeof(what), "cat: %s", argv[i]);
			print_errno(what);
			ret = 1;
		}
	}
	return ret;
}

int cmd_echo(int argc, char *argv[])
{
	for (int i = 1; i < argc; i++)
		printf("%s%s", argv[i], i + 1 < argc ? " " : "");
	putchar('\n');
	return 0;
}
