/* exitcode N: exits with status N (taken modulo 256 by the kernel, as on Linux). Without an
 * argument it exits with 0. */
#include <stdlib.h>

int main(int argc, char *argv[])
{
	return argc > 1 ? atoi(argv[1]) : 0;
}
