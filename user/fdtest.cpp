// fdtest: files, descriptors and pipes against Linux's semantics, one check a line.
//   fdtest            every check below
//   fdtest cloexec N  (run by the test itself through execve) reports whether fd N is open
#include "socktest.h"

#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

static long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

static void descriptors(void)
{
	char b[4];
	EXPECT_ERR("read on a closed fd is EBADF", read(40, b, 1), EBADF);
	EXPECT_ERR("write on a negative fd is EBADF", write(-1, b, 1), EBADF);
	EXPECT_ERR("close twice is EBADF", close(40), EBADF);
	EXPECT_ERR("dup2 from a closed fd is EBADF", dup2(40, 41), EBADF);
	EXPECT_ERR("dup2 to a fd past the table is EBADF", dup2(1, 100000), EBADF);
	int fd = open("/tmp-fdtest", O_CREAT | O_RDWR, 0644);
	EXPECT("open O_CREAT", fd >= 0);
	EXPECT("write 10 bytes", write(fd, "0123456789", 10) == 10);
	EXPECT("lseek SEEK_SET", lseek(fd, 3, SEEK_SET) == 3);
	EXPECT("read after lseek", read(fd, b, 2) == 2 && b[0] == '3' && b[1] == '4');
	EXPECT("lseek SEEK_CUR", lseek(fd, -1, SEEK_CUR) == 4);
	EXPECT("lseek SEEK_END", lseek(fd, -2, SEEK_END) == 8);
	EXPECT_ERR("lseek before the start is EINVAL", lseek(fd, -20, SEEK_SET), EINVAL);
	EXPECT_ERR("lseek with a bad whence is EINVAL", lseek(fd, 0, 7), EINVAL);
	EXPECT("dup2 onto 20", dup2(fd, 20) == 20);
	EXPECT("dup2 shares the offset", lseek(20, 0, SEEK_CUR) == 8);
	EXPECT("dup2 onto itself returns it", dup2(20, 20) == 20);
	close(20);
	close(fd);
	/* EMFILE: fill the table, then one more. */
	int opened = 0, last = -1;
	for (;;) {
		int d = dup(1);
		if (d < 0)
			break;
		opened++;
		last = d;
	}
	EXPECT("the table fills up", opened > 10 && errno == EMFILE);
	EXPECT_ERR("one more open is EMFILE", open("/tmp-fdtest", O_RDONLY), EMFILE);
	for (int d = 3; d <= last; d++)
		close(d);
	EXPECT("fds come back after close", (fd = dup(1)) >= 0);
	close(fd);
}

static void cloexec(void)
{
	int keep = open("/tmp-fdtest", O_RDONLY);
	int gone = open("/tmp-fdtest", O_RDONLY | O_CLOEXEC);
	EXPECT("O_CLOEXEC sets FD_CLOEXEC", fcntl(gone, F_GETFD) == FD_CLOEXEC);
	EXPECT("without it FD_CLOEXEC is clear", fcntl(keep, F_GETFD) == 0);
	int dup_fd = dup(gone);
	EXPECT("dup clears FD_CLOEXEC", fcntl(dup_fd, F_GETFD) == 0);
	close(dup_fd);
	for (int which = 0; which < 2; which++) {
		int fd = which ? gone : keep;
		char arg[8];
		snprintf(arg, sizeof(arg), "%d", fd);
		pid_t pid = fork();
		if (pid == 0) {
			char *argv[] = {(char *)"fdtest", (char *)"cloexec", arg, nullptr};
			execv("/bin/fdtest", argv);
			_exit(127);
		}
		int status = 0;
		waitpid(pid, &status, 0);
		/* the child exits 0 when the fd is open, 1 when it is not */
		EXPECT(which ? "an O_CLOEXEC fd is closed by execve" : "a plain fd survives execve",
		       WIFEXITED(status) && WEXITSTATUS(status) == which);
	}
	close(keep);
	close(gone);
}

static void pipes(void)
{
	int p[2];
	EXPECT("pipe", pipe(p) == 0);
	char b[8];
	EXPECT("write into a pipe", write(p[1], "abc", 3) == 3);
	EXPECT("read it back", read(p[0], b, sizeof(b)) == 3 && memcmp(b, "abc", 3) == 0);
	EXPECT_ERR("read on the write end is EBADF", read(p[1], b, 1), EBADF);
	EXPECT_ERR("write on the read end is EBADF", write(p[0], b, 1), EBADF);
	close(p[1]);
	EXPECT("end of file when every writer is gone", read(p[0], b, sizeof(b)) == 0);
	close(p[0]);

	EXPECT("pipe2 O_NONBLOCK|O_CLOEXEC", pipe2(p, O_NONBLOCK | O_CLOEXEC) == 0);
	EXPECT("pipe2 sets FD_CLOEXEC", fcntl(p[0], F_GETFD) == FD_CLOEXEC);
	EXPECT_ERR("empty non-blocking pipe is EAGAIN", read(p[0], b, 1), EAGAIN);
	static char big[8192];
	long filled = 0, n;
	while ((n = write(p[1], big, sizeof(big))) > 0)
		filled += n;
	EXPECT("a full non-blocking pipe is EAGAIN", n == -1 && errno == EAGAIN && filled == 4096);
	struct pollfd pf[2] = {{p[0], POLLIN, 0}, {p[1], POLLOUT, 0}};
	EXPECT("poll: readable, not writable", poll(pf, 2, 0) == 1 && pf[0].revents == POLLIN &&
						       pf[1].revents == 0);
	close(p[0]);
	EXPECT_ERR("write with no reader left is EPIPE", write(p[1], "x", 1), EPIPE);
	close(p[1]);
	EXPECT_ERR("pipe2 with an unknown flag is EINVAL", pipe2(p, 0x40000000), EINVAL);
	EXPECT_ERR("pipe to a bad pointer is EFAULT", pipe((int *)0xc0000000), EFAULT);

	/* 1 MiB from a child through a pipe, checksummed on both sides. */
	EXPECT("pipe for the transfer", pipe(p) == 0);
	pid_t pid = fork();
	if (pid == 0) {
		close(p[0]);
		stream_sum s;
		static unsigned char chunk[3000];
		for (unsigned long off = 0; off < (1ul << 20); off += sizeof(chunk)) {
			long len = (long)((1ul << 20) - off < sizeof(chunk) ? (1ul << 20) - off : sizeof(chunk));
			fill_pattern(chunk, len, off);
			s.add(chunk, len);
			for (long done = 0; done < len;) {
				long w = write(p[1], chunk + done, (size_t)(len - done));
				if (w <= 0)
					_exit(2);
				done += w;
			}
		}
		_exit((int)(s.value() % 251));
	}
	close(p[1]);
	stream_sum got;
	static unsigned char in[5000];
	long total = 0;
	while ((n = read(p[0], in, sizeof(in))) > 0) {
		got.add(in, n);
		total += n;
	}
	close(p[0]);
	int status = 0;
	waitpid(pid, &status, 0);
	EXPECT("1 MiB through a pipe, checksums match",
	       total == (1l << 20) && WIFEXITED(status) && WEXITSTATUS(status) == (int)(got.value() % 251));
}

static void console_and_time(void)
{
	struct termios t;
	struct winsize ws;
	EXPECT("TCGETS on the console", ioctl(0, TCGETS, &t) == 0 && (t.c_lflag & ICANON) && (t.c_lflag & ECHO));
	EXPECT("TIOCGWINSZ on the console", ioctl(0, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 && ws.ws_col > 0);
	int fd = open("/tmp-fdtest", O_RDONLY);
	EXPECT_ERR("TCGETS on a file is ENOTTY", ioctl(fd, TCGETS, &t), ENOTTY);
	close(fd);
	long t0 = now_ms();
	struct timespec req = {0, 50 * 1000000L};
	EXPECT("nanosleep 50 ms", nanosleep(&req, nullptr) == 0);
	long slept = now_ms() - t0;
	EXPECT("it slept at least 50 ms and not much more", slept >= 50 && slept < 1000);
	req.tv_nsec = 1000000000L;
	EXPECT_ERR("nanosleep with tv_nsec >= 1e9 is EINVAL", nanosleep(&req, nullptr), EINVAL);
	t0 = now_ms();
	EXPECT("usleep 20 ms", usleep(20000) == 0 && now_ms() - t0 >= 20);
}

static void exec_errors(void)
{
	int fd = open("/tmp-notelf", O_CREAT | O_WRONLY, 0755);
	write(fd, "#!not an ELF file\n", 18);
	close(fd);
	char *argv[] = {(char *)"x", nullptr};
	EXPECT_ERR("execve of a file that is no ELF is ENOEXEC", execv("/tmp-notelf", argv), ENOEXEC);
	EXPECT_ERR("execve of a missing file is ENOENT", execv("/no/such/program", argv), ENOENT);
	EXPECT_ERR("execve of a directory is EACCES", execv("/bin", argv), EACCES);
}

/* syscall(): the generic wrapper, up to six arguments (the sixth rides in ebp). */
static void generic_syscall(void)
{
	EXPECT("syscall(SYS_getpid) is getpid()", syscall(SYS_getpid) == getpid());
	EXPECT("syscall(SYS_write, ...) writes", syscall(SYS_write, 1, "syscall write\n", 14) == 14);
	void *p = (void *)syscall(__NR_mmap2, 0, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	EXPECT("syscall(mmap2, six arguments) maps memory", p != (void *)-1 && (((char *)p)[8191] = 7) == 7);
	EXPECT_ERR("syscall of a number the kernel lacks is ENOSYS", syscall(9999), ENOSYS);
}

int main(int argc, char *argv[])
{
	if (argc == 3 && strcmp(argv[1], "cloexec") == 0)
		return fcntl(atoi(argv[2]), F_GETFD) < 0 ? 1 : 0;
	descriptors();
	cloexec();
	pipes();
	console_and_time();
	exec_errors();
	generic_syscall();
	return summary("fdtest");
}
