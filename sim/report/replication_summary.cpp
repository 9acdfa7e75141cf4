#include "sim/report/replication_summary.hpp"

#include <cmath>

#include "sim/engine/longest_path.hpp"

namespace kpsim::report {

void approval_days(const engine::Network& net, const engine::Replication& rep, ApprovalDays& out) {
  const engine::Trace& trace = rep.trace;
  for (auto* v : {&out.from_entry, &out.from_entry_clock, &out.from_start, &out.from_start_clock})
    v->assign(net.project_count(), kNever);
  for (std::uint32_t p = 0; p < net.project_count(); ++p) {
    double finish = -1;
    std::uint16_t calendar = 0;
    std::uint32_t last = 0;
    bool whole = true, ran = false;  // all its approvals ran in the simulation; some did
    for (std::uint32_t t = net.project_begin[p]; t < net.project_begin[p + 1]; ++t) {
      if (!net.tasks[t].before_construction) continue;
      if (net.tasks[t].done_at_start) {
        whole = false;
        continue;
      }
      ran = true;
      if (trace.finish(t) > finish) finish = trace.finish(t), calendar = net.tasks[t].calendar, last = t;
    }
    const double entry = rep.project_ready[p];
    if (!ran || !std::isfinite(finish) || entry >= net.horizon_days) continue;
    const core::Calendar& c = rep.calendars[calendar];
    const double off = rep.off_path_of(last);
    out.from_start[p] = c.work_before(finish) - c.work_before(std::max(entry, 0.0));
    out.from_start_clock[p] = std::max(out.from_start[p] - off, 0.0);
    if (!whole) continue;
    out.from_entry[p] = c.work_before(finish) - c.work_before(entry);
    out.from_entry_clock[p] = out.from_entry[p] - off;
  }
}

void summarise(const engine::Network& net, const ReportingBasis& basis, const engine::Replication& rep,
               ReplicationSummary& s, bool per_project_months) {
  s.forecast = make_forecast(net, rep.trace, rep.calendars, rep.project_scale, &basis,
                             {rep.seed, rep.replication, rep.deterministic}, per_project_months);
  s.agencies = rep.agency;
  s.agency_month_busy = rep.agency_month_busy;
  s.land = rep.land;
  s.risk_hits = rep.risk_hits;
  record_inputs(basis.sensitivity, net, rep, s.sensitivity);
  approval_days(net, rep, s.approval);
  engine::mark_longest_paths(net, rep.trace, rep.project_ready, s.critical);
  s.arrived.clear();
  for (const engine::ArrivalSlots& a : net.arrivals) {
    std::uint32_t n = 0;
    for (std::uint32_t k = 0; k < a.count; ++k) n += rep.project_ready[a.first_project + k] < net.horizon_days;
    s.arrived.push_back(n);
  }
  s.events = rep.events;
}

}  // namespace kpsim::report
