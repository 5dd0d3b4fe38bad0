// spin: timer preemption seen from user space. Two children spin without a single system
// call for 300 ms of clock time; the parent sleeps 100 ms meanwhile. Without preemption on
// the timer tick the first child would keep the CPU: the parent would never wake and the
// second child never run. Each child reports, through a pipe, how many rounds it made.
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile unsigned long long deadline_ns;

static unsigned long long now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (unsigned long long)ts.tv_sec * 1000000000ull + (unsigned long long)ts.tv_nsec;
}

int main(void)
{
	int p[2];
	if (pipe(p) < 0) {
		perror("spin: pipe");
		return 1;
	}
	deadline_ns = now_ns() + 300000000ull;
	pid_t kids[2];
	for (int i = 0; i < 2; i++) {
		kids[i] = fork();
		if (kids[i] == 0) {
			unsigned long rounds = 0;
			/* the clock is read once per 2^20 rounds: the loop itself makes no system call */
			do {
				for (unsigned long k = 0; k < (1ul << 20); k++)
					asm volatile("" ::: "memory"); /* a loop the compiler keeps */
				rounds++;
			} while (now_ns() < deadline_ns);
			write(p[1], &rounds, sizeof(rounds));
			_exit(0);
		}
	}
	close(p[1]);
	unsigned long long t0 = now_ns();
	usleep(100000);
	unsigned long long woke = now_ns() - t0;
	printf("parent woke after %llu ms while its children spun\n", woke / 1000000);
	unsigned long r[2] = {0, 0};
	int got = 0;
	for (int i = 0; i < 2; i++)
		got += read(p[0], &r[i], sizeof(r[i])) == (ssize_t)sizeof(r[i]);
	for (int i = 0; i < 2; i++)
		waitpid(kids[i], nullptr, 0);
	printf("children made %lu and %lu rounds\n", r[0], r[1]);
	bool ok = got == 2 && r[0] > 0 && r[1] > 0 && woke < 300000000ull;
	printf("spin: %s\n", ok ? "preempted fairly" : "NOT preempted");
	return ok ? 0 : 1;
}
