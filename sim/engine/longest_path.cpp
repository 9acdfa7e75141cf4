#include "sim/engine/longest_path.hpp"

#include <algorithm>
#include <cmath>

namespace kpsim::engine {

void mark_longest_paths(const Network& net, const Trace& trace, const std::vector<double>& project_ready,
                        std::vector<bool>& critical) {
  critical.assign(net.task_count(), false);
  for (std::uint32_t p = 0; p < net.project_count(); ++p) {
    double last = -1;
    for (std::uint32_t t = net.project_begin[p]; t < net.project_begin[p + 1]; ++t)
      if (!net.tasks[t].done_at_start && std::isfinite(trace.finish(t))) last = std::max(last, trace.finish(t));
    for (std::uint32_t t = net.project_begin[p]; t < net.project_begin[p + 1]; ++t)
      if (!net.tasks[t].done_at_start && last >= 0 && trace.finish(t) == last) critical[t] = true;
  }
  // Successors have higher indices, so one reverse sweep settles every task.
  for (std::uint32_t u = net.task_count(); u-- > 0;) {
    if (net.tasks[u].done_at_start) continue;
    for (std::uint32_t i = net.succ_begin[u]; i < net.succ_begin[u + 1]; ++i) {
      const std::uint32_t v = net.succ[i];
      if (critical[v] && trace.finish(u) == trace.ready(v) && trace.ready(v) > project_ready[net.tasks[v].project])
        critical[u] = true;
    }
  }
}

}  // namespace kpsim::engine
