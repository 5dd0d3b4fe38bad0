/* Power off and halt (kernel/reboot.c, arch/x86/kernel/reboot.c). */
#pragma once

extern "C" {
[[noreturn]] void machine_power_off(void);
[[noreturn]] void machine_restart(void);
/* Ends QEMU with status (code << 1) | 1 through the isa-debug-exit device, when present. */
void qemu_debug_exit(int code);
/* After an oops: exit QEMU if the command line says `oops=exit`, else just return (halt). */
void machine_halt_on_oops(void);
}
