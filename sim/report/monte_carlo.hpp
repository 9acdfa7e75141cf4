// A forecast with uncertainty bands from many replications: the figures
// every table, workbook sheet and comparison is made from.
#pragma once

#include <Eigen/Core>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/engine/network.hpp"
#include "sim/engine/replication.hpp"
#include "sim/model/scenario.hpp"
#include "sim/report/forecast.hpp"
#include "sim/report/periods.hpp"
#include "sim/report/reporting_basis.hpp"

namespace kpsim::report {

struct ProjectStats {
  double p_start_in_horizon = 0;       // among projects not yet under construction
  double mean_approval_finish_day = kNever;  // last approval construction waits on, given it finishes in the run
  double mean_start_day = kNever;      // reported start day, given it starts in the run
  double mean_completion_day = kNever;
  double p_start_target_missed = kNever;       // NaN without a target
  double p_completion_target_missed = kNever;
  double mean_investment_in_horizon = 0;
  std::array<double, kInvestmentParts> mean_part_in_horizon{};  // 建安工程, 设备工器具购置, 其他费用
  // Tracked projects (key, or with a target): P10/P50/P90 of the reported
  // start and completion day, exact (the smallest day that share of the
  // replications reached); +infinity: after the horizon or never; NaN: untracked.
  std::array<double, 3> start_quantiles{kNever, kNever, kNever}, completion_quantiles{kNever, kNever, kNever};
  // The step that most often held the project when it missed a target
  // (ProjectResult::held_start), and the share of misses it held.
  std::uint32_t held_start_task = ProjectResult::kNoTask, held_completion_task = ProjectResult::kNoTask;
  double held_start_share = kNever, held_completion_share = kNever;
};

struct AgencySummary {
  double utilisation = 0;   // busy units × working days / (capacity × working days), inside the horizon
  double mean_queue = 0;    // time-average waiting requests inside the horizon
  double mean_max_queue = 0;
  std::uint32_t max_queue = 0;  // the longest queue in any replication
  double mean_wait = 0;     // working days from request to service
  double served = 0;        // requests served per replication
  double share_over_limit = kNever;  // of served steps with a statutory limit
  double mean_excess = kNever;       // statutory-clock working days beyond the limit, when over
  double deemed = 0;                 // steps approved by default at their limit, per replication
};

struct LandSummary {
  double released_mu = 0;        // released over the whole run (all tranches)
  double granted_mu = 0;         // per replication
  double grants = 0;             // projects granted per replication
  double mean_wait_days = kNever;  // from asking to the grant
  double waiting_at_end = 0;     // projects never granted, per replication
};

struct ArrivalSummary {
  double arrived = 0;     // projects entering inside the horizon, per replication
  double started = 0;     // of those, started inside the horizon
  double investment = 0;  // their completed investment inside the horizon
};

struct RiskSummary {
  double hits = 0;  // tasks struck per replication
};

struct Distribution3 {
  double mean = 0, p10 = 0, p50 = 0, p90 = 0;
  std::size_t n = 0;
};

// How realised approval time is measured (ApprovalDays): from the project's
// entry or from the later of entry and the start date; elapsed or on the
// statutory clock.
enum ApprovalMeasure : std::uint8_t { from_entry, from_entry_clock, from_start, from_start_clock, kApprovalMeasures };

// Realised approval working days in one measure, pooled over the projects
// and replications that have a value (n: project-replications; n divided by
// the replications is the projects measured in a replication).
struct ApprovalTime {
  Distribution3 key, normal, all;
  Eigen::VectorXd sum_by_rep, count_by_rep;  // every project: per replication, for paired comparisons
  Eigen::VectorXd key_sum_by_rep, key_count_by_rep;  // key projects only
};

struct MonteCarloForecast {
  Periods periods;
  // Investment figures (periods, year to date, horizon) are on the
  // statistics bureau's basis when this is set (统计口径), gross otherwise.
  bool official = false;
  bool combine_jan_feb = false;  // official monthly figures start with January–February together
  int replications = 0;
  int blocks = 1;                   // rounds of replications: > 1 when run until converged
  bool converged = false;           // run until converged: settled before the cap of rounds
  std::uint64_t events = 0;         // events processed, all replications
  // Replication × period.
  Eigen::MatrixXd month_investment, quarter_investment;
  Eigen::MatrixXd month_ytd, quarter_ytd;  // year to date, reset each January
  Eigen::MatrixXd month_started, month_completed, quarter_started, quarter_completed;
  // 投资构成: replication × period, on the same basis as month_investment:
  // [0] 建筑安装工程, [1] 设备工器具购置, [2] 其他费用; they add up to it.
  std::array<Eigen::MatrixXd, kInvestmentParts> month_part, quarter_part;
  Eigen::VectorXd horizon_investment;      // per replication
  Eigen::VectorXd gross_horizon_investment;  // every project's spend, whatever the basis
  // Replication × quarter: projects not under construction at the start and
  // not started by the quarter's end (never started included), key and all.
  Eigen::MatrixXd key_not_started, not_started;
  std::uint32_t key_projects = 0;  // the scenario's key projects, all states
  std::uint32_t key_start_candidates = 0;  // of those, not under construction at the start
  // Per category (ReportingBasis): replication × quarter year-to-date investment.
  std::vector<std::string> category_names;
  std::vector<double> category_plan;
  std::vector<std::uint16_t> project_category;  // the scenario's projects: index into category_names
  std::vector<Eigen::MatrixXd> category_quarter_ytd;
  std::vector<std::array<double, kInvestmentParts>> category_part_mean;  // per category: 建安, 设备, 其他 in the horizon, mean
  Eigen::MatrixXd agency_month_utilisation;  // agency × month: busy reviewers / reviewers, working days
  double start_candidates = 0;  // projects that could start: not under construction at the start, plus mean arrivals
  std::vector<ProjectStats> projects;  // the scenario's projects (not arrivals)
  std::vector<AgencySummary> agencies;
  std::vector<LandSummary> land;
  std::vector<ArrivalSummary> arrivals;
  std::vector<RiskSummary> risks;
  // Realised approval working days (ReplicationSummary::approval), by measure.
  std::array<ApprovalTime, kApprovalMeasures> approval;
  // Replication × agency, for paired comparisons: working days waited and
  // requests served (their ratio over all replications is mean_wait).
  Eigen::MatrixXd agency_wait_sum_by_rep, agency_served_by_rep;
  std::vector<double> criticality;  // per task: share of replications on its project's longest path
  // The sensitivity table's inputs (ReportingBasis::sensitivity): replication
  // × input; and the named projects' start and completion day per
  // replication (+infinity: not in the run; NaN: begun before the start).
  std::vector<SensitivityInput> sensitivity;
  Eigen::MatrixXd sensitivity_inputs;
  Eigen::MatrixXd sensitivity_start, sensitivity_completion;  // replication × named project
};

// Per-period statistics of one column block, for writers.
Distribution3 column_stats(const Eigen::MatrixXd& m, Eigen::Index column);

}  // namespace kpsim::report
