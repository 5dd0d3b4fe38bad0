# The C library's pure parts, tested on the host against the host's C library. The libc
# objects are built exactly as for MenuOS (our headers, freestanding), linked into one object
# and every symbol is prefixed with menuos_ (objcopy), so they cannot collide with the host's
# strlen or printf: the tests call menuos_strlen and compare with strlen.
LIBC_HOST_SRCS := libc/string.cpp libc/kstring.cpp libc/stdlib.cpp libc/inet.cpp libc/vsprintf.cpp libc/malloc.cpp \
                  libc/strerror.cpp
LIBC_HOST_OBJ  := $(BUILD)/h/libc-prefixed.o
UNIT_EXTRA_OBJ += $(LIBC_HOST_OBJ)

$(LIBC_HOST_OBJ): $(patsubst %,$(BUILD)/u/%.o,$(LIBC_HOST_SRCS))
	@mkdir -p $(dir $@)
	@echo "  PREFIX  $@"
	$(Q)$(LD) -m elf_i386 -r -o $@.tmp $^
	$(Q)objcopy --prefix-symbols=menuos_ $@.tmp $@
	@rm -f $@.tmp
UNIT_SRCS += tests/unit/libc/host_shims.cpp
