/* Protocol counters, printed by /proc/net/snmp (include/uapi/linux/snmp.h, simplified).
 * Every dropped packet is counted here under the reason it was dropped. */
#pragma once
#include "kernel/types.h"

struct net_mib {
    u32 ip_in_receives, ip_in_hdr_errors, ip_in_addr_errors, ip_in_unknown_protos;
    u32 ip_in_discards, ip_in_delivers, ip_out_requests, ip_out_discards;
    u32 icmp_in_msgs, icmp_in_errors, icmp_in_echos, icmp_in_dest_unreachs;
    u32 icmp_out_msgs, icmp_out_echo_reps, icmp_out_dest_unreachs;
    u32 udp_in_datagrams, udp_no_ports, udp_in_errors, udp_out_datagrams, udp_rcvbuf_errors;
    u32 tcp_active_opens, tcp_passive_opens, tcp_attempt_fails, tcp_estab_resets;
    u32 tcp_in_segs, tcp_out_segs, tcp_retrans_segs, tcp_in_errs, tcp_out_rsts;
    u32 tcp_listen_drops, tcp_ofo_queued, tcp_dup_segs, tcp_ack_skipped;
    u32 skb_alloc, skb_free;
};

extern "C" net_mib net_stats;
