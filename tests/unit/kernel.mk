# Pure kernel sources that the host unit tests build and drive directly.
UNIT_SRCS += tests/unit/kernel/fakes.cpp kernel/cmdline.cpp kernel/lib/vsprintf.cpp kernel/lib/strlcpy.cpp kernel/lib/cpio.cpp \
             kernel/lib/elf.cpp kernel/mm/page_bitmap.cpp kernel/mm/slab.cpp kernel/timer.cpp
