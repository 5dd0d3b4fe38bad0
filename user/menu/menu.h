/* The MenuOS menu API: register commands with MenuConfig(), then run ExecuteMenu().
 * The names and the table format come from the original MenuOS labs; menu.cpp holds the loop,
 * main.cpp registers the commands. See docs/userland.md for a worked example. */
#ifndef MENUOS_MENU_H
#define MENUOS_MENU_H

typedef int (*menu_handler_t)(int argc, char *argv[]);

/* The text before the cursor; the loop prints it followed by one space. */
void SetPrompt(const char *prompt);

/* Adds a command. The first call also registers "help". Returns 0, or -1 if the table is full
 * or the name is taken (the first registration wins). */
int MenuConfig(const char *cmd, const char *desc, menu_handler_t handler);

/* Reads commands from fd 0 and runs them; never returns (EOF powers off or exits). */
void ExecuteMenu(void);

#endif
