/* faults KIND: commits one user-mode fault the kernel must answer by killing this process.
 * Reaching the end prints "survived", which the tests count as a failure of the kernel.
 * KIND: null kernel div ud2 cli hlt io gp. */
#include <stdio.h>
#include <string.h>

struct fault {
	const char *name;
	const char *what;
	void (*fn)(void);
};

/* Each fault is inline assembly, or a pointer the compiler cannot see through, so the
 * optimiser neither removes the access nor replaces it with a trap of its own. */
static void fault_null(void)
{
	volatile int *p = nullptr;
	asm volatile("" : "+r"(p));
	*p = 1;
}

static void fault_kernel(void)
{
	volatile int *p = (volatile int *)0xC0000000;
	asm volatile("" : "+r"(p));
	int v = *p;
	(void)v;
}

#if defined(__i386__) || defined(__x86_64__)
static void fault_div(void)
{
	unsigned int eax = 1, edx = 0, zero = 0;
	asm volatile("divl %2" : "+a"(eax), "+d"(edx) : "r"(zero));
}

static void fault_ud2(void)
{
	asm volatile("ud2");
}

static void fault_cli(void)
{
	asm volatile("cli"); /* IOPL 0: #GP from ring 3 */
}

static void fault_hlt(void)
{
	asm volatile("hlt"); /* privileged: #GP from ring 3 */
}

static void fault_io(void)
{
	asm volatile("outb %%al, $0x80" : : "a"(0)); /* no I/O permission bitmap: #GP */
}

static void fault_gp(void)
{
	/* Selector 0x1234 points past any GDT MenuOS sets up: #GP (or #NP) on the load. */
	unsigned short sel = 0x1234;
	/* If the load ever succeeds, put a working %ds back so "survived" can still print. */
	asm volatile("movw %0, %%ds\n\t"
		     "movw %%ss, %0\n\t"
		     "movw %0, %%ds"
		     : "+r"(sel));
}
#endif

static const struct fault faults[] = {
	{ "null", "write to address 0", fault_null },
	{ "kernel", "read of 0xC0000000 (kernel memory)", fault_kernel },
#if defined(__i386__) || defined(__x86_64__)
	{ "div", "divide by zero", fault_div },
	{ "ud2", "invalid opcode", fault_ud2 },
	{ "cli", "cli in user mode", fault_cli },
	{ "hlt", "hlt in user mode", fault_hlt },
	{ "io", "outb to port 0x80", fault_io },
	{ "gp", "load a bad selector into %ds", fault_gp },
#endif
};

static void usage(void)
{
	printf("usage: faults KIND\n");
	for (const fault &f : faults)
		printf("  %-7s %s\n", f.name, f.what);
}

int main(int argc, char *argv[])
{
	if (argc < 2) {
		usage();
		return 2;
	}
	for (const fault &f : faults) {
		if (strcmp(argv[1], f.name) != 0)
			continue;
		printf("faults: %s (%s)\n", f.name, f.what);
		fflush(stdout);
		f.fn();
		printf("survived\n");
		return 1;
	}
	printf("faults: unknown kind '%s'\n", argv[1]);
	usage();
	return 2;
}
