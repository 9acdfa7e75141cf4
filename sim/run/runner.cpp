#include "sim/run/runner.hpp"

#include <atomic>
#include <algorithm>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace kpsim::run {

Runner::Runner(const RunnerSettings& settings)
    : settings_(settings), threads_started_(std::max(1, settings.threads)),
      simulators_(static_cast<std::size_t>(std::max(1, settings.threads))) {}
Runner::~Runner() = default;

void Runner::run(std::span<const engine::Network* const> networks, std::span<const Unit> units, UnitSink& sink) {
  const RunnerSettings& settings = settings_;
  std::atomic<std::size_t> next{0};
  std::mutex failure_mutex;
  std::exception_ptr failure;
  auto worker = [&](std::unique_ptr<engine::Simulator>& sim) {
    // One simulator per thread, rebuilt only when the thread moves to
    // another network: its buffers are sized for that network.
    try {
      for (std::size_t u; (u = next.fetch_add(1)) < units.size();) {
        check_stop(settings.control);
        const Unit& unit = units[u];
        const engine::Network& net = *networks[unit.network];
        if (!sim || &sim->network() != &net) sim = std::make_unique<engine::Simulator>(net);
        for (std::uint32_t k = 0; k < unit.count; ++k)
          sink.replication(unit, k, sim->run(settings.seed, unit.first + k, settings.sim));
        sink.unit_done(unit);
        if (settings.control) settings.control->done.fetch_add(unit.count, std::memory_order_relaxed);
      }
    } catch (...) {
      std::lock_guard lock(failure_mutex);
      if (!failure) failure = std::current_exception();
      next = units.size();  // stop the others
    }
  };
  std::vector<std::thread> pool;
  const std::size_t threads = std::min(simulators_.size(), std::max<std::size_t>(1, units.size()));
  try {
    pool.reserve(threads);
    for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(worker, std::ref(simulators_[t]));
  } catch (const std::exception&) {  // std::system_error, or no memory for the pool: go on with those started
  }
  if (pool.size() + 1 < threads) threads_started_ = std::min(threads_started_, static_cast<int>(pool.size()) + 1);
  worker(simulators_[0]);
  for (auto& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace kpsim::run
