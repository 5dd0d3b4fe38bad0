# MenuOS: a freestanding C++ i386 teaching kernel for the socket system-call lab.
#
#   make run       install what is missing, build, boot QEMU on this terminal (serial console)
#   make test      install what is missing, build, run every test; ends with "N passed, N failed"
#   make help      every target
#
# Sources are found by folder: boot/ kernel/ net/ make the kernel, libc/ the C library,
# user/NAME.c, user/NAME.cpp or user/NAME/*.cpp one program each (/bin/NAME in the rootfs).

BUILD      ?= build
V          ?= 0
ifeq ($(V),0)
Q := @
else
Q :=
endif
CXX        ?= g++
CC         ?= gcc
LD         ?= ld
PYTHON     ?= python3
# Extra host files for the rootfs: make ROOTFS_EXTRA=dir copies dir/* into the image's root.
ROOTFS_EXTRA ?=
# Extra kernel command line for run/debug/run-iso.
APPEND     ?=
# libc's socket functions: socketcall (102, as glibc on i386) or direct (syscalls 359-373).
SOCKETCALL ?= socketcall

.DEFAULT_GOAL := all
MAKEFLAGS += --no-builtin-rules
# Build on every core unless the caller chose (-j1, -j8...).
ifeq ($(filter -j%,$(MAKEFLAGS)),)
MAKEFLAGS += -j$(shell nproc 2>/dev/null || echo 2)
endif
.SUFFIXES:

# ---------------------------------------------------------------- flags
WARN      := -Wall -Wextra -Werror
COMMON    := -m32 -O2 -g -fno-pie -fno-stack-protector -fno-omit-frame-pointer \
             -fno-asynchronous-unwind-tables -fno-strict-aliasing $(WARN)
KCXXFLAGS := -std=c++20 $(COMMON) -ffreestanding -fno-exceptions -fno-rtti -nostdlib \
             -fno-threadsafe-statics -fno-use-cxa-atexit -mgeneral-regs-only -mno-sse -mno-mmx \
             -mno-80387 -fno-builtin-printf -DMENUOS_KERNEL -I. -Iinclude -I$(BUILD)/gen -MMD -MP
KASFLAGS  := -m32 -g -I. -Iinclude -I$(BUILD)/gen -DMENUOS_KERNEL -D__ASSEMBLY__ -MMD -MP
LIBGCC    := $(shell $(CXX) -m32 -print-libgcc-file-name 2>/dev/null)

# User space: C++ and C against our libc only. No SSE: the kernel saves x87 state only.
UINC      := -Ilibc/include -Iinclude -I$(BUILD)/gen
UFLAGS    := $(COMMON) -ffreestanding -nostdlib -nostdinc -mno-sse -mno-mmx $(UINC) -MMD -MP \
             -isystem $(shell $(CC) -m32 -print-file-name=include)
UCXXFLAGS := -std=c++20 $(UFLAGS) -fno-exceptions -fno-rtti -fno-threadsafe-statics -fno-use-cxa-atexit
UCFLAGS   := -std=c11 $(UFLAGS)
ifeq ($(SOCKETCALL),direct)
UCXXFLAGS += -DMENUOS_DIRECT_SOCKETCALLS
endif

# Host unit tests: the same pure sources, -m32 so struct layouts match the kernel's.
HCXXFLAGS := -std=c++20 -m32 -O1 -g $(WARN) -DMENUOS_HOST_TEST -I. -Iinclude -MMD -MP

# ---------------------------------------------------------------- kernel
KSRC := $(sort $(shell find boot kernel net -name '*.cpp' -o -name '*.S' 2>/dev/null))
KOBJ := $(patsubst %,$(BUILD)/k/%.o,$(KSRC)) $(BUILD)/k/gen/syscall_table.S.o
GEN  := $(BUILD)/gen/asm/unistd_32.h $(BUILD)/gen/syscall_names.h

$(BUILD)/gen/syscall_table.S: kernel/syscall_32.tbl scripts/syscalltbl.py
	@mkdir -p $(dir $@)
	$(Q)$(PYTHON) scripts/syscalltbl.py table $< $@
$(BUILD)/gen/asm/unistd_32.h: kernel/syscall_32.tbl scripts/syscalltbl.py
	@mkdir -p $(dir $@)
	$(Q)$(PYTHON) scripts/syscalltbl.py unistd $< $@
$(BUILD)/gen/syscall_names.h: kernel/syscall_32.tbl scripts/syscalltbl.py
	@mkdir -p $(dir $@)
	$(Q)$(PYTHON) scripts/syscalltbl.py names $< $@

$(BUILD)/k/%.cpp.o: %.cpp | $(GEN)
	@mkdir -p $(dir $@)
	@echo "  CXX     $<"
	$(Q)$(CXX) $(KCXXFLAGS) -c $< -o $@
$(BUILD)/k/%.S.o: %.S | $(GEN)
	@mkdir -p $(dir $@)
	@echo "  AS      $<"
	$(Q)$(CXX) $(KASFLAGS) -c $< -o $@
$(BUILD)/k/gen/%.S.o: $(BUILD)/gen/%.S
	@mkdir -p $(dir $@)
	@echo "  AS      $<"
	$(Q)$(CXX) $(KASFLAGS) -c $< -o $@

# Two links: the second embeds the symbol table (kallsyms) the oops printer uses. The table is
# the last loaded section, so its size does not move any symbol that comes before it.
$(BUILD)/vmlinux: $(KOBJ) linker.ld scripts/kallsyms.py
	$(Q)$(PYTHON) scripts/kallsyms.py --empty $(BUILD)/gen/kallsyms0.S
	$(Q)$(CXX) $(KASFLAGS) -c $(BUILD)/gen/kallsyms0.S -o $(BUILD)/k/gen/kallsyms0.o
	@echo "  LD      $@"
	$(Q)$(LD) -m elf_i386 -T linker.ld -o $@.tmp $(KOBJ) $(BUILD)/k/gen/kallsyms0.o $(LIBGCC)
	$(Q)$(PYTHON) scripts/kallsyms.py $@.tmp $(BUILD)/gen/kallsyms.S
	$(Q)$(CXX) $(KASFLAGS) -c $(BUILD)/gen/kallsyms.S -o $(BUILD)/k/gen/kallsyms.o
	$(Q)$(LD) -m elf_i386 -T linker.ld -o $@ $(KOBJ) $(BUILD)/k/gen/kallsyms.o $(LIBGCC)
	@rm -f $@.tmp

# ---------------------------------------------------------------- libc
LIBC_SRC := $(sort $(shell find libc -name '*.cpp' -o -name '*.S' 2>/dev/null))
LIBC_OBJ := $(patsubst %,$(BUILD)/u/%.o,$(LIBC_SRC))
LIBC     := $(BUILD)/libc.a

# The user flags (SOCKETCALL=direct changes them) are a prerequisite of every user object:
# the stamp is rewritten only when they change, so switching rebuilds what they affect.
UFLAGS_STAMP := $(BUILD)/gen/uflags.stamp
$(shell mkdir -p $(BUILD)/gen && echo '$(UCXXFLAGS) $(UCFLAGS)' | cmp -s - $(UFLAGS_STAMP) || \
        echo '$(UCXXFLAGS) $(UCFLAGS)' > $(UFLAGS_STAMP))

$(BUILD)/u/%.cpp.o: %.cpp $(UFLAGS_STAMP) | $(GEN)
	@mkdir -p $(dir $@)
	@echo "  CXX     $<"
	$(Q)$(CXX) $(UCXXFLAGS) -c $< -o $@
$(BUILD)/u/%.c.o: %.c $(UFLAGS_STAMP) | $(GEN)
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(UCFLAGS) -c $< -o $@
$(BUILD)/u/%.S.o: %.S | $(GEN)
	@mkdir -p $(dir $@)
	@echo "  AS      $<"
	$(Q)$(CC) -m32 -g $(UINC) -D__ASSEMBLY__ -MMD -MP -c $< -o $@

# libc's printf and basic string functions are the kernel's, included from kernel/lib/.
$(BUILD)/u/libc/vsprintf.cpp.o $(BUILD)/u/libc/kstring.cpp.o: UCXXFLAGS += -I.

$(LIBC): $(LIBC_OBJ)
	@rm -f $@
	@echo "  AR      $@"
	$(Q)ar rcs $@ $^

# ---------------------------------------------------------------- user programs
# user/NAME.c, user/NAME.cpp, user/NAME/*.{c,cpp}: one static program each.
UPROG_FILES := $(sort $(wildcard user/*.c user/*.cpp))
UPROG_DIRS  := $(sort $(patsubst %/,%,$(dir $(wildcard user/*/*.c user/*/*.cpp))))
UPROGS      := $(sort $(basename $(notdir $(UPROG_FILES))) $(notdir $(UPROG_DIRS)))
UBINS       := $(patsubst %,$(BUILD)/bin/%,$(UPROGS))
USER_LD     := user/user.ld

define uprog_rule
$(BUILD)/bin/$(1): $(patsubst %,$(BUILD)/u/%.o,$(wildcard user/$(1).c user/$(1).cpp user/$(1)/*.c user/$(1)/*.cpp)) $(LIBC) $(USER_LD)
	@mkdir -p $$(dir $$@)
	@echo "  LD      $$@"
	$(Q)$(LD) -m elf_i386 -static -T $(USER_LD) -o $$@ $(BUILD)/u/libc/crt0.S.o $$(filter %.o,$$^) $(LIBC) $(LIBGCC)
endef
$(foreach p,$(UPROGS),$(eval $(call uprog_rule,$(p))))

# ---------------------------------------------------------------- rootfs and iso
$(BUILD)/rootfs.img: $(UBINS) scripts/mkrootfs.py FORCE
	@echo "  ROOTFS  $@"
	$(Q)$(PYTHON) scripts/mkrootfs.py -o $@ --bin $(BUILD)/bin $(if $(ROOTFS_EXTRA),--extra $(ROOTFS_EXTRA))

$(BUILD)/menuos.iso: $(BUILD)/vmlinux $(BUILD)/rootfs.img scripts/mkiso.sh
	sh scripts/mkiso.sh $(BUILD) "$(APPEND)"

# ---------------------------------------------------------------- host unit tests
# Each tests/unit/*.mk adds pure sources (built for the host too) to UNIT_SRCS.
UNIT_SRCS :=
-include $(wildcard tests/unit/*.mk)
UNIT_TESTS := $(sort $(shell find tests/unit -name '*_test.cpp' 2>/dev/null))
UNIT_OBJ   := $(patsubst %,$(BUILD)/h/%.o,$(UNIT_TESTS) $(UNIT_SRCS)) $(BUILD)/h/catch_main.o $(UNIT_EXTRA_OBJ)

$(BUILD)/h/catch_main.o: tests/unit/catch_main.cpp
	@mkdir -p $(dir $@)
	$(CXX) -std=c++20 -m32 -O0 -c $< -o $@
$(BUILD)/h/%.cpp.o: %.cpp | $(GEN)
	@mkdir -p $(dir $@)
	@echo "  HOSTCXX $<"
	$(Q)$(CXX) $(HCXXFLAGS) -c $< -o $@
$(BUILD)/unit-tests: $(UNIT_OBJ)
	@echo "  LD      $@"
	$(Q)$(CXX) -m32 -no-pie -o $@ $^

# ---------------------------------------------------------------- top-level targets
.PHONY: all kernel rootfs iso run debug gdb run-iso test unit bench clean deps help capture diagram FORCE
FORCE:

all: $(BUILD)/vmlinux $(BUILD)/rootfs.img
kernel: $(BUILD)/vmlinux
rootfs: $(BUILD)/rootfs.img
iso: $(BUILD)/menuos.iso
unit: $(BUILD)/unit-tests

deps:
	@sh scripts/install-deps.sh

run: deps
	@$(MAKE) --no-print-directory all
	@$(PYTHON) scripts/qemu.py run --append "$(APPEND)"

run-iso: deps
	@$(MAKE) --no-print-directory iso
	@$(PYTHON) scripts/qemu.py run --iso $(BUILD)/menuos.iso

debug: deps
	@$(MAKE) --no-print-directory all
	@$(PYTHON) scripts/qemu.py run --debug --append "$(APPEND)"

gdb:
	@$(PYTHON) scripts/gdb/mkgdbinit.py $(BUILD)/gdbinit
	gdb -q -x $(BUILD)/gdbinit

capture: deps
	@$(MAKE) --no-print-directory all
	@$(PYTHON) scripts/qemu.py run --capture $(BUILD)/lo.pcap --append "capture=1 $(APPEND)"

test: deps
	@$(MAKE) --no-print-directory all unit
	@$(PYTHON) tests/run.py

bench: deps
	@$(MAKE) --no-print-directory all
	@$(PYTHON) scripts/bench.py

# docs/sequence.md: one replyhi/hello exchange drawn from the tracer's output.
diagram: deps
	@$(MAKE) --no-print-directory all
	@$(PYTHON) scripts/seqdiagram.py --run -o docs/sequence.md

clean:
	rm -rf $(BUILD) compile_commands.json

compile_commands.json: FORCE
	$(PYTHON) scripts/compdb.py "$(KCXXFLAGS)" "$(UCXXFLAGS)" "$(HCXXFLAGS)" > $@

help:
	@echo "make run          build and boot MenuOS in QEMU on this terminal (quit: Ctrl-A X, or 'quit')"
	@echo "make test         build and run every test (unit, QEMU, gdb); ends with N passed, N failed"
	@echo "make debug        boot paused with the gdb stub on :1234 (-s -S), under TCG"
	@echo "make gdb          gdb with build/vmlinux, attached to :1234, MenuOS helpers loaded"
	@echo "make iso          build/menuos.iso, a GRUB rescue ISO; make run-iso boots it"
	@echo "make capture      run with packet capture of lo into build/lo.pcap"
	@echo "make bench        boot time, syscall cost, socket figures (MenuOS and Linux side by side)"
	@echo "make unit         host unit tests only (build/unit-tests)"
	@echo "make deps         install missing packages (apt)"
	@echo "make compile_commands.json   for clangd"
	@echo "variables: APPEND='opts' ROOTFS_EXTRA=dir SOCKETCALL=direct"

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
