/* args: prints what execve passed: argc, each argv[i] and each environment string, in brackets
 * so that empty and space-carrying strings are visible. */
#include <stdio.h>

int main(int argc, char *argv[], char *envp[])
{
	printf("argc=%d\n", argc);
	for (int i = 0; i < argc; i++)
		printf("argv[%d]=[%s]\n", i, argv[i]);
	int n = 0;
	for (; envp && envp[n]; n++)
		printf("envp[%d]=[%s]\n", n, envp[n]);
	printf("envc=%d\n", n);
	return 0;
}
