/* Offsets of task_struct fields that kernel/entry.S reads (Linux generates asm-offsets.h;
 * here kernel/sched.h checks these numbers with static_assert). */
#pragma once
#define TASK_pending 4
#define TASK_need_resched 8
