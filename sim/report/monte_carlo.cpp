#include "sim/report/monte_carlo.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <thread>

#include "sim/report/quantile.hpp"
#include "sim/report/reducer.hpp"

namespace kpsim::report {
namespace {

// Runs replications [first, first + count) on `threads` threads into `out`.
void run_block(const engine::Network& net, const ReportingBasis& basis, const MonteCarloOptions& o, int first, int count,
               std::vector<engine::Replication>& workers, std::vector<ReplicationSummary>& out) {
  out.resize(static_cast<std::size_t>(count));
  std::atomic<int> next{0};
  const engine::SimSettings settings{o.deterministic};
  auto work = [&](engine::Replication& rep) {
    for (int i; (i = next.fetch_add(1)) < count;) {
      engine::simulate(net, o.seed, static_cast<std::uint32_t>(first + i), settings, rep);
      summarise(net, basis, rep, out[static_cast<std::size_t>(i)]);
    }
  };
  std::vector<std::thread> pool;
  for (std::size_t w = 1; w < workers.size(); ++w) pool.emplace_back(work, std::ref(workers[w]));
  work(workers[0]);
  for (auto& t : pool) t.join();
}

double p90_of(const std::vector<double>& v) {
  std::vector<double> copy = v;
  return quantile(copy, 0.9);
}

double mean_of(const std::vector<double>& v) {
  double s = 0;
  for (double x : v) s += x;
  return v.empty() ? 0 : s / static_cast<double>(v.size());
}

}  // namespace

Distribution3 column_stats(const Eigen::MatrixXd& m, Eigen::Index column) {
  std::vector<double> v(static_cast<std::size_t>(m.rows()));
  for (Eigen::Index r = 0; r < m.rows(); ++r) v[static_cast<std::size_t>(r)] = m(r, column);
  return describe(std::move(v));
}

MonteCarloForecast run_monte_carlo(const model::Scenario& sc, const engine::Network& net,
                                   const MonteCarloOptions& o) {
  const int threads = std::max(1, o.threads);
  std::vector<engine::Replication> workers;
  for (int i = 0; i < threads; ++i) workers.emplace_back(net);
  ForecastReducer reducer(sc, net);
  // Blocks bound the summaries held at once; their size does not depend on
  // the thread count, and they are reduced in replication order.
  constexpr int kBlock = 64;
  std::vector<ReplicationSummary> summaries;
  auto run = [&](int first, int count) {
    for (int b = first; b < first + count; b += kBlock) {
      const int n = std::min(kBlock, first + count - b);
      run_block(net, reducer.basis(), o, b, n, workers, summaries);
      for (int i = 0; i < n; ++i) reducer.add(summaries[static_cast<std::size_t>(i)]);
    }
  };
  const int per_block = o.deterministic ? 1 : std::max(1, o.replications);
  run(0, per_block);
  int blocks = 1;
  if (o.until_converged && !o.deterministic) {
    double mean = mean_of(reducer.horizon()), p90 = p90_of(reducer.horizon());
    while (blocks < o.max_blocks) {
      run(blocks * per_block, per_block);
      ++blocks;
      const double m2 = mean_of(reducer.horizon()), q2 = p90_of(reducer.horizon());
      const bool settled = std::abs(m2 - mean) <= *o.until_converged * std::abs(m2) &&
                           std::abs(q2 - p90) <= *o.until_converged * std::abs(q2);
      mean = m2, p90 = q2;
      if (settled) break;
    }
  }
  MonteCarloForecast mc = reducer.finish(make_periods(net.origin, net.horizon_days));
  mc.blocks = blocks;
  return mc;
}

}  // namespace kpsim::report
