// The event loop compiled for plain networks (simulate.cpp: is_plain), in a file of its own (event_loop.hpp).
#include "sim/engine/event_loop.hpp"

namespace kpsim::engine {
template void run_event_loop<false>(const Network&, std::uint64_t, std::uint32_t, const SimSettings&, Replication&, Workspace&);
}  // namespace kpsim::engine
