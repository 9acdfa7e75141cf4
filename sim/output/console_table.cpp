#include "sim/output/console_table.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>
#include <vector>

#include "sim/report/planner_questions.hpp"
#include "sim/tables/run_tables.hpp"
#include "sim/output/text_table.hpp"
#include "sim/output/sheet_text.hpp"
#include "sim/tables/statutory_tables.hpp"

namespace kpsim::output {
namespace {

std::string percent(double share) { return std::isnan(share) ? "" : fixed(100.0 * share, 1) + "%"; }

void print_quarters(std::ostream& out, const model::Scenario& sc, const report::MonteCarloForecast& mc) {
  using A = TextTable::Align;
  TextTable t({{"quarter", A::left}, {"mean (" + sc.money_unit + ")", A::right}, {"P10", A::right}, {"P50", A::right},
               {"P90", A::right}, {"year to date", A::right}, {"of plan", A::right}, {"P10–P90", A::right},
               {"started", A::right}, {"completed", A::right}});
  for (std::size_t q = 0; q < mc.periods.quarters.size(); ++q) {
    const auto c = static_cast<Eigen::Index>(q);
    const auto inv = report::column_stats(mc.quarter_investment, c);
    const auto ytd = report::column_stats(mc.quarter_ytd, c);
    const std::string band = sc.annual_plan ? percent(ytd.p10 / *sc.annual_plan) + "–" + percent(ytd.p90 / *sc.annual_plan) : "";
    t.add_row({mc.periods.quarters[q].label, fixed(inv.mean, 2), fixed(inv.p10, 2), fixed(inv.p50, 2), fixed(inv.p90, 2),
               fixed(ytd.mean, 2), sc.annual_plan ? percent(ytd.mean / *sc.annual_plan) : "", band,
               fixed(mc.quarter_started.col(c).mean(), 1), fixed(mc.quarter_completed.col(c).mean(), 1)});
  }
  const auto total = report::column_stats(mc.horizon_investment, 0);
  t.add_rule();
  t.add_row({"horizon", fixed(total.mean, 2), fixed(total.p10, 2), fixed(total.p50, 2), fixed(total.p90, 2), "", "", "",
             fixed(mc.quarter_started.sum() / mc.replications, 1), fixed(mc.quarter_completed.sum() / mc.replications, 1)});
  t.print(out);
  if (sc.annual_plan) out << "Annual plan: " << fixed(*sc.annual_plan, 2) << ' ' << sc.money_unit << '\n';
  if (mc.official)
    out << "Counted as the statistics bureau counts (projects of " << fixed(sc.statistics->min_investment, 2) << ' '
        << sc.money_unit << " and more, from their registration month); every project's spend: "
        << fixed(mc.gross_horizon_investment.mean(), 2) << ' ' << sc.money_unit << '\n';
  if (mc.key_projects > 0) {
    out << "Key projects not yet started at quarter end (of " << mc.key_projects << "):";
    for (Eigen::Index q = 0; q < mc.key_not_started.cols(); ++q)
      out << ' ' << mc.periods.quarters[static_cast<std::size_t>(q)].label << ' ' << fixed(mc.key_not_started.col(q).mean(), 1);
    out << '\n';
  }
}

void print_agencies(std::ostream& out, const model::Scenario& sc, const report::MonteCarloForecast& mc) {
  using A = TextTable::Align;
  TextTable t({{"agency", A::left}, {"reviewers", A::right}, {"utilisation", A::right}, {"mean queue", A::right},
               {"mean wait (wd)", A::right}, {"over limit", A::right}});
  for (std::size_t i : report::agencies_busiest_first(mc)) {
    const auto& s = mc.agencies[i];
    t.add_row({sc.agencies[i].name, std::to_string(sc.agencies[i].capacity), percent(s.utilisation),
               fixed(s.mean_queue, 2), fixed(s.mean_wait, 1), percent(s.share_over_limit)});
  }
  t.print(out);
}

void print_approval_times(std::ostream& out, const report::MonteCarloForecast& mc) {
  using A = TextTable::Align;
  using report::ApprovalMeasure;
  TextTable t({{"projects", A::left}, {"measured from", A::left}, {"clock", A::left}, {"mean", A::right},
               {"P10", A::right}, {"P50", A::right}, {"P90", A::right}, {"projects/rep", A::right}});
  const std::pair<const char*, const report::Distribution3 report::ApprovalTime::*> groups[] = {
      {"key", &report::ApprovalTime::key}, {"normal", &report::ApprovalTime::normal}};
  const std::tuple<ApprovalMeasure, const char*, const char*> measures[] = {
      {report::from_start, "start date or entry", "elapsed"},
      {report::from_start_clock, "start date or entry", "statutory"},
      {report::from_entry, "entry", "elapsed"},
      {report::from_entry_clock, "entry", "statutory"}};
  for (const auto& [who, group] : groups)
    for (const auto& [m, from, clock] : measures) {
      const report::Distribution3& d = mc.approval[m].*group;
      if (d.n == 0) continue;
      t.add_row({who, from, clock, fixed(d.mean, 1), fixed(d.p10, 1), fixed(d.p50, 1), fixed(d.p90, 1),
                 fixed(static_cast<double>(d.n) / std::max(mc.replications, 1), 1)});
    }
  t.print(out);
  out << "start date or entry: every project with approvals in the run (those in procedures at the start from the start\n"
         "date); entry: only projects whose whole procedure ran. projects/rep: projects measured per replication.\n";
}

void print_at_risk(std::ostream& out, const model::Scenario& sc, const engine::Network& net,
                   const report::MonteCarloForecast& mc) {
  const std::vector<report::TargetAtRisk> risky = report::targets_at_risk(mc, sc.at_risk_threshold);
  if (risky.empty()) {
    out << "No project misses its start or completion target with a probability of " << percent(sc.at_risk_threshold)
        << " or more.\n";
    return;
  }
  using A = TextTable::Align;
  TextTable t({{"project", A::left}, {"name", A::left}, {"target", A::left}, {"date", A::left}, {"P(miss)", A::right},
               {"most often held by", A::left}});
  constexpr std::size_t kShown = 20;
  for (std::size_t i = 0; i < std::min(risky.size(), kShown); ++i) {
    const report::TargetAtRisk& r = risky[i];
    const model::Project& pr = sc.projects[r.project];
    const report::ProjectStats& s = mc.projects[r.project];
    const bool start = r.target == report::Target::start;
    const std::uint32_t held = report::held_task(s, r.target);
    t.add_row({pr.id, pr.name, start ? "start" : "completion", (start ? *pr.start_target : *pr.completion_target).iso(),
               percent(r.p_miss),
               held == report::ProjectResult::kNoTask ? "" : tables::step_label(sc, net, held) + " " + percent(report::held_share(s, r.target))});
  }
  t.print(out);
  if (risky.size() > kShown) out << "… and " << risky.size() - kShown << " more in at_risk.csv\n";
}

}  // namespace

void print_policy_effects(std::ostream& out, const model::Scenario& sc) {
  for (const std::string& e : sc.policy_effects) out << "policy " << e << '\n';
  out << "\nStatutory full-process total (working days on the chain of approval and land limits that sets the start)\n";
  print_sheet(out, tables::template_statutory_sheet(sc));
}

void print_run_tables(std::ostream& out, const model::Scenario& sc, const engine::Network& net,
                      const report::MonteCarloForecast& mc, bool deterministic) {
  out << "kpsim · " << sc.name << " · " << sc.start.iso() << " … " << sc.end.iso() << " · " << mc.projects.size()
      << " projects · ";
  if (!sc.applied_policies.empty()) {
    out << "policies: ";
    for (std::size_t i = 0; i < sc.applied_policies.size(); ++i) out << (i ? ", " : "") << sc.applied_policies[i];
    out << " · ";
  }
  if (deterministic) out << "most likely durations (one replication)\n\n";
  else out << mc.replications << " replications\n\n";
  out << "Completed investment per quarter\n";
  print_quarters(out, sc, mc);
  if (mc.approval[report::from_start].all.n > 0) {
    out << "\nRealised approval time (working days to the last approval before construction)\n";
    print_approval_times(out, mc);
  }
  out << "\nAgencies (inside the horizon)\n";
  print_agencies(out, sc, mc);
  out << "\nProjects at risk of missing a target (probability " << percent(sc.at_risk_threshold) << " or more)\n";
  print_at_risk(out, sc, net, mc);
}

}  // namespace kpsim::output
