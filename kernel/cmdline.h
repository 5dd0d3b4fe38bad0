/* The kernel command line (init/main.c parse_args, simplified): space-separated `key=value`
 * or `key` words. Unknown keys (nokaslr, console=ttyS0, ...) are kept and ignored. Pure. */
#pragma once
#include "kernel/types.h"
#include "kernel/string.h"

#define COMMAND_LINE_SIZE 512
#define CMDLINE_MAX_PARAMS 32

struct cmdline_param {
    const char *key;
    const char *value; /* "" for a bare word */
};

struct cmdline {
    char buf[COMMAND_LINE_SIZE];
    cmdline_param params[CMDLINE_MAX_PARAMS];
    int count;
};

/* Splits `text` into params; returns the count (extra words beyond the limit are dropped).
 * Quotes group a value with spaces: init="/bin/sh -x". */
int cmdline_parse(cmdline *cl, const char *text);
/* The value of the last `key`, "" for a bare word, NULL when absent. */
const char *cmdline_find(const cmdline *cl, const char *key);

extern "C" {
extern char boot_command_line[COMMAND_LINE_SIZE];
void cmdline_init(const char *text);
const char *cmdline_get(const char *key);
}
