/* The menu loop: read a line from fd 0, split it into argv, run the registered handler.
 * Mirrors the original MenuOS menu library (SetPrompt/MenuConfig/ExecuteMenu), but reads with
 * read(2) itself so that over-long lines, NUL bytes and EOF are handled on purpose.
 * Next: main.cpp (the commands), builtins.cpp. */
#include "menu.h"
#include "shell.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MENU_MAX_CMDS 64
#define LINE_MAX_LEN 4096 /* a line of this many bytes or more is refused */

struct menu_cmd {
	const char *name;
	const char *desc;
	menu_handler_t handler;
};

static menu_cmd menu_cmds[MENU_MAX_CMDS];
static int menu_ncmds;
static const char *menu_prompt = "MenuOS>>";

static const char banner[] =
	"\n"
	"   __  __                   ___  ____  \n"
	"  |  \\/  | ___ _ __  _   _ / _ \\/ ___| \n"
	"  | |\\/| |/ _ \\ '_ \\| | | | | | \\___ \\ \n"
	"  | |  | |  __/ | | | |_| | |_| |___) |\n"
	"  |_|  |_|\\___|_| |_|\\__,_|\\___/|____/ \n"
	"\n"
	"  Sockets from socket() to the wire. Type help for the commands.\n"
	"\n";

static int cmd_help(int, char *[])
{
	printf("Commands:\n");
	for (int i = 0; i < menu_ncmds; i++)
		printf("    * %s - %s\n", menu_cmds[i].name, menu_cmds[i].desc);
	return 0;
}

void SetPrompt(const char *prompt)
{
	menu_prompt = prompt ? prompt : "";
}

static menu_cmd *find_cmd(const char *name)
{
	for (int i = 0; i < menu_ncmds; i++)
		if (strcmp(menu_cmds[i].name, name) == 0)
			return &menu_cmds[i];
	return nullptr;
}

static int add_cmd(const char *cmd, const char *desc, menu_handler_t handler)
{
	if (!cmd || !*cmd || !handler || find_cmd(cmd) || menu_ncmds == MENU_MAX_CMDS)
		return -1;
	menu_cmds[menu_ncmds++] = { cmd, desc ? desc : "", handler };
	return 0;
}

int MenuConfig(const char *cmd, const char *desc, menu_handler_t handler)
{
	if (menu_ncmds == 0)
		add_cmd("help", "List the commands", cmd_help);
	return add_cmd(cmd, desc, handler);
}

/*
 * Line reader over fd 0. The buffer keeps what one read() returned beyond the current line;
 * on a console each read() returns one line anyway. A child started by exec shares fd 0, so
 * bytes buffered here are never seen by it: the same as any shell reading a pipe in blocks.
 */
static char in_buf[512];
static int in_len, in_pos;
static bool in_eof;

static int next_byte(void)
{
	if (in_pos == in_len) {
		if (in_eof)
			return -1;
		int n;
		do {
			n = read(0, in_buf, sizeof(in_buf));
		} while (n < 0 && errno == EINTR);
		if (n <= 0) {
			in_eof = true; /* a read error ends input the same way EOF does */
			return -1;
		}
		in_len = n;
		in_pos = 0;
	}
	return (unsigned char)in_buf[in_pos++];
}

enum { LINE_EOF = -1, LINE_TOO_LONG = -2 };

/* Returns the line's length (newline dropped), LINE_EOF, or LINE_TOO_LONG after discarding
 * the rest of an over-long line. A last line without newline still counts as a line. */
static int read_line(char *line)
{
	int len = 0;
	bool too_long = false;
	for (;;) {
		int c = next_byte();
		if (c < 0) {
			if (len == 0 && !too_long)
				return LINE_EOF;
			break;
		}
		if (c == '\n')
			break;
		if (len < LINE_MAX_LEN - 1)
			line[len++] = (char)c;
		else
			too_long = true;
	}
	line[len] = '\0';
	return too_long ? LINE_TOO_LONG : len;
}

static bool is_separator(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

/* Splits in place. NUL bytes typed on the line act as separators, so a word never hides
 * bytes after a NUL. Returns argc, or -1 if there are more than MENU_MAX_ARGS words. */
static int split_line(char *line, int len, char *argv[])
{
	int argc = 0;
	int i = 0;
	while (i < len) {
		while (i < len && (is_separator(line[i]) || line[i] == '\0'))
			line[i++] = '\0';
		if (i == len)
			break;
		if (argc == MENU_MAX_ARGS)
			return -1;
		argv[argc++] = &line[i];
		while (i < len && !is_separator(line[i]) && line[i] != '\0')
			i++;
	}
	argv[argc] = nullptr;
	return argc;
}

/* Prints a word the user typed without letting control characters reach the terminal. */
static void print_escaped(const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c < 0x20 || c == 0x7f)
			printf("\\x%02x", c);
		else
			putchar(c);
	}
}

static void end_of_input(void)
{
	if (getpid() == 1) {
		printf("\nmenu: end of input on the console, powering off\n");
		power_off();
		print_errno("menu: reboot");
	} else {
		printf("\nmenu: end of input\n");
	}
	fflush(stdout);
	exit(0);
}

void ExecuteMenu(void)
{
	static char line[LINE_MAX_LEN];
	char *argv[MENU_MAX_ARGS + 1];

	if (menu_ncmds == 0)
		MenuConfig(nullptr, nullptr, nullptr); /* help alone */
	fputs(banner, stdout);
	for (;;) {
		reap_children();
		printf("%s ", menu_prompt);
		fflush(stdout);

		int len = read_line(line);
		if (len == LINE_EOF)
			end_of_input();
		if (len == LINE_TOO_LONG) {
			printf("line too long (limit %d bytes)\n", LINE_MAX_LEN - 1);
			continue;
		}
		int argc = split_line(line, len, argv);
		if (argc == 0)
			continue;
		if (argc < 0) {
			printf("too many arguments (limit %d)\n", MENU_MAX_ARGS);
			continue;
		}
		menu_cmd *cmd = find_cmd(argv[0]);
		if (!cmd) {
			printf("unknown command '");
			print_escaped(argv[0]);
			printf("': type help\n");
			continue;
		}
		cmd->handler(argc, argv);
		fflush(stdout);
	}
}
