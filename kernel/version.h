/* The version string printed at boot and by uname (include/generated/compile.h in Linux). */
#pragma once

#define UTS_SYSNAME "MenuOS"
#define UTS_RELEASE "0.1.0"
#define UTS_VERSION "#1 " __DATE__
#define UTS_MACHINE "i686"

extern "C" const char menuos_banner[];
