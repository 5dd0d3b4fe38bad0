/* Command-line parsing (init/main.c, lib/cmdline.c in spirit). Pure. */
#include "kernel/cmdline.h"

int cmdline_parse(cmdline *cl, const char *text)
{
    strlcpy(cl->buf, text ? text : "", sizeof(cl->buf));
    cl->count = 0;
    char *p = cl->buf;
    while (*p) {
        while (*p == ' ' || *p == '\t' || *p == '\n')
            *p++ = '\0';
        if (!*p)
            break;
        char *key = p;
        char *value = nullptr;
        bool quoted = false;
        for (; *p && (quoted || (*p != ' ' && *p != '\t' && *p != '\n')); p++) {
            if (*p == '=' && !value) {
                *p = '\0';
                value = p + 1;
                if (*value == '"') {
                    quoted = true;
                    value++;
                    p++;
                }
            } else if (*p == '"' && quoted) {
                *p = '\0';
                quoted = false;
            }
        }
        if (*p)
            *p++ = '\0';
        if (cl->count < CMDLINE_MAX_PARAMS)
            cl->params[cl->count++] = {key, value ? value : ""};
    }
    return cl->count;
}

const char *cmdline_find(const cmdline *cl, const char *key)
{
    for (int i = cl->count - 1; i >= 0; i--)
        if (!strcmp(cl->params[i].key, key))
            return cl->params[i].value;
    return nullptr;
}
