/* badptr: hands every pointer-taking system call bad pointers (NULL, 0xC0000000, 0xFFFFFFF0
 * and a just-unmapped user page) and checks that each fails with EFAULT, as on Linux, instead
 * of crashing the kernel or killing the caller. Calls go straight to int $0x80, so the kernel
 * is tested, not libc; socket calls are tried both directly (359-373) and through socketcall.
 * Each check runs in a child, so a kernel that kills the caller fails that check only.
 * Output: "ok NAME" or "FAIL NAME got X" per check, then "badptr: N ok, M failed". */
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#if defined(__i386__)

enum {
	NR_exit = 1, NR_read = 3, NR_write = 4, NR_open = 5, NR_close = 6, NR_waitpid = 7,
	NR_unlink = 10, NR_execve = 11, NR_time = 13, NR_mkdir = 39, NR_ioctl = 54,
	NR_munmap = 91, NR_socketcall = 102, NR_stat = 106, NR_fstat = 108, NR_wait4 = 114,
	NR_uname = 122, NR_getdents = 141, NR_select = 142, NR_nanosleep = 162, NR_poll = 168,
	NR_mmap2 = 192, NR_set_thread_area = 243, NR_clock_gettime = 265, NR_socket = 359,
};

/* socketcall call numbers (include/uapi/linux/net.h) and the direct syscall of each. */
enum {
	SYS_SOCKET = 1, SYS_BIND, SYS_CONNECT, SYS_LISTEN, SYS_ACCEPT, SYS_GETSOCKNAME,
	SYS_GETPEERNAME, SYS_SOCKETPAIR, SYS_SEND, SYS_RECV, SYS_SENDTO, SYS_RECVFROM, SYS_SHUTDOWN,
	SYS_SETSOCKOPT, SYS_GETSOCKOPT, SYS_SENDMSG, SYS_RECVMSG, SYS_ACCEPT4,
};
static const int direct_nr[] = {
	0, 359, 361, 362, 363, 0, 367, 368, 360, 0, 0, 369, 371, 373, 366, 365, 370, 372, 364,
};
static const int sc_nargs[] = { 0, 3, 3, 3, 2, 3, 3, 3, 4, 4, 4, 6, 6, 2, 5, 5, 3, 3, 4 };

#define EFAULT 14
#define AF_UNIX 1
#define AF_INET 2
#define SOCK_STREAM 1
#define SOCK_DGRAM 2
#define SOL_SOCKET 1
#define SO_REUSEADDR 2
#define SO_TYPE 3
#define MSG_DONTWAIT 0x40
#define FIONREAD 0x541B
#define TCGETS 0x5401
#define O_RDONLY 0
#define O_DIRECTORY 0200000

/* Six arguments: the sixth goes in %ebp, which the compiler keeps as the frame pointer, so it
 * is loaded from memory through %eax inside the asm and %ebp restored afterwards. */
static long sys6(long nr, long a, long b, long c, long d, long e, long f)
{
	long blk[2] = { nr, f };
	long r;
	asm volatile("push %%ebp\n\t"
		     "movl 4(%%eax), %%ebp\n\t"
		     "movl (%%eax), %%eax\n\t"
		     "int $0x80\n\t"
		     "pop %%ebp"
		     : "=a"(r)
		     : "0"(blk), "b"(a), "c"(b), "d"(c), "S"(d), "D"(e)
		     : "memory");
	return r;
}

static long sys(long nr, long a = 0, long b = 0, long c = 0, long d = 0, long e = 0)
{
	return sys6(nr, a, b, c, d, e, 0);
}

static bool use_socketcall; /* which path sock() takes */

static long sock(int call, long a = 0, long b = 0, long c = 0, long d = 0, long e = 0,
		 long f = 0)
{
	if (!use_socketcall)
		return sys6(direct_nr[call], a, b, c, d, e, f);
	long args[6] = { a, b, c, d, e, f };
	return sys(NR_socketcall, call, (long)args);
}

struct sockaddr_in_raw {
	unsigned short family;
	unsigned short port; /* network order */
	unsigned int addr;   /* network order */
	unsigned char zero[8];
};

/* What the checks work on; set up once by the parent, inherited by each check's child. */
static struct {
	int file_fd, dir_fd;
	int sv[2];           /* AF_UNIX stream pair */
	int udp_fd;          /* AF_INET datagram, bound to the loopback */
	int listen_fd;       /* AF_INET stream listening on the loopback */
	sockaddr_in_raw listen_addr;
} ctx = { -1, -1, { -1, -1 }, -1, -1, {} };

static long good_buf[64];
static char *good_argv[] = { (char *)"/bin/true", nullptr };

/* Each check does its call with the bad pointer p and returns the raw result (-errno). */
typedef long (*check_fn)(long p);

/* A pending connection on the listener, so accept returns at once rather than blocking. */
#define SETUP_FAILED (-1000)
static long make_pending(void)
{
	long c = sock(SYS_SOCKET, AF_INET, SOCK_STREAM, 0);
	if (c < 0)
		return SETUP_FAILED;
	if (sock(SYS_CONNECT, c, (long)&ctx.listen_addr, sizeof(ctx.listen_addr)) < 0)
		return SETUP_FAILED;
	struct { int fd; short events, revents; } pfd = { ctx.listen_fd, 1 /* POLLIN */, 0 };
	if (sys(NR_poll, (long)&pfd, 1, 2000) != 1)
		return SETUP_FAILED;
	return 0;
}

/* A child that has exited, for the wait checks. */
static long make_zombie(void)
{
	long pid = sys(2 /* fork */);
	if (pid == 0)
		sys(NR_exit, 0);
	return pid;
}

static long c_read(long p) { return sys(NR_read, ctx.file_fd, p, 16); }
static long c_write(long p) { return sys(NR_write, ctx.sv[0], p, 16); }
static long c_open(long p) { return sys(NR_open, p, O_RDONLY); }
static long c_stat_path(long p) { return sys(NR_stat, p, (long)good_buf); }
static long c_stat_buf(long p) { return sys(NR_stat, (long)"/", p); }
static long c_fstat(long p) { return sys(NR_fstat, ctx.file_fd, p); }
static long c_mkdir(long p) { return sys(NR_mkdir, p, 0755); }
static long c_unlink(long p) { return sys(NR_unlink, p); }
static long c_execve_path(long p) { return sys(NR_execve, p, (long)good_argv, 0); }
static long c_execve_argv(long p) { return sys(NR_execve, (long)"/bin/true", p, 0); }
static long c_execve_argv1(long p)
{
	long argv[3] = { (long)"/bin/true", p, 0 };
	return sys(NR_execve, (long)"/bin/true", (long)argv, 0);
}
static long c_execve_envp(long p) { return sys(NR_execve, (long)"/bin/true", (long)good_argv, p); }
static long c_waitpid(long p) { return sys(NR_waitpid, make_zombie(), p, 0); }
static long c_wait4_status(long p) { return sys(NR_wait4, make_zombie(), p, 0, 0); }
static long c_wait4_rusage(long p) { return sys(NR_wait4, make_zombie(), 0, 0, p); }
static long c_time(long p) { return sys(NR_time, p); }
static long c_uname(long p) { return sys(NR_uname, p); }
static long c_getdents(long p) { return sys(NR_getdents, ctx.dir_fd, p, 4096); }
static long c_select_fds(long p)
{
	long tv[2] = { 0, 0 };
	return sys(NR_select, 1, p, 0, 0, (long)tv);
}
static long c_select_tv(long p) { return sys(NR_select, 0, 0, 0, 0, p); }
static long c_nanosleep(long p) { return sys(NR_nanosleep, p, 0); }
static long c_poll(long p) { return sys(NR_poll, p, 1, 0); }
static long c_clock_gettime(long p) { return sys(NR_clock_gettime, 0 /* REALTIME */, p); }
static long c_set_thread_area(long p) { return sys(NR_set_thread_area, p); }
static long c_ioctl_fionread(long p) { return sys(NR_ioctl, ctx.sv[1], FIONREAD, p); }
static long c_ioctl_tcgets(long p) { return sys(NR_ioctl, 0, TCGETS, p); }
static long c_socketcall_args(long p) { return sys(NR_socketcall, SYS_SOCKET, p); }

static long c_socketpair(long p) { return sock(SYS_SOCKETPAIR, AF_UNIX, SOCK_STREAM, 0, p); }
static long c_bind(long p) { return sock(SYS_BIND, ctx.udp_fd, p, 16); }
static long c_connect(long p) { return sock(SYS_CONNECT, ctx.udp_fd, p, 16); }
static long c_getsockname_addr(long p)
{
	int len = 16;
	return sock(SYS_GETSOCKNAME, ctx.udp_fd, p, (long)&len);
}
static long c_getsockname_len(long p) { return sock(SYS_GETSOCKNAME, ctx.udp_fd, (long)good_buf, p); }
static long c_getpeername_addr(long p)
{
	int len = 16;
	return sock(SYS_GETPEERNAME, ctx.sv[0], p, (long)&len);
}
static long c_getpeername_len(long p) { return sock(SYS_GETPEERNAME, ctx.sv[0], (long)good_buf, p); }
static long c_setsockopt(long p) { return sock(SYS_SETSOCKOPT, ctx.udp_fd, SOL_SOCKET, SO_REUSEADDR, p, 4); }
static long c_getsockopt_val(long p)
{
	int len = 4;
	return sock(SYS_GETSOCKOPT, ctx.udp_fd, SOL_SOCKET, SO_TYPE, p, (long)&len);
}
static long c_getsockopt_len(long p)
{
	return sock(SYS_GETSOCKOPT, ctx.udp_fd, SOL_SOCKET, SO_TYPE, (long)good_buf, p);
}
static long c_sendto_buf(long p) { return sock(SYS_SENDTO, ctx.sv[0], p, 16, 0, 0, 0); }
static long c_sendto_addr(long p) { return sock(SYS_SENDTO, ctx.udp_fd, (long)"x", 1, 0, p, 16); }
/* Data must be waiting, or a non-blocking receive fails with EAGAIN before touching p. */
static long c_recvfrom_buf(long p)
{
	sys(NR_write, ctx.sv[0], (long)"x", 1);
	return sock(SYS_RECVFROM, ctx.sv[1], p, 16, MSG_DONTWAIT, 0, 0);
}
static long c_sendmsg(long p) { return sock(SYS_SENDMSG, ctx.sv[0], p, 0); }
static long c_recvmsg(long p)
{
	sys(NR_write, ctx.sv[0], (long)"x", 1);
	return sock(SYS_RECVMSG, ctx.sv[1], p, MSG_DONTWAIT);
}
static long c_accept4_addr(long p)
{
	int len = 16;
	if (make_pending() < 0)
		return SETUP_FAILED;
	return sock(SYS_ACCEPT4, ctx.listen_fd, p, (long)&len, 0);
}
static long c_accept4_len(long p)
{
	if (make_pending() < 0)
		return SETUP_FAILED;
	return sock(SYS_ACCEPT4, ctx.listen_fd, (long)good_buf, p, 0);
}

struct check {
	const char *name;
	check_fn fn;
	bool null_ok; /* NULL is a legal value here (optional pointer): skip it */
	bool is_socket; /* run both directly and through socketcall */
};

static const struct check checks[] = {
	{ "read buf", c_read, false, false },
	{ "write buf", c_write, false, false },
	{ "open path", c_open, false, false },
	{ "stat path", c_stat_path, false, false },
	{ "stat buf", c_stat_buf, false, false },
	{ "fstat buf", c_fstat, false, false },
	{ "mkdir path", c_mkdir, false, false },
	{ "unlink path", c_unlink, false, false },
	{ "execve path", c_execve_path, false, false },
	{ "execve argv", c_execve_argv, true, false }, /* Linux takes argv NULL as empty */
	{ "execve argv[1]", c_execve_argv1, true, false },
	{ "execve envp", c_execve_envp, true, false },
	{ "waitpid status", c_waitpid, true, false },
	{ "wait4 status", c_wait4_status, true, false },
	{ "wait4 rusage", c_wait4_rusage, true, false },
	{ "time tloc", c_time, true, false },
	{ "uname buf", c_uname, false, false },
	{ "getdents dirp", c_getdents, false, false },
	{ "select readfds", c_select_fds, true, false },
	{ "select timeout", c_select_tv, true, false },
	{ "nanosleep req", c_nanosleep, false, false },
	{ "poll fds", c_poll, false, false },
	{ "clock_gettime tp", c_clock_gettime, false, false },
	{ "set_thread_area u_info", c_set_thread_area, false, false },
	{ "ioctl FIONREAD arg", c_ioctl_fionread, false, false },
	{ "socketcall args", c_socketcall_args, false, false },
	{ "socketpair sv", c_socketpair, false, true },
	{ "bind addr", c_bind, false, true },
	{ "connect addr", c_connect, false, true },
	{ "getsockname addr", c_getsockname_addr, false, true },
	{ "getsockname addrlen", c_getsockname_len, false, true },
	{ "getpeername addr", c_getpeername_addr, false, true },
	{ "getpeername addrlen", c_getpeername_len, false, true },
	{ "setsockopt optval", c_setsockopt, false, true },
	{ "getsockopt optval", c_getsockopt_val, false, true },
	{ "getsockopt optlen", c_getsockopt_len, false, true },
	{ "sendto buf", c_sendto_buf, false, true },
	{ "sendto dest_addr", c_sendto_addr, true, true },
	{ "recvfrom buf", c_recvfrom_buf, false, true },
	{ "sendmsg msg", c_sendmsg, false, true },
	{ "recvmsg msg", c_recvmsg, false, true },
	{ "accept4 addr", c_accept4_addr, true, true },
	{ "accept4 addrlen", c_accept4_len, false, true },
};

static int n_ok, n_failed;

static void report(bool ok, const char *name, const char *ptr_name, const char *got)
{
	if (ok) {
		printf("ok %s=%s\n", name, ptr_name);
		n_ok++;
	} else {
		printf("FAIL %s=%s got %s\n", name, ptr_name, got);
		n_failed++;
	}
	fflush(stdout);
}

/* Runs fn(p) in a child; the child's exit code carries the result back:
 * 0 = the call succeeded, 1..253 = that errno, 254 = the setup of the check failed. */
static void run_check(const char *prefix, const struct check *c, long p, const char *ptr_name)
{
	char name[80];
	snprintf(name, sizeof(name), "%s%s", prefix, c->name);
	fflush(stdout);
	pid_t pid = fork();
	if (pid < 0) {
		report(false, name, ptr_name, "fork failure");
		return;
	}
	if (pid == 0) {
		long r = c->fn(p);
		int code = r == SETUP_FAILED ? 254 : (r < 0 && r > -254) ? (int)-r : 0;
		sys(NR_exit, code); /* no atexit, no stdio flush: nothing of the parent's twice */
	}
	int status;
	char got[64];
	if (waitpid(pid, &status, 0) != pid) {
		report(false, name, ptr_name, "waitpid failure");
	} else if (WIFSIGNALED(status)) {
		snprintf(got, sizeof(got), "killed by signal %d", WTERMSIG(status));
		report(false, name, ptr_name, got);
	} else if (WEXITSTATUS(status) == EFAULT) {
		report(true, name, ptr_name, nullptr);
	} else if (WEXITSTATUS(status) == 254) {
		report(false, name, ptr_name, "setup failure (no pending connection)");
	} else if (WEXITSTATUS(status) == 0) {
		report(false, name, ptr_name, "success");
	} else {
		snprintf(got, sizeof(got), "%s (errno %d)", strerror(WEXITSTATUS(status)),
			 WEXITSTATUS(status));
		report(false, name, ptr_name, got);
	}
}

static bool setup(void)
{
	static const char *const files[] = { "/init", "/etc/motd", "/etc/passwd", "/bin/true" };
	for (const char *f : files)
		if ((ctx.file_fd = sys(NR_open, (long)f, O_RDONLY)) >= 0)
			break;
	ctx.dir_fd = sys(NR_open, (long)"/", O_RDONLY | O_DIRECTORY);
	use_socketcall = false;
	long r = sock(SYS_SOCKETPAIR, AF_UNIX, SOCK_STREAM, 0, (long)ctx.sv);
	ctx.udp_fd = sock(SYS_SOCKET, AF_INET, SOCK_DGRAM, 0);
	sockaddr_in_raw lo = { AF_INET, 0, 0x0100007f /* 127.0.0.1 */, {} };
	if (ctx.udp_fd >= 0)
		sock(SYS_BIND, ctx.udp_fd, (long)&lo, sizeof(lo));
	ctx.listen_fd = sock(SYS_SOCKET, AF_INET, SOCK_STREAM, 0);
	int len = sizeof(ctx.listen_addr);
	if (ctx.listen_fd < 0 || sock(SYS_BIND, ctx.listen_fd, (long)&lo, sizeof(lo)) < 0 ||
	    sock(SYS_LISTEN, ctx.listen_fd, 64) < 0 ||
	    sock(SYS_GETSOCKNAME, ctx.listen_fd, (long)&ctx.listen_addr, (long)&len) < 0)
		printf("badptr: warning: no TCP listener on the loopback, accept4 checks will fail\n");
	if (ctx.file_fd < 0 || ctx.dir_fd < 0 || r < 0 || ctx.udp_fd < 0) {
		printf("badptr: setup failed: file %d dir %d socketpair %ld udp %d\n", ctx.file_fd,
		       ctx.dir_fd, r, ctx.udp_fd);
		return false;
	}
	return true;
}

int main()
{
	if (!setup())
		return 2;

	/* A page that was mapped a moment ago is surely unmapped now. */
	long unmapped = 0x50000000;
	long page = sys6(NR_mmap2, 0, 4096, 3 /* RW */, 0x22 /* PRIVATE|ANON */, -1, 0);
	if (page > 0 && (unsigned long)page < 0xC0000000UL && sys(NR_munmap, page, 4096) == 0)
		unmapped = page;

	const long bad[] = { 0, (long)0xC0000000, (long)0xFFFFFFF0, unmapped };
	const char *const bad_names[] = { "NULL", "0xc0000000", "0xfffffff0", "unmapped" };

	for (const check &c : checks) {
		for (int i = 0; i < 4; i++) {
			if (bad[i] == 0 && c.null_ok)
				continue;
			use_socketcall = false;
			run_check("", &c, bad[i], bad_names[i]);
			if (c.is_socket) {
				use_socketcall = true;
				run_check("socketcall ", &c, bad[i], bad_names[i]);
			}
		}
	}
	/* TCGETS needs a terminal on fd 0; on a pipe the answer is ENOTTY whatever the pointer. */
	long termios[16];
	if (sys(NR_ioctl, 0, TCGETS, (long)termios) == 0) {
		static const check tc = { "ioctl TCGETS arg", c_ioctl_tcgets, false, false };
		for (int i = 0; i < 4; i++)
			run_check("", &tc, bad[i], bad_names[i]);
	} else {
		printf("skip ioctl TCGETS (fd 0 is not a terminal)\n");
	}
	printf("badptr: %d ok, %d failed\n", n_ok, n_failed);
	return n_failed ? 1 : 0;
}

#else

int main()
{
	printf("badptr: needs an i386 build\n");
	return 2;
}

#endif
