/* Host unit tests of the kernel's pure code: command line, formatter, cpio and ELF parsers,
 * page bitmap, kmalloc, timers, IDT gates, lists. */
#include <stdio.h>
static auto *const host_snprintf = snprintf;
#include <catch2/catch.hpp>
#include <stdexcept>
#include <string.h>
#include <string>
#include <vector>
#include "kernel/cmdline.h"
#include "kernel/desc.h"
#include "kernel/lib/cpio.h"
#include "kernel/lib/elf.h"
#include "kernel/list.h"
#include "kernel/mm/page_alloc.h"
#include "kernel/mm/slab.h"
#include "kernel/printk.h"
#include "kernel/slab.h"
#include "kernel/timer.h"
#include "tests/unit/kernel/fakes.h"
#include "uapi/errno.h"

/* ------------------------------------------------------------------ command line */

TEST_CASE("command line: key=value, bare words, quotes, last one wins, unknown kept")
{
    cmdline cl;
    int n = cmdline_parse(&cl, "console=ttyS0 nokaslr  init=\"/bin/sh -x\" trace=socket trace=all a=b=c");
    CHECK(n == 6);
    CHECK(std::string(cmdline_find(&cl, "console")) == "ttyS0");
    CHECK(std::string(cmdline_find(&cl, "nokaslr")) == "");
    CHECK(std::string(cmdline_find(&cl, "init")) == "/bin/sh -x");
    CHECK(std::string(cmdline_find(&cl, "trace")) == "all");
    CHECK(std::string(cmdline_find(&cl, "a")) == "b=c");
    CHECK(cmdline_find(&cl, "missing") == nullptr);
}

TEST_CASE("command line: empty, only spaces, and more words than the table holds")
{
    cmdline cl;
    CHECK(cmdline_parse(&cl, "") == 0);
    CHECK(cmdline_parse(&cl, nullptr) == 0);
    CHECK(cmdline_parse(&cl, "   \t  ") == 0);
    std::string many;
    for (int i = 0; i < 50; i++)
        many += "w" + std::to_string(i) + " ";
    CHECK(cmdline_parse(&cl, many.c_str()) == CMDLINE_MAX_PARAMS);
    std::string huge(2000, 'x');
    CHECK(cmdline_parse(&cl, huge.c_str()) == 1);
    CHECK(strlen(cl.params[0].key) == COMMAND_LINE_SIZE - 1);
}

/* ------------------------------------------------------------------ vsnprintf */

template <typename... Args> static void same(const char *fmt, Args... args)
{
    char want[200], got[200];
    int wn = host_snprintf(want, sizeof(want), fmt, args...);
    int gn = snprintf(got, sizeof(got), fmt, args...); /* the kernel's (renamed) */
    INFO("format " << fmt);
    CHECK(std::string(got) == want);
    CHECK(gn == wn);
}

TEST_CASE("kernel vsnprintf matches C for the conversions printk uses")
{
    for (const char *f : {"%d", "%5d", "%-5d|", "%05d", "%+d", "% d", "%.3d", "%8.3d", "%x", "%#x",
                          "%#010x", "%X", "%o", "%#o", "%u", "%.0d"})
        for (int v : {0, 1, -1, 255, -4096, 2147483647, -2147483647 - 1})
            same(f, v);
    same("%lu %ld %lx", 4000000000UL, -5L, 0xc0100000UL);
    same("%llu %lld %llx", 18446744073709551615ULL, -9000000000000LL, 0xfeedfacecafeULL);
    same("%zu %hhu %hd", (size_t)77, 300, 70000);
    same("[%s] [%8s] [%-8s] [%.2s]", "abc", "abc", "abc", "abc");
    same("%c%%%c", 'x', 'y');
    same("[%*d] [%-*d]", 5, 1, 5, 1);
    same("%5lu.%06lu", 3UL, 1234UL); /* printk's timestamp */
}

TEST_CASE("kernel vsnprintf truncates, counts, and prints %pS through kallsyms")
{
    char buf[6];
    CHECK(snprintf(buf, sizeof(buf), "%s", "0123456789") == 10);
    CHECK(std::string(buf) == "01234");
    char sym[64];
    snprintf(sym, sizeof(sym), "at %pS", (void *)0xc0101234);
    CHECK(std::string(sym) == "at sym_c0101234");
    const char *volatile null_string = nullptr;
    CHECK(snprintf(buf, sizeof(buf), "%s", null_string) == 6); /* "(null)" */
}

/* ------------------------------------------------------------------ cpio */

static std::string newc(const std::string &name, unsigned mode, const std::string &data)
{
    char hdr[111];
    host_snprintf(hdr, sizeof(hdr), "070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X", 1u, mode, 0u,
                  0u, 1u, 0u, (unsigned)data.size(), 0u, 0u, 0u, 0u, (unsigned)name.size() + 1, 0u);
    std::string out(hdr, 110);
    out += name;
    out += '\0';
    out.resize((out.size() + 3) & ~3u, '\0');
    out += data;
    out.resize((out.size() + 3) & ~3u, '\0');
    return out;
}

static std::string archive()
{
    return newc("bin", 040755, "") + newc("bin/true", 0100755, "\x7f" "ELFcontent") +
           newc("init", 0100755, "12345") + newc("TRAILER!!!", 0, "");
}

TEST_CASE("cpio walks a valid newc archive to the trailer")
{
    std::string a = archive();
    size_t off = 0;
    cpio_entry e;
    std::vector<std::string> names;
    cpio_status st;
    while ((st = cpio_next((const u8 *)a.data(), a.size(), &off, &e)) == CPIO_OK)
        names.push_back(std::string(e.name, e.name_len) + ":" + std::string((const char *)e.data, e.size));
    CHECK(st == CPIO_END);
    CHECK(names == std::vector<std::string>{"bin:", "bin/true:\x7f" "ELFcontent", "init:12345"});
}

TEST_CASE("cpio rejects truncated, corrupt and hostile archives without reading past the end")
{
    std::string a = archive();
    cpio_entry e;
    for (size_t cut = 0; cut < a.size(); cut += 3) {
        /* Copy exactly `cut` bytes into a heap buffer of that size: ASan-like exactness. */
        std::vector<u8> buf(a.begin(), a.begin() + (long)cut);
        size_t off = 0;
        cpio_status st;
        int guard = 0;
        while ((st = cpio_next(buf.data(), buf.size(), &off, &e)) == CPIO_OK && guard++ < 10)
            CHECK(e.data + e.size <= buf.data() + buf.size());
        CHECK(st != CPIO_OK);
    }
    std::string bad = a;
    bad[0] = '1';
    size_t off = 0;
    CHECK(cpio_next((const u8 *)bad.data(), bad.size(), &off, &e) == CPIO_ERROR);
    bad = a;
    bad[20] = 'G'; /* not hex */
    off = 0;
    CHECK(cpio_next((const u8 *)bad.data(), bad.size(), &off, &e) == CPIO_ERROR);
    std::string huge = newc("x", 0100644, "abc");
    memcpy(&huge[6 + 6 * 8], "FFFFFFF0", 8); /* filesize far past the end */
    off = 0;
    CHECK(cpio_next((const u8 *)huge.data(), huge.size(), &off, &e) == CPIO_ERROR);
    std::string noname = newc("x", 0100644, "abc");
    memcpy(&noname[6 + 11 * 8], "00000000", 8); /* namesize 0 */
    off = 0;
    CHECK(cpio_next((const u8 *)noname.data(), noname.size(), &off, &e) == CPIO_ERROR);
    std::string nonul = newc("xy", 0100644, "abc");
    nonul[110 + 2] = 'z'; /* the name's NUL replaced */
    off = 0;
    CHECK(cpio_next((const u8 *)nonul.data(), nonul.size(), &off, &e) == CPIO_ERROR);
}

/* ------------------------------------------------------------------ ELF */

struct elf_builder {
    std::vector<u8> bytes;
    elf32_hdr h{};
    std::vector<elf32_phdr> ph;

    elf_builder()
    {
        memcpy(h.e_ident, "\x7f" "ELF\x01\x01\x01", 7);
        h.e_type = ET_EXEC;
        h.e_machine = EM_386;
        h.e_version = 1;
        h.e_entry = 0x08048080;
        h.e_phoff = sizeof(elf32_hdr);
        h.e_ehsize = sizeof(elf32_hdr);
        h.e_phentsize = sizeof(elf32_phdr);
        ph.push_back({PT_LOAD, 0, 0x08048000, 0x08048000, 0x200, 0x200, PF_R | PF_X, 0x1000});
        ph.push_back({PT_LOAD, 0x1000, 0x08049000, 0x08049000, 0x10, 0x2000, PF_R | PF_W, 0x1000});
    }
    std::vector<u8> build()
    {
        h.e_phnum = (u16)ph.size();
        bytes.assign(0x1100, 0);
        memcpy(bytes.data(), &h, sizeof(h));
        memcpy(bytes.data() + sizeof(h), ph.data(), ph.size() * sizeof(elf32_phdr));
        return bytes;
    }
};

static int parse(std::vector<u8> b, elf_image *img) { return elf_parse(b.data(), b.size(), 0xbffc0000, img); }

TEST_CASE("ELF: a valid static i386 executable gives its segments, entry and AT_PHDR")
{
    elf_builder eb;
    elf_image img;
    REQUIRE(parse(eb.build(), &img) == 0);
    CHECK(img.entry == 0x08048080);
    CHECK(img.nseg == 2);
    CHECK(img.seg[1].writable);
    CHECK(!img.seg[0].writable);
    CHECK(img.phdr_vaddr == 0x08048000 + sizeof(elf32_hdr));
    CHECK(img.end == 0x0804b000);
}

TEST_CASE("ELF: every malformed header or segment is -ENOEXEC")
{
    elf_image img;
    auto expect_bad = [&](auto mutate) {
        elf_builder eb;
        mutate(eb);
        auto b = eb.build();
        CHECK(parse(b, &img) == -ENOEXEC);
    };
    expect_bad([](elf_builder &e) { e.h.e_ident[0] = 0; });
    expect_bad([](elf_builder &e) { e.h.e_ident[4] = 2; });  /* ELFCLASS64 */
    expect_bad([](elf_builder &e) { e.h.e_ident[5] = 2; });  /* big endian */
    expect_bad([](elf_builder &e) { e.h.e_type = 3; });      /* ET_DYN */
    expect_bad([](elf_builder &e) { e.h.e_machine = 62; });  /* x86-64 */
    expect_bad([](elf_builder &e) { e.h.e_phentsize = 40; });
    expect_bad([](elf_builder &e) { e.h.e_phoff = 0xfffffff0; });
    expect_bad([](elf_builder &e) { e.ph.clear(); });
    expect_bad([](elf_builder &e) { e.ph[0].p_filesz = 0x300; e.ph[0].p_memsz = 0x200; });
    expect_bad([](elf_builder &e) { e.ph[1].p_offset = 0x100000; });
    expect_bad([](elf_builder &e) { e.ph[1].p_vaddr = 0xc0000000; });
    expect_bad([](elf_builder &e) { e.ph[1].p_memsz = 0xfffff000; }); /* wraps */
    expect_bad([](elf_builder &e) { e.ph[1].p_vaddr = 0x08049004; }); /* page offsets differ */
    expect_bad([](elf_builder &e) { e.h.e_entry = 0x08049000; });    /* entry not executable */
    expect_bad([](elf_builder &e) { e.ph[0].p_vaddr = 0; });          /* page zero */
    std::vector<u8> tiny(10, 0x7f);
    CHECK(elf_parse(tiny.data(), tiny.size(), 0xbffc0000, &img) == -ENOEXEC);
}

/* ------------------------------------------------------------------ page bitmap */

TEST_CASE("page bitmap: first fit, contiguous runs, exhaustion and reuse")
{
    static u32 bits[1024 / 32];
    page_bitmap pb;
    pb_init(&pb, bits, 1024);
    CHECK(pb.nfree == 0);
    CHECK(pb_alloc(&pb, 1) == -1UL);
    pb_free_range(&pb, 100, 200);
    pb_reserve_range(&pb, 150, 10);
    CHECK(pb.nfree == 190);
    unsigned long a = pb_alloc(&pb, 40);
    CHECK(a == 100);
    CHECK(pb_alloc(&pb, 20) == 160); /* 140..149 is too short */
    unsigned long c = pb_alloc(&pb, 10);
    CHECK(c == 140);
    CHECK(pb_alloc(&pb, 500) == -1UL);
    pb_free_range(&pb, a, 40);
    CHECK(pb_is_free(&pb, 100));
    CHECK(pb_alloc(&pb, 40) == 100);
    /* Random use against a simple model. */
    std::vector<bool> used(1024, true);
    pb_init(&pb, bits, 1024);
    pb_free_range(&pb, 0, 1024);
    std::fill(used.begin(), used.end(), false);
    unsigned seed = 1;
    std::vector<std::pair<unsigned long, unsigned long>> held;
    for (int i = 0; i < 3000; i++) {
        seed = seed * 1103515245 + 12345;
        if ((seed >> 16) % 2 && !held.empty()) {
            auto h = held.back();
            held.pop_back();
            pb_free_range(&pb, h.first, h.second);
            for (unsigned long k = 0; k < h.second; k++)
                used[h.first + k] = false;
        } else {
            unsigned long n = 1 + (seed >> 20) % 8;
            unsigned long p = pb_alloc(&pb, n);
            if (p == -1UL)
                continue;
            for (unsigned long k = 0; k < n; k++) {
                REQUIRE(!used[p + k]);
                used[p + k] = true;
            }
            held.push_back({p, n});
        }
        REQUIRE(pb.nfree == (unsigned long)std::count(used.begin(), used.end(), false));
    }
}

/* ------------------------------------------------------------------ kmalloc */

TEST_CASE("kmalloc: every size class and large sizes, aligned, zeroed on request, no overlap")
{
    std::vector<std::pair<u8 *, size_t>> live;
    for (size_t n : {1, 15, 16, 17, 100, 512, 1000, 2032, 2033, 4000, 4096, 70000}) {
        for (int k = 0; k < 5; k++) {
            u8 *p = (u8 *)kmalloc(n, k % 2 ? __GFP_ZERO : 0);
            REQUIRE(p);
            CHECK(((unsigned long)p & 15) == 0);
            CHECK(ksize(p) >= n);
            if (k % 2)
                for (size_t i = 0; i < n; i++)
                    REQUIRE(p[i] == 0);
            memset(p, (int)(live.size() & 0xff), n);
            live.push_back({p, n});
        }
    }
    for (size_t i = 0; i < live.size(); i++)
        for (size_t k = 0; k < live[i].second; k++)
            REQUIRE(live[i].first[k] == (u8)(i & 0xff));
    kmem_stats st;
    kmem_get_stats(&st);
    CHECK(st.objects >= live.size());
    for (auto &l : live)
        kfree(l.first);
    kmem_stats after;
    kmem_get_stats(&after);
    CHECK(after.objects == st.objects - live.size());
    kfree(nullptr);
}

TEST_CASE("kmalloc returns NULL when pages run out, and catches a bad free")
{
    long old = fake_page_limit;
    fake_page_limit = fake_pages_in_use;
    CHECK(kmalloc(100000, 0) == nullptr);
    fake_page_limit = old;
    u8 *p = (u8 *)kmalloc(64, 0);
    REQUIRE(p);
    CHECK_THROWS_AS(kfree(p + 8), std::runtime_error); /* not an object start: BUG_ON */
    kfree(p);
}

/* ------------------------------------------------------------------ timers */

static std::vector<int> fired;
struct tagged_timer {
    timer_list t;
    int tag;
};
static void on_fire(timer_list *t) { fired.push_back(container_of(t, tagged_timer, t)->tag); }

TEST_CASE("timers fire in expiry order, once, and deleted ones never fire")
{
    fired.clear();
    jiffies = 1000;
    tagged_timer a{{}, 1}, b{{}, 2}, c{{}, 3};
    timer_setup(&a.t, on_fire);
    timer_setup(&b.t, on_fire);
    timer_setup(&c.t, on_fire);
    mod_timer(&a.t, 1030);
    mod_timer(&b.t, 1010);
    mod_timer(&c.t, 1020);
    CHECK(mod_timer(&c.t, 1005)); /* re-arming a pending timer moves it */
    CHECK(del_timer(&b.t));
    CHECK(!del_timer(&b.t));
    CHECK(!timers_due());
    jiffies = 1025;
    CHECK(timers_due());
    run_timers();
    CHECK(fired == std::vector<int>{3});
    jiffies = 1100;
    run_timers();
    CHECK(fired == std::vector<int>{3, 1});
    run_timers();
    CHECK(fired.size() == 2);
}

TEST_CASE("timers handle jiffies wrap-around")
{
    fired.clear();
    jiffies = 0xfffffff0UL;
    tagged_timer a{{}, 7};
    timer_setup(&a.t, on_fire);
    mod_timer(&a.t, jiffies + 0x20); /* expires after the wrap */
    run_timers();
    CHECK(fired.empty());
    jiffies = 0x8;
    run_timers();
    CHECK(fired.empty());
    jiffies = 0x10;
    run_timers();
    CHECK(fired == std::vector<int>{7});
    CHECK(time_after(0x5UL, 0xfffffff0UL));
}

/* ------------------------------------------------------------------ descriptors, lists */

TEST_CASE("IDT gates encode as the Intel SDM says")
{
    gate_desc g = pack_gate(0xc0102345, 0x60, GATE_INTERRUPT, 0);
    u8 raw[8];
    memcpy(raw, &g, 8);
    CHECK(raw[0] == 0x45);
    CHECK(raw[1] == 0x23);
    CHECK(raw[2] == 0x60);
    CHECK(raw[5] == 0x8E); /* present, DPL 0, 32-bit interrupt gate */
    CHECK(raw[6] == 0x10);
    CHECK(raw[7] == 0xc0);
    CHECK(gate_offset(g) == 0xc0102345);
    gate_desc t = pack_gate(0xc0100000, 0x60, GATE_TRAP, 3);
    memcpy(raw, &t, 8);
    CHECK(raw[5] == 0xEF); /* present, DPL 3, trap gate: int $0x80 */
    desc_struct d = pack_desc(0, 0xfffff, 0xFA, 0xC);
    memcpy(raw, &d, 8);
    CHECK(raw[0] == 0xff);
    CHECK(raw[1] == 0xff);
    CHECK(raw[5] == 0xFA);
    CHECK(raw[6] == 0xCF);
}

TEST_CASE("intrusive lists add, delete and iterate in order")
{
    struct item {
        int v;
        list_head node;
    };
    list_head head = LIST_HEAD_INIT(head);
    item items[5];
    for (int i = 0; i < 5; i++) {
        items[i].v = i;
        list_add_tail(&items[i].node, &head);
    }
    list_del(&items[2].node);
    CHECK(list_empty(&items[2].node));
    list_add(&items[2].node, &head);
    std::vector<int> seen;
    item *it;
    list_for_each_entry(it, &head, node) seen.push_back(it->v);
    CHECK(seen == std::vector<int>{2, 0, 1, 3, 4});
    item *n;
    list_for_each_entry_safe(it, n, &head, node) list_del(&it->node);
    CHECK(list_empty(&head));
}
