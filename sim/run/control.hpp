// Watching and stopping long work from another thread: the Python module's
// main thread polls `done` for its progress callback and sets `stop` on
// Ctrl-C. The runner counts each replication it finishes and, once `stop`
// is set, throws Stopped at the next work unit, so that the work ends
// between units with nothing half-written. The command that owns the work
// says how many replications it will run (`total`).
#pragma once

#include <atomic>
#include <cstdint>
#include <stdexcept>

namespace kpsim::run {

struct Control {
  std::atomic<bool> stop{false};
  std::atomic<std::uint64_t> done{0};   // replications finished
  std::atomic<std::uint64_t> total{0};  // replications the work will run (grows with each round or wave)
};

struct Stopped : std::runtime_error {
  Stopped() : std::runtime_error("stopped on request") {}
};

// Throws Stopped when asked to stop; nothing without a control.
inline void check_stop(const Control* control) {
  if (control && control->stop.load(std::memory_order_relaxed)) throw Stopped();
}

// Adds `replications` to the total the work will run.
inline void add_total(Control* control, std::uint64_t replications) {
  if (control) control->total.fetch_add(replications, std::memory_order_relaxed);
}

}  // namespace kpsim::run
