/* Signal numbers (Linux i386) and the default actions MenuOS implements: no user handlers
 * (sigaction is -ENOSYS); a fatal signal ends the process and its number shows in wait4. */
#pragma once

#include "uapi/signal.h"
