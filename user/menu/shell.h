/* What the menu's source files share: the command handlers main.cpp registers and a few
 * helpers. Each handler takes the argv the loop split and returns 0 on success. */
#ifndef MENUOS_SHELL_H
#define MENUOS_SHELL_H

#include <unistd.h>

#define MENU_MAX_ARGS 32

/* builtins.cpp: commands that only ask the kernel for something and print it. */
int cmd_version(int argc, char *argv[]);
int cmd_quit(int argc, char *argv[]);
int cmd_clear(int argc, char *argv[]);
int cmd_time(int argc, char *argv[]);
int cmd_time_asm(int argc, char *argv[]);
int cmd_uname(int argc, char *argv[]);
int cmd_ps(int argc, char *argv[]);
int cmd_ls(int argc, char *argv[]);
int cmd_cat(int argc, char *argv[]);
int cmd_echo(int argc, char *argv[]);

/* proc_cmds.cpp: commands that make processes. */
int cmd_exec(int argc, char *argv[]);
int cmd_fork(int argc, char *argv[]);

/* tool_cmds.cpp: the kernel's switches and the network tools in /bin. */
int cmd_trace(int argc, char *argv[]);
int cmd_capture(int argc, char *argv[]);
int cmd_dmesg(int argc, char *argv[]);
int cmd_kill(int argc, char *argv[]);
int cmd_ping(int argc, char *argv[]);
int cmd_netstat(int argc, char *argv[]);
int cmd_ifconfig(int argc, char *argv[]);

/* Runs /bin/NAME with argv (fork, execve, wait) as `exec` does; returns its status. */
int run_program(const char *name, int argc, char *argv[]);

/* netif.cpp: configures lo and brings it up (three sockets and their ioctls), before the
 * first prompt. Returns 0, or -1 after printing what failed. */
int BringUpNetInterface(void);

/* net_cmds.cpp: the lab's TCP server and client. */
int cmd_replyhi(int argc, char *argv[]);
int cmd_hello(int argc, char *argv[]);

/* Collects every finished child without blocking, so none stays a zombie (as pid 1 the shell
 * also inherits orphans). Called before each prompt. */
void reap_children(void);
/* Told by reap_children about each child it collected; forgets the server if it was it. */
void replyhi_reaped(pid_t pid, int status);

/* "exited with status N" / "killed by signal N (NAME)" for a waitpid status; nothing for 0. */
void report_status(const char *who, int status);
const char *signal_name(int sig);

/* "WHAT: <strerror(errno)>" on stdout, so it stays in order with the rest of the output. */
void print_errno(const char *what);

/* Powers off (LINUX_REBOOT_CMD_POWER_OFF); returns only if the kernel refused. */
int power_off(void);

#endif
