# The network stack's pure sources, built for the host unit tests with the fakes of
# tests/unit/net/fakes.cpp standing in for the rest of the kernel.
UNIT_SRCS += tests/unit/net/fakes.cpp $(sort $(wildcard net/*.cpp))
