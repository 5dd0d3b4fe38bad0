// memhog [N]: N processes (default 3) each take memory 1 MiB at a time until the kernel says
// no, touching every page. Each must get a clean ENOMEM (malloc NULL / mmap MAP_FAILED), and
// the machine must stay usable. Prints "memhog: N ok" when every child reported cleanly.
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

static int hog(int id)
{
    long mib = 0;
    for (;;) {
        char *p = (char *)malloc(1 << 20);
        if (!p)
            break;
        memset(p, id, 1 << 20);
        mib++;
    }
    int malloc_err = errno;
    void *m = mmap(nullptr, 64 << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    int mmap_err = m == MAP_FAILED ? errno : 0;
    printf("hog %d: %ld MiB, then malloc: %s, big mmap: %s\n", id, mib, strerror(malloc_err),
           m == MAP_FAILED ? strerror(mmap_err) : "succeeded");
    return malloc_err == ENOMEM && (m == MAP_FAILED ? mmap_err == ENOMEM : true) ? 0 : 1;
}

int main(int argc, char *argv[])
{
    int n = argc > 1 ? atoi(argv[1]) : 3;
    for (int i = 0; i < n; i++) {
        pid_t pid = fork();
        if (pid < 0) {
            printf("memhog: fork: %s\n", strerror(errno));
            return 1;
        }
        if (pid == 0)
            _exit(hog(i + 1));
    }
    int ok = 0, status;
    while (wait(&status) > 0)
        if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
            ok++;
    printf("memhog: %d ok\n", ok);
    return ok == n ? 0 : 1;
}
