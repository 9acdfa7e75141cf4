#include "sim/io/write_run.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

#include "sim/io/atomic_file.hpp"
#include "sim/io/csv_writer.hpp"

namespace kpsim::io {
namespace {

using Json = nlohmann::ordered_json;

// Money to 6 decimals (100 yuan when the unit is 亿元): stable, readable output.
double money(double x) { return std::round(x * 1e6) / 1e6; }

// A reported date, or an empty cell when the event does not happen in the run.
std::string date_cell(const engine::Network& net, double moment, std::int32_t day) {
  return std::isnan(moment) ? std::string{} : (net.origin + day).iso();
}

const char* phase_at_start(const report::ProjectResult& r, bool under_construction) {
  if (under_construction) return "under_construction";
  if (std::isnan(r.approval_finish)) return "approved";
  return "preparation";
}

// "yes"/"no" for a target date, empty when there is no target. `already`:
// the event happened before the start date.
std::string target_met(const std::optional<core::Date>& target, const core::Date& origin, double moment,
                       std::int32_t day, bool already) {
  if (!target) return {};
  if (already) return "yes";
  if (std::isnan(moment)) return "no";
  return origin + day <= *target ? "yes" : "no";
}

void write_periods(std::ostream& out, const std::vector<report::PeriodRow>& rows) {
  write_csv_row(out, {"period", "first_day", "last_day", "investment", "year_to_date", "share_of_plan",
                      "projects_started", "projects_completed"});
  for (const auto& r : rows)
    write_csv_row(out, {r.label, r.first.iso(), r.last.iso(), csv_number(r.investment), csv_number(r.year_to_date),
                        csv_number(r.share_of_plan, 4), std::to_string(r.started), std::to_string(r.completed)});
}

Json periods_json(const std::vector<report::PeriodRow>& rows) {
  Json a = Json::array();
  for (const auto& r : rows) {
    Json j{{"period", r.label}, {"first_day", r.first.iso()}, {"last_day", r.last.iso()},
           {"investment", money(r.investment)}, {"year_to_date", money(r.year_to_date)}};
    j["share_of_plan"] = std::isnan(r.share_of_plan) ? Json(nullptr) : Json(std::round(r.share_of_plan * 1e4) / 1e4);
    j["projects_started"] = r.started;
    j["projects_completed"] = r.completed;
    a.push_back(std::move(j));
  }
  return a;
}

}  // namespace

void write_run(const std::filesystem::path& dir, const model::Scenario& sc, const engine::Network& net,
               const report::Forecast& f) {
  std::filesystem::create_directories(dir);
  const auto quarters = report::period_rows(f, true, sc.annual_plan);
  const auto months = report::period_rows(f, false, sc.annual_plan);
  AtomicFileSet files;
  write_periods(files.add(dir / "forecast_quarterly.csv"), quarters);
  write_periods(files.add(dir / "forecast_monthly.csv"), months);

  std::ostream& pout = files.add(dir / "projects.csv");
  write_csv_row(pout, {"id", "name", "template", "class", "kind", "district", "investment", "phase_at_start",
                       "approval_finish", "start", "completion", "investment_in_horizon", "start_target",
                       "start_target_met", "completion_target", "completion_target_met"});
  Json missed = Json::array();
  for (std::uint32_t p = 0; p < net.project_count(); ++p) {
    const model::Project& pr = sc.projects[p];
    const report::ProjectResult& r = f.projects[p];
    const bool begun = net.project_under_construction[p];
    const std::string start_met = target_met(pr.start_target, net.origin, r.start, r.start_day, begun);
    const std::string done_met = target_met(pr.completion_target, net.origin, r.completion, r.completion_day,
                                            std::isnan(r.completion) && begun);
    if (start_met == "no") missed.push_back(pr.id);
    write_csv_row(pout, {csv_text(pr.id), csv_text(pr.name), csv_text(pr.template_id),
                         std::string(model::to_string(pr.project_class)), std::string(model::to_string(pr.kind)),
                         csv_text(pr.district), csv_number(pr.investment), phase_at_start(r, begun),
                         date_cell(net, r.approval_finish, r.approval_finish_day), date_cell(net, r.start, r.start_day),
                         date_cell(net, r.completion, r.completion_day),
                         csv_number(r.investment_in_horizon), pr.start_target ? pr.start_target->iso() : "", start_met,
                         pr.completion_target ? pr.completion_target->iso() : "", done_met});
  }

  Json summary;
  summary["kpsim_version"] = KPSIM_VERSION;
  summary["scenario"] = sc.name;
  summary["start"] = sc.start.iso();
  summary["end"] = sc.end.iso();
  summary["money_unit"] = sc.money_unit;
  summary["method"] = "deterministic schedule (CPM): unlimited agency capacity, durations at their most likely value";
  summary["projects"] = net.project_count();
  summary["tasks"] = net.task_count();
  summary["annual_plan"] = sc.annual_plan ? Json(*sc.annual_plan) : Json(nullptr);
  summary["investment_in_horizon"] = money(f.investment_in_horizon);
  summary["investment_after_horizon"] = money(f.investment_after_horizon);
  summary["quarters"] = periods_json(quarters);
  summary["months"] = periods_json(months);
  summary["projects_missing_start_target"] = missed;
  Json warnings = Json::array();
  for (const auto& w : sc.warnings) warnings.push_back(w.format());
  summary["warnings"] = warnings;
  files.add(dir / "summary.json") << summary.dump(2) << '\n';
  files.commit_all();
}

}  // namespace kpsim::io
