/* Packet capture: every packet that crosses lo, as a pcap stream on the second serial port.
 * LINKTYPE_RAW (101): records start at the IPv4 header, since lo has no link header.
 * Timestamps come from jiffies (millisecond resolution). `make capture` saves the stream to
 * build/lo.pcap; `tshark -r build/lo.pcap` reads it. */
#include "net/netdevice.h"
#include "kernel/serial.h"
#include "kernel/timer.h"

#define PCAP_MAGIC 0xa1b2c3d4u
#define LINKTYPE_RAW 101
#define PCAP_SNAPLEN 65535

struct pcap_file_header {
    u32 magic;
    u16 version_major, version_minor;
    s32 thiszone;
    u32 sigfigs, snaplen, linktype;
};
struct pcap_record_header {
    u32 ts_sec, ts_usec, incl_len, orig_len;
};
static_assert(sizeof(pcap_file_header) == 24 && sizeof(pcap_record_header) == 16);

#ifdef MENUOS_HOST_TEST
static void default_sink(const void *, size_t) {}
#else
static void default_sink(const void *buf, size_t len) { serial2_write(buf, len); }
#endif

extern "C" {
void (*net_capture_sink)(const void *buf, size_t len) = default_sink;
}
static bool capture_on;
static bool header_written;

extern "C" void net_capture_enable(bool on)
{
    capture_on = on;
    if (on && !header_written) {
        static constexpr pcap_file_header h = {PCAP_MAGIC, 2, 4, 0, 0, PCAP_SNAPLEN, LINKTYPE_RAW};
        net_capture_sink(&h, sizeof(h));
        header_written = true;
    }
}

extern "C" bool net_capture_enabled(void) { return capture_on; }

extern "C" void net_capture_packet(const sk_buff *skb)
{
    unsigned long t = skb->tstamp;
    u32 incl = skb->len > PCAP_SNAPLEN ? PCAP_SNAPLEN : skb->len;
    pcap_record_header r = {(u32)(t / HZ), (u32)((t % HZ) * (1000000 / HZ)), incl, skb->len};
    net_capture_sink(&r, sizeof(r));
    net_capture_sink(skb->data, incl);
}
