/* The banner, in the shape of Linux's linux_banner (init/version.c). */
#include "kernel/version.h"

extern "C" const char menuos_banner[] =
    UTS_SYSNAME " version " UTS_RELEASE " (g++ " __VERSION__ ") " UTS_VERSION;
