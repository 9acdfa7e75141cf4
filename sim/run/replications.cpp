#include "sim/run/replications.hpp"

#include <algorithm>
#include <cmath>

#include "sim/core/quantile.hpp"
#include "sim/run/runner.hpp"

namespace kpsim::run {
namespace {

class SlotSink : public UnitSink {
 public:
  SlotSink(ReplicationSink& sink, std::uint32_t block_first) : sink_(sink), first_(block_first) {}
  void replication(const Unit& unit, std::uint32_t, const engine::Replication& rep) override {
    sink_.take(unit.first - first_, rep);
  }

 private:
  ReplicationSink& sink_;
  std::uint32_t first_;
};

double mean_of(const std::vector<double>& v) {
  double s = 0;
  for (double x : v) s += x;
  return v.empty() ? 0 : s / static_cast<double>(v.size());
}

double p90_of(std::vector<double> v) { return core::quantile(v, 0.9); }

}  // namespace

ReplicationCount run_replications(const engine::Network& net, const ReplicationOptions& o, ReplicationSink& sink) {
  const RunnerSettings settings{o.threads, o.seed, {o.deterministic}, o.control};
  const engine::Network* const networks[] = {&net};
  Runner runner(settings);
  std::vector<Unit> units;
  // Each replication is a unit of its own, so that a block spreads evenly
  // over the threads.
  auto run = [&](int first, int count) {
    if (first > 0 || !o.total_counted) add_total(o.control, static_cast<std::uint64_t>(count));
    for (int b = first; b < first + count; b += ReplicationSink::kBlock) {
      const int n = std::min(ReplicationSink::kBlock, first + count - b);
      units.clear();
      for (int i = 0; i < n; ++i) units.push_back({0, static_cast<std::uint32_t>(b + i), 1});
      SlotSink slots(sink, static_cast<std::uint32_t>(b));
      runner.run(networks, units, slots);
      sink.absorb(static_cast<std::size_t>(n));
    }
  };
  const int per_round = o.deterministic ? 1 : std::max(1, o.replications);
  run(0, per_round);
  ReplicationCount count{per_round, 1, false, o.threads};
  if (o.until_converged && !o.deterministic) {
    double mean = mean_of(sink.monitored()), p90 = p90_of(sink.monitored());
    while (count.rounds < o.max_rounds) {
      run(count.rounds * per_round, per_round);
      ++count.rounds;
      count.replications += per_round;
      const double m2 = mean_of(sink.monitored()), q2 = p90_of(sink.monitored());
      const bool settled = std::abs(m2 - mean) <= *o.until_converged * std::abs(m2) &&
                           std::abs(q2 - p90) <= *o.until_converged * std::abs(q2);
      mean = m2, p90 = q2;
      if (settled) {
        count.converged = true;
        break;
      }
    }
  }
  count.threads = runner.threads_started();
  return count;
}

}  // namespace kpsim::run
