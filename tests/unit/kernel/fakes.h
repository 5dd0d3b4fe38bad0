/* What tests/unit/kernel/fakes.cpp offers the tests. */
#pragma once
#include <string>

extern std::string printk_log;
extern long fake_pages_in_use;
extern long fake_page_limit;
