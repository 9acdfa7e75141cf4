#include "sim/io/write_run.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

#include "sim/io/atomic_file.hpp"
#include "sim/io/csv_writer.hpp"

namespace kpsim::io {
namespace {

using Json = nlohmann::ordered_json;

// Stable, readable numbers: 6 decimals (100 yuan when the unit is 亿元).
Json number(double x, double scale = 1e6) {
  if (std::isnan(x)) return nullptr;
  return std::round(x * scale) / scale;
}

std::string day_cell(const engine::Network& net, double day) {
  return std::isnan(day) ? std::string{} : (net.origin + static_cast<std::int32_t>(std::lround(day))).iso();
}

struct PeriodTable {
  const std::vector<report::Period>& periods;
  const Eigen::MatrixXd &investment, &ytd, &started, &completed;
};

// One row per period: investment and year-to-date with P10/P50/P90, share of
// the annual plan, starts and completions (means over replications).
Json write_periods(std::ostream& out, const model::Scenario& sc, const report::MonteCarloForecast& mc,
                   const PeriodTable& t) {
  write_csv_row(out, {"period", "first_day", "last_day", "investment_mean", "investment_p10", "investment_p50",
                      "investment_p90", "ytd_mean", "ytd_p10", "ytd_p50", "ytd_p90", "share_of_plan",
                      "projects_started", "projects_completed", "start_rate"});
  Json rows = Json::array();
  double started_so_far = 0;
  for (std::size_t i = 0; i < t.periods.size(); ++i) {
    const auto c = static_cast<Eigen::Index>(i);
    const auto inv = report::column_stats(t.investment, c);
    const auto ytd = report::column_stats(t.ytd, c);
    const double started = t.started.col(c).mean(), completed = t.completed.col(c).mean();
    started_so_far += started;
    const double share = sc.annual_plan ? ytd.mean / *sc.annual_plan : report::kNever;
    const double rate = mc.start_candidates > 0 ? started_so_far / mc.start_candidates : report::kNever;
    const std::string first = (mc.periods.origin + t.periods[i].begin).iso();
    const std::string last = (mc.periods.origin + (t.periods[i].end - 1)).iso();
    write_csv_row(out, {t.periods[i].label, first, last, csv_number(inv.mean), csv_number(inv.p10), csv_number(inv.p50),
                        csv_number(inv.p90), csv_number(ytd.mean), csv_number(ytd.p10), csv_number(ytd.p50),
                        csv_number(ytd.p90), csv_number(share, 4), csv_number(started, 3), csv_number(completed, 3),
                        csv_number(rate, 4)});
    rows.push_back({{"period", t.periods[i].label}, {"first_day", first}, {"last_day", last},
                    {"investment", {{"mean", number(inv.mean)}, {"p10", number(inv.p10)}, {"p50", number(inv.p50)}, {"p90", number(inv.p90)}}},
                    {"year_to_date", {{"mean", number(ytd.mean)}, {"p10", number(ytd.p10)}, {"p50", number(ytd.p50)}, {"p90", number(ytd.p90)}}},
                    {"share_of_plan", number(share, 1e4)},
                    {"projects_started", number(started, 1e3)},
                    {"projects_completed", number(completed, 1e3)},
                    {"start_rate", number(rate, 1e4)}});
  }
  return rows;
}

const char* phase_at_start(const engine::Network& net, std::uint32_t p) {
  if (net.project_under_construction[p]) return "under_construction";
  for (std::uint32_t t = net.project_begin[p]; t < net.project_begin[p + 1]; ++t)
    if (net.tasks[t].before_construction && !net.tasks[t].done_at_start) return "preparation";
  return "approved";
}

Json write_projects(std::ostream& out, const model::Scenario& sc, const engine::Network& net,
                    const report::MonteCarloForecast& mc) {
  write_csv_row(out, {"id", "name", "template", "class", "kind", "district", "investment", "phase_at_start",
                      "mean_approval_finish", "p_start_in_horizon", "mean_start", "start_target", "p_start_target_missed", "mean_completion",
                      "completion_target", "p_completion_target_missed", "investment_in_horizon_mean"});
  Json at_risk = Json::array();
  for (std::uint32_t p = 0; p < net.fixed_projects; ++p) {
    const model::Project& pr = sc.projects[p];
    const report::ProjectStats& s = mc.projects[p];
    const bool begun = net.project_under_construction[p];
    write_csv_row(out, {csv_text(pr.id), csv_text(pr.name), csv_text(pr.template_id),
                        std::string(model::to_string(pr.project_class)), std::string(model::to_string(pr.kind)),
                        csv_text(pr.district), csv_number(pr.investment), phase_at_start(net, p),
                        day_cell(net, s.mean_approval_finish_day), begun ? "" : csv_number(s.p_start_in_horizon, 4), day_cell(net, s.mean_start_day),
                        pr.start_target ? pr.start_target->iso() : "", csv_number(s.p_start_target_missed, 4),
                        day_cell(net, s.mean_completion_day), pr.completion_target ? pr.completion_target->iso() : "",
                        csv_number(s.p_completion_target_missed, 4), csv_number(s.mean_investment_in_horizon)});
    const double miss = std::max(std::isnan(s.p_start_target_missed) ? 0.0 : s.p_start_target_missed,
                                 std::isnan(s.p_completion_target_missed) ? 0.0 : s.p_completion_target_missed);
    if (miss > 0)
      at_risk.push_back({{"id", pr.id}, {"name", pr.name}, {"p_start_target_missed", number(s.p_start_target_missed, 1e4)},
                         {"p_completion_target_missed", number(s.p_completion_target_missed, 1e4)}});
  }
  return at_risk;
}

Json write_agencies(std::ostream& out, const model::Scenario& sc, const report::MonteCarloForecast& mc) {
  write_csv_row(out, {"id", "name", "capacity", "utilisation", "mean_queue", "mean_max_queue", "max_queue",
                      "mean_wait_days", "served_per_replication", "share_over_limit", "mean_excess_days",
                      "deemed_per_replication"});
  Json rows = Json::array();
  for (std::size_t i = 0; i < mc.agencies.size(); ++i) {
    const model::Agency& a = sc.agencies[i];
    const report::AgencySummary& s = mc.agencies[i];
    write_csv_row(out, {csv_text(a.id), csv_text(a.name), std::to_string(a.capacity), csv_number(s.utilisation, 4),
                        csv_number(s.mean_queue, 3), csv_number(s.mean_max_queue, 3), std::to_string(s.max_queue),
                        csv_number(s.mean_wait, 2), csv_number(s.served, 2), csv_number(s.share_over_limit, 4),
                        csv_number(s.mean_excess, 2), csv_number(s.deemed, 2)});
    rows.push_back({{"id", a.id}, {"name", a.name}, {"capacity", a.capacity}, {"utilisation", number(s.utilisation, 1e4)},
                    {"mean_queue", number(s.mean_queue, 1e3)}, {"max_queue", s.max_queue},
                    {"mean_wait_days", number(s.mean_wait, 1e2)}, {"share_over_limit", number(s.share_over_limit, 1e4)},
                    {"mean_excess_days", number(s.mean_excess, 1e2)}, {"deemed_per_replication", number(s.deemed, 1e2)}});
  }
  return rows;
}

Json write_approval_times(std::ostream& out, const report::MonteCarloForecast& mc) {
  // Elapsed working days, and those on the statutory clock (what a limit counts).
  write_csv_row(out, {"class", "measure", "samples", "mean_days", "p10_days", "p50_days", "p90_days"});
  Json rows = Json::array();
  const std::pair<const char*, const report::Distribution3*> measures[] = {
      {"key", &mc.approval_key},        {"normal", &mc.approval_normal},        {"all", &mc.approval_all},
      {"key", &mc.approval_clock_key},  {"normal", &mc.approval_clock_normal},  {"all", &mc.approval_clock_all}};
  for (std::size_t i = 0; i < std::size(measures); ++i) {
    const auto& [name, d] = measures[i];
    const char* measure = i < 3 ? "elapsed" : "statutory_clock";
    write_csv_row(out, {name, measure, std::to_string(d->n), csv_number(d->mean, 2), csv_number(d->p10, 2),
                        csv_number(d->p50, 2), csv_number(d->p90, 2)});
    rows.push_back({{"class", name}, {"measure", measure}, {"samples", d->n}, {"mean_days", number(d->mean, 1e2)},
                    {"p10_days", number(d->p10, 1e2)}, {"p50_days", number(d->p50, 1e2)}, {"p90_days", number(d->p90, 1e2)}});
  }
  return rows;
}

Json write_land(std::ostream& out, const model::Scenario& sc, const report::MonteCarloForecast& mc) {
  write_csv_row(out, {"pool", "name", "released_mu", "granted_mu", "projects_granted", "mean_wait_days",
                      "projects_never_granted"});
  Json rows = Json::array();
  for (std::size_t i = 0; i < mc.land.size(); ++i) {
    const auto& l = mc.land[i];
    write_csv_row(out, {csv_text(sc.land_pools[i].id), csv_text(sc.land_pools[i].name), csv_number(l.released_mu, 2),
                        csv_number(l.granted_mu, 2), csv_number(l.grants, 2), csv_number(l.mean_wait_days, 1),
                        csv_number(l.waiting_at_end, 2)});
    rows.push_back({{"pool", sc.land_pools[i].id}, {"released_mu", number(l.released_mu, 1e2)},
                    {"granted_mu", number(l.granted_mu, 1e2)}, {"projects_granted", number(l.grants, 1e2)},
                    {"mean_wait_days", number(l.mean_wait_days, 10)}, {"projects_never_granted", number(l.waiting_at_end, 1e2)}});
  }
  return rows;
}

Json write_risks(std::ostream& out, const model::Scenario& sc, const report::MonteCarloForecast& mc) {
  write_csv_row(out, {"risk", "name", "effect", "probability", "strikes_per_replication"});
  Json rows = Json::array();
  for (std::size_t i = 0; i < mc.risks.size(); ++i) {
    const model::Risk& r = sc.risks[i];
    write_csv_row(out, {csv_text(r.id), csv_text(r.name), std::string(model::to_string(r.effect)),
                        csv_number(r.probability, 4), csv_number(mc.risks[i].hits, 3)});
    rows.push_back({{"risk", r.id}, {"name", r.name}, {"strikes_per_replication", number(mc.risks[i].hits, 1e3)}});
  }
  return rows;
}

Json write_arrivals(std::ostream& out, const model::Scenario& sc, const report::MonteCarloForecast& mc) {
  write_csv_row(out, {"stream", "name", "arrived", "started", "investment_in_horizon"});
  Json rows = Json::array();
  for (std::size_t i = 0; i < mc.arrivals.size(); ++i) {
    const auto& a = mc.arrivals[i];
    write_csv_row(out, {csv_text(sc.arrivals[i].id), csv_text(sc.arrivals[i].name), csv_number(a.arrived, 3),
                        csv_number(a.started, 3), csv_number(a.investment)});
    rows.push_back({{"stream", sc.arrivals[i].id}, {"arrived", number(a.arrived, 1e3)}, {"started", number(a.started, 1e3)},
                    {"investment_in_horizon", number(a.investment)}});
  }
  return rows;
}

void write_criticality(std::ostream& out, const model::Scenario& sc, const engine::Network& net,
                       const report::MonteCarloForecast& mc) {
  write_csv_row(out, {"project", "step", "name", "criticality"});
  for (std::uint32_t t = 0; t < net.project_begin[net.fixed_projects]; ++t) {
    if (net.tasks[t].done_at_start) continue;
    const model::Step& step = sc.templates[net.project_template[net.tasks[t].project]].steps[net.tasks[t].step];
    write_csv_row(out, {csv_text(sc.projects[net.tasks[t].project].id), csv_text(step.id), csv_text(step.name),
                        csv_number(mc.criticality[t], 4)});
  }
}

}  // namespace

void write_run(const std::filesystem::path& dir, const model::Scenario& sc, const engine::Network& net,
               const report::MonteCarloForecast& mc, const RunInfo& info) {
  std::filesystem::create_directories(dir);
  AtomicFileSet files;
  const Json quarters = write_periods(files.add(dir / "forecast_quarterly.csv"), sc, mc,
                                      {mc.periods.quarters, mc.quarter_investment, mc.quarter_ytd, mc.quarter_started,
                                       mc.quarter_completed});
  const Json months = write_periods(files.add(dir / "forecast_monthly.csv"), sc, mc,
                                    {mc.periods.months, mc.month_investment, mc.month_ytd, mc.month_started,
                                     mc.month_completed});
  const Json at_risk = write_projects(files.add(dir / "projects.csv"), sc, net, mc);
  const Json agencies = write_agencies(files.add(dir / "agencies.csv"), sc, mc);
  const Json approval = write_approval_times(files.add(dir / "approval_times.csv"), mc);
  write_criticality(files.add(dir / "criticality.csv"), sc, net, mc);
  const Json land = write_land(files.add(dir / "land.csv"), sc, mc);
  const Json risks = write_risks(files.add(dir / "risks.csv"), sc, mc);
  const Json arrivals = write_arrivals(files.add(dir / "arrivals.csv"), sc, mc);

  Json summary;
  summary["kpsim_version"] = KPSIM_VERSION;
  summary["scenario"] = sc.name;
  summary["policies"] = sc.applied_policies;
  summary["start"] = sc.start.iso();
  summary["end"] = sc.end.iso();
  summary["money_unit"] = sc.money_unit;
  summary["method"] = info.deterministic ? "discrete-event simulation, durations at their most likely value"
                                         : "discrete-event simulation, Monte Carlo";
  summary["seed"] = info.seed;
  summary["replications"] = mc.replications;
  summary["blocks"] = mc.blocks;
  summary["events"] = mc.events;
  summary["projects"] = net.fixed_projects;
  summary["tasks"] = net.task_count();
  summary["annual_plan"] = sc.annual_plan ? Json(*sc.annual_plan) : Json(nullptr);
  const auto horizon = report::column_stats(mc.horizon_investment, 0);
  summary["investment_in_horizon"] = {{"mean", number(horizon.mean)}, {"p10", number(horizon.p10)},
                                      {"p50", number(horizon.p50)}, {"p90", number(horizon.p90)}};
  summary["quarters"] = quarters;
  summary["months"] = months;
  summary["agencies"] = agencies;
  summary["approval_working_days"] = approval;
  summary["land"] = land;
  summary["risks"] = risks;
  summary["arrivals"] = arrivals;
  summary["projects_at_risk"] = at_risk;
  Json warnings = Json::array();
  for (const auto& w : sc.warnings) warnings.push_back(w.format());
  summary["warnings"] = warnings;
  files.add(dir / "summary.json") << summary.dump(2) << '\n';
  files.commit_all();
}

}  // namespace kpsim::io
