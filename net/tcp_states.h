/* TCP states (include/net/tcp_states.h), numbered as Linux so /proc/net/tcp reads the same.
 * AF_UNIX and UDP socks reuse the names: TCP_CLOSE, TCP_LISTEN, TCP_ESTABLISHED. */
#pragma once

enum {
    TCP_ESTABLISHED = 1,
    TCP_SYN_SENT,
    TCP_SYN_RECV,
    TCP_FIN_WAIT1,
    TCP_FIN_WAIT2,
    TCP_TIME_WAIT,
    TCP_CLOSE,
    TCP_CLOSE_WAIT,
    TCP_LAST_ACK,
    TCP_LISTEN,
    TCP_CLOSING,
    TCP_MAX_STATES
};

inline constexpr const char *tcp_state_name[TCP_MAX_STATES] = {
    "?", "ESTABLISHED", "SYN_SENT", "SYN_RECV", "FIN_WAIT1", "FIN_WAIT2", "TIME_WAIT",
    "CLOSE", "CLOSE_WAIT", "LAST_ACK", "LISTEN", "CLOSING",
};
