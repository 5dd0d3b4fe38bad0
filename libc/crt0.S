/* Program entry (_start) for static i386 programs. The kernel's execve left the SysV ABI
 * layout on the stack: argc, argv[0..argc-1], NULL, envp[...], NULL, auxv. */
    .text
    .globl _start
    .type _start, @function
_start:
    xorl %ebp, %ebp            /* the outermost frame: backtraces stop here */
    movl (%esp), %eax          /* argc */
    leal 4(%esp), %ebx         /* argv */
    leal 8(%esp, %eax, 4), %ecx /* envp = argv + argc + 1 */
    andl $-16, %esp            /* the ABI's 16-byte alignment at the call */
    subl $4, %esp
    pushl %ecx
    pushl %ebx
    pushl %eax
    movl %ecx, environ
    call __libc_start_main_menuos /* (argc, argv, envp): runs main, then exit() */
    hlt                        /* never reached: a privileged instruction ends the process */
    .size _start, . - _start
    .section .note.GNU-stack, "", @progbits
