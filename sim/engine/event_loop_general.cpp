// The event loop compiled for every network, in a file of its own (event_loop.hpp).
#include "sim/engine/event_loop.hpp"

namespace kpsim::engine {
template void run_event_loop<true>(const Network&, std::uint64_t, std::uint32_t, const SimSettings&, Replication&, Workspace&);
}  // namespace kpsim::engine
