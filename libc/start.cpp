/* What runs between _start and main (glibc's __libc_start_main, much reduced). */
#include <stdlib.h>

extern "C" int main(int argc, char **argv, char **envp);
extern "C" {
char **environ;
int errno;
}

extern "C" void __libc_start_main_menuos(int argc, char **argv, char **envp)
{
    environ = envp;
    exit(main(argc, argv, envp));
}
