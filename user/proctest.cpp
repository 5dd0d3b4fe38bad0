// proctest: process trees, process groups and signals against Linux's semantics.
#include "socktest.h"

#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

/* A child that sleeps until a signal ends it, in process group `pgid` (0: its own). */
static pid_t sleeper(pid_t pgid)
{
	pid_t pid = fork();
	if (pid == 0) {
		setpgid(0, pgid);
		sleep(30);
		_exit(0);
	}
	setpgid(pid, pgid ? pgid : pid); /* both sides set it, so no race decides */
	return pid;
}

static void groups(void)
{
	pid_t a = sleeper(0);
	pid_t b = sleeper(a);
	pid_t other = sleeper(0);
	usleep(20000);
	EXPECT("kill(-pgid, 0): the group exists", kill(-a, 0) == 0);
	EXPECT_ERR("kill of a group nobody is in is ESRCH", kill(-30000, SIGTERM), ESRCH);
	EXPECT_ERR("kill of a pid nobody has is ESRCH", kill(30000, SIGTERM), ESRCH);
	EXPECT_ERR("kill with a bad signal is EINVAL", kill(a, 99), EINVAL);
	EXPECT("kill(-pgid, SIGTERM) signals the whole group", kill(-a, SIGTERM) == 0);
	int st1 = 0, st2 = 0;
	pid_t w1 = waitpid(-a, &st1, 0), w2 = waitpid(-a, &st2, 0);
	EXPECT("waitpid(-pgid) collects both members",
	       ((w1 == a && w2 == b) || (w1 == b && w2 == a)) && WIFSIGNALED(st1) && WTERMSIG(st1) == SIGTERM &&
		       WIFSIGNALED(st2) && WTERMSIG(st2) == SIGTERM);
	EXPECT_ERR("then the group has no child left: ECHILD", waitpid(-a, &st1, WNOHANG), ECHILD);
	EXPECT("the process outside the group lives on", waitpid(other, &st1, WNOHANG) == 0);
	kill(other, SIGKILL);
	EXPECT("SIGKILL ends it", waitpid(other, &st1, 0) == other && WTERMSIG(st1) == SIGKILL);
	EXPECT("kill(1, SIGKILL) is allowed and ignored: init has no handler", kill(1, SIGKILL) == 0);
	EXPECT("init is still there", kill(1, 0) == 0);

	/* waitpid(0): children in the caller's own group only */
	pid_t mine = fork();
	if (mine == 0)
		_exit(3);
	pid_t away = sleeper(0);
	int st = 0;
	EXPECT("waitpid(0) takes the child of our group", waitpid(0, &st, 0) == mine && WEXITSTATUS(st) == 3);
	EXPECT("and not the one in another group", waitpid(0, &st, WNOHANG) == -1 && errno == ECHILD);
	kill(away, SIGKILL);
	waitpid(away, &st, 0);
}

static void trees(void)
{
	/* child -> grandchild; the child exits first: the grandchild is re-parented to init */
	int p[2];
	pipe(p);
	pid_t child = fork();
	if (child == 0) {
		pid_t grand = fork();
		if (grand == 0) {
			close(p[0]);
			while (getppid() != 1)
				usleep(1000);
			pid_t pp = getppid();
			write(p[1], &pp, sizeof(pp));
			_exit(0);
		}
		_exit(grand > 0 ? 0 : 1);
	}
	close(p[1]);
	int st = 0;
	EXPECT("the middle process exits", waitpid(child, &st, 0) == child && WEXITSTATUS(st) == 0);
	pid_t pp = 0;
	EXPECT("the orphan's parent is now init (pid 1)", read(p[0], &pp, sizeof(pp)) == sizeof(pp) && pp == 1);
	close(p[0]);

	/* three generations of exit statuses, each parent reporting its children's sum */
	pid_t top = fork();
	if (top == 0) {
		int sum = 0;
		for (int i = 1; i <= 3; i++) {
			pid_t c = fork();
			if (c == 0) {
				int inner = 0;
				for (int j = 1; j <= 2; j++) {
					pid_t g = fork();
					if (g == 0)
						_exit(j);
					int s2 = 0;
					waitpid(g, &s2, 0);
					inner += WEXITSTATUS(s2);
				}
				_exit(i * 10 + inner); /* 13, 23, 33 */
			}
		}
		for (int i = 0; i < 3; i++) {
			int s1 = 0;
			wait(&s1);
			sum += WEXITSTATUS(s1);
		}
		_exit(sum); /* 69 */
	}
	EXPECT("a three-generation tree reports every status", waitpid(top, &st, 0) == top && WEXITSTATUS(st) == 69);
	EXPECT_ERR("no child left: ECHILD", wait(&st), ECHILD);
}

int main(void)
{
	setpgid(0, 0); /* a group of our own, as a shell gives each job */
	groups();
	trees();
	return summary("proctest");
}
