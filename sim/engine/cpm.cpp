#include "sim/engine/cpm.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "sim/engine/longest_path.hpp"
#include "sim/engine/step_work.hpp"

namespace kpsim::engine {

double deterministic_work(const Network& net, std::uint32_t t) {
  if (net.tasks[t].skipped) return 0;
  return times(deterministic_step_work(net, net.rules[net.hot[t].rule]), net.remaining[t]).total();
}

CpmSchedule schedule_cpm(const Network& net) {
  const std::uint32_t n = net.task_count();
  CpmSchedule s;
  s.early.times.assign(n, Trace::Times{});
  s.late_start.assign(n, 0.0);
  s.late_finish.assign(n, 0.0);
  s.total_slack.assign(n, 0.0);
  s.critical.assign(n, false);
  s.project_finish.assign(net.project_count(), 0.0);

  // Forward pass: tasks are in topological order, so a task's predecessors
  // have all pushed their finish into its ready time before it is reached.
  for (std::uint32_t p = 0; p < net.project_count(); ++p)
    for (std::uint32_t t = net.project_begin[p]; t < net.project_begin[p + 1]; ++t) s.early.times[t].ready = net.project_ready[p];
  for (std::uint32_t t = 0; t < n; ++t) {
    const Task& task = net.tasks[t];
    Trace::Times& early = s.early.times[t];
    const double ready = early.ready;
    // An arrival slot (it never comes in the deterministic schedule) or a
    // skipped step: it begins and ends when it is ready.
    if (!std::isfinite(ready) || task.skipped) {
      early.start = early.finish = ready;
    } else if (!task.done_at_start) {
      const core::Calendar& cal = net.calendars[task.calendar];
      const Span span = work_span(cal, ready, deterministic_work(net, t));
      early.start = span.start;
      early.finish = span.finish;
    }
    for (std::uint32_t i = net.succ_begin[t]; i < net.succ_begin[t + 1]; ++i) {
      // An overlap edge releases its successor part way through (容缺受理).
      const bool partial = net.succ_fraction[i] < 1 && !task.done_at_start && !task.skipped && std::isfinite(ready);
      const double release = partial ? overlap_release(net.calendars[task.calendar], early.start, net.succ_fraction[i],
                                                       deterministic_work(net, t))
                                     : early.finish;
      double& successor_ready = s.early.times[net.succ[i]].ready;
      successor_ready = std::max(successor_ready, release);
    }
    double& pf = s.project_finish[task.project];
    pf = std::max(pf, early.finish);
  }

  // Backward pass against each project's own early finish.
  for (std::uint32_t t = n; t-- > 0;) {
    const Task& task = net.tasks[t];
    if (task.done_at_start) continue;
    if (!std::isfinite(s.early.finish(t))) {
      s.late_start[t] = s.late_finish[t] = s.early.finish(t);
      s.total_slack[t] = std::numeric_limits<double>::quiet_NaN();
      continue;
    }
    const core::Calendar& cal = net.calendars[task.calendar];
    double latest = s.project_finish[task.project];
    for (std::uint32_t i = net.succ_begin[t]; i < net.succ_begin[t + 1]; ++i)
      latest = std::min(latest, s.late_start[net.succ[i]]);
    const double work = deterministic_work(net, t);
    // The latest finish is the end of working time at or before `latest`.
    const double lf = cal.end_at(cal.work_before(latest));
    s.late_finish[t] = work > 0 ? lf : latest;
    s.late_start[t] = work > 0 ? cal.start_at(cal.work_before(lf) - work) : latest;
    s.total_slack[t] = cal.work_before(s.late_start[t]) - cal.work_before(s.early.start(t));
  }
  mark_longest_paths(net, s.early, net.project_ready, s.critical);
  return s;
}

}  // namespace kpsim::engine
