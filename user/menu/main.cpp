/* The MenuOS shell: /init (pid 1) and /bin/menu. Registers the commands and runs the loop;
 * adding a command is one MenuConfig line here plus its handler (docs/userland.md).
 * Next: menu.cpp (the loop), then the command files named in shell.h. */
#include "menu.h"
#include "shell.h"

int main(int, char *[])
{
	SetPrompt("MenuOS>>");
	MenuConfig("version", "MenuOS version and build information", cmd_version);
	MenuConfig("quit", "Power the machine off", cmd_quit);
	MenuConfig("clear", "Clear the screen", cmd_clear);
	MenuConfig("time", "Show the time (libc time(), system call 13)", cmd_time);
	MenuConfig("time-asm", "Show the time with inline int $0x80, eax=13", cmd_time_asm);
	MenuConfig("uname", "Print the kernel's name and version", cmd_uname);
	MenuConfig("ps", "List the processes (from /proc/ps)", cmd_ps);
	MenuConfig("ls", "List a directory: ls [DIR]", cmd_ls);
	MenuConfig("cat", "Print files: cat FILE...", cmd_cat);
	MenuConfig("echo", "Print the arguments", cmd_echo);
	MenuConfig("fork", "Fork a child that prints its pid; the parent waits", cmd_fork);
	MenuConfig("exec", "Run a program: exec PROGRAM [ARGS...]", cmd_exec);
	MenuConfig("replyhi", "Reply hi TCP Service: replyhi [PORT]", cmd_replyhi);
	MenuConfig("hello", "Hello TCP Client: hello [HOST [PORT [MESSAGE]]]", cmd_hello);
	MenuConfig("ping", "ICMP echo on the loopback: ping [-c N] [HOST]", cmd_ping);
	MenuConfig("netstat", "Sockets with their state and addresses", cmd_netstat);
	MenuConfig("ifconfig", "Show or set lo: ifconfig [lo [up|down|ADDR|netmask M|mtu N]]", cmd_ifconfig);
	MenuConfig("trace", "System-call tracer: trace on|off|socket|all", cmd_trace);
	MenuConfig("capture", "Packet capture of lo to the second serial port: capture on|off", cmd_capture);
	MenuConfig("dmesg", "The kernel log", cmd_dmesg);
	MenuConfig("kill", "Send a signal: kill PID [SIGNAL] (default 15, SIGTERM)", cmd_kill);
	BringUpNetInterface();
	ExecuteMenu();
	return 0;
}
