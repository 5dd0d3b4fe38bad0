/* The one translation unit that holds Catch2's main(): compiled once, linked into
 * build/unit-tests with every tests/unit/**_test.cpp. */
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
