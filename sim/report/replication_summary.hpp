// What one replication contributes to a forecast, taken right after it runs
// so that its working state can be reused for the next one.
#pragma once

#include <cstdint>
#include <vector>

#include "sim/engine/network.hpp"
#include "sim/engine/simulate.hpp"
#include "sim/report/forecast.hpp"

namespace kpsim::report {

// Per project, working days to its last approval before construction, on
// that approval's calendar, measured two ways:
//  - from_entry: from the project's entry (NaN if part of its approvals was
//    done before the start date: their time is not known);
//  - from_start: from its entry or the start date, whichever is later, for
//    every project with approval work inside the simulation — the projects
//    in procedures at the start date included;
// NaN where the approvals never finish or the project enters after the
// horizon. The `_clock` figures take out the off-clock phases (expert
// review, hearings, notices) on the chain that drove that last approval.
struct ApprovalDays {
  std::vector<double> from_entry, from_entry_clock, from_start, from_start_clock;
};
struct ReplicationSummary {
  Forecast forecast;
  std::vector<engine::AgencyStats> agencies;
  std::vector<engine::LandStats> land;
  std::vector<std::uint32_t> risk_hits;
  ApprovalDays approval;               // per project: realised approval working days
  std::vector<std::uint32_t> arrived;  // per arrival stream: projects that entered inside the horizon
  std::vector<bool> critical;
  std::vector<double> agency_month_busy;  // [agency × months + month]
  std::vector<double> sensitivity;        // ReportingBasis::sensitivity's inputs
  std::uint64_t events = 0;
};

void approval_days(const engine::Network& net, const engine::Replication& rep, ApprovalDays& out);

// `per_project_months`: the forecast keeps each project's months too
// (a calibration reading districts or dispatch tables needs them).
void summarise(const engine::Network& net, const ReportingBasis& basis, const engine::Replication& rep,
               ReplicationSummary& s, bool per_project_months = false);

}  // namespace kpsim::report
