#include "sim/engine/restart.hpp"

#include <algorithm>

#include "sim/core/rng.hpp"
#include "sim/core/sample.hpp"

namespace kpsim::engine {

void site_restarts(const Network& net, const CalendarRestart& rule, std::uint32_t project, std::uint64_t seed,
                   std::uint32_t replication, bool deterministic, double from, std::vector<core::Restart>& out) {
  out.clear();
  for (std::uint32_t k = 0; k < rule.points.size(); ++k) {
    if (rule.points[k] < from - 366) continue;  // keyed by k: the same lag whichever are skipped
    double lag = deterministic ? core::deterministic_value(rule.lag) : 0.0;
    if (!deterministic) {
      auto rng = core::RngStream::keyed(seed, replication, net.project_hash[project], rule.hash + k, core::Purpose::restart);
      lag = core::sample(rule.lag, rng);
    }
    // A window may not reach past the next restart point.
    const double next = k + 1 < rule.points.size() ? rule.points[k + 1] : rule.points[k] + 366;
    out.push_back({rule.points[k], std::clamp(lag, 0.0, next - rule.points[k])});
  }
}

}  // namespace kpsim::engine
