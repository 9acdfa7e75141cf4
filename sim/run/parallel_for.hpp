// Jobs other than replications on every thread: preparing scenarios
// (reading and compiling a city takes as long as a few replications).
#pragma once

#include <cstddef>
#include <functional>

namespace kpsim::run {

// Runs job(0 … count−1) on up to `threads` threads (fewer if the system will
// not start more); job(i) must touch only what belongs to i. The first
// exception is rethrown here once every thread has stopped.
void parallel_for(std::size_t count, int threads, const std::function<void(std::size_t)>& job);

}  // namespace kpsim::run
