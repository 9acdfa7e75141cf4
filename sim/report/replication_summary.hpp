// What one replication contributes to a forecast, taken right after it runs
// so that its working state can be reused for the next one.
#pragma once

#include <cstdint>
#include <vector>

#include "sim/engine/network.hpp"
#include "sim/engine/simulate.hpp"
#include "sim/report/forecast.hpp"

namespace kpsim::report {

struct ReplicationSummary {
  Forecast forecast;
  std::vector<engine::AgencyStats> agencies;
  std::vector<engine::LandStats> land;
  std::vector<std::uint32_t> risk_hits;
  std::vector<double> approval_days;   // per project; NaN unless all its approvals ran in the simulation
  std::vector<double> approval_clock;  // the same, on the statutory clock (off-clock phases taken out)
  std::vector<std::uint32_t> arrived;  // per arrival stream: projects that entered inside the horizon
  std::vector<bool> critical;
  std::vector<double> agency_month_busy;  // [agency × months + month]
  std::uint64_t events = 0;
};

// Per project: working days from its entry to its last approval before
// construction, on that approval's calendar (NaN if part of it was done
// before the start or it never finishes); `clock` takes out the off-clock
// phases on the chain that drove that last approval.
void approval_days(const engine::Network& net, const engine::Replication& rep, std::vector<double>& days,
                   std::vector<double>& clock);

// `per_project_months`: the forecast keeps each project's months too
// (a calibration reading districts or dispatch tables needs them).
void summarise(const engine::Network& net, const ReportingBasis& basis, const engine::Replication& rep,
               ReplicationSummary& s, bool per_project_months = false);

}  // namespace kpsim::report
