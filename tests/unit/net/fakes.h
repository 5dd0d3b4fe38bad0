/* What tests/unit/net/fakes.cpp offers the network tests. */
#pragma once
#include "net/sock.h"

/* Runs softirqs and due timers until nothing is left (what the kernel does between calls). */
void net_fake_settle(void);
/* Advances the fake jiffies by ms, running timers and softirqs on the way. */
void net_fake_advance(unsigned long ms);
/* Wake-ups recorded by the fake __wake_up. */
extern unsigned long net_fake_wakeups;
/* Set when a fake sleep could make no progress (the call then sees a signal: -EINTR). */
extern bool net_fake_stuck;
/* Resets the fd table (closes every fd). */
void net_fake_reset_fds(void);
/* Bytes written to the capture sink. */
extern size_t net_fake_capture_bytes;
